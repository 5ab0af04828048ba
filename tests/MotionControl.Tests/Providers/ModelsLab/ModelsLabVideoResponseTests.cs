using System.Text.Json;
using MotionControl.Providers.ModelsLab;

namespace MotionControl.Tests.Providers.ModelsLab;

/// <summary>Reply shapes the emulator does not produce: float and huge ids, per-field error objects, odd fetch URLs.</summary>
public class ModelsLabVideoResponseTests
{
    private static ModelsLabVideoResponse Read(string json) =>
        JsonSerializer.Deserialize(json, ModelsLabJsonContext.Default.ModelsLabVideoResponse)!;

    [Theory]
    [InlineData("""{"id":155262350}""", "155262350")]
    [InlineData("""{"id":155262350.0}""", "155262350")]
    [InlineData("""{"id":1.5526235E8}""", "155262350")]
    [InlineData("""{"id":829836802793406551}""", "829836802793406551")]
    [InlineData("""{"id":"abc-1"}""", "abc-1")]
    public void Ids_arrive_as_numbers_or_strings_and_keep_every_digit(string json, string id) =>
        Assert.Equal(id, Read(json).Id);

    [Theory]
    [InlineData("https://modelslab.com/api/v7/video-fusion/fetch/155262350", "155262350")]
    [InlineData("https://modelslab.com/api/v7/video-fusion/fetch/155262350/", "155262350")]
    [InlineData("https://modelslab.com/api/v7/video-fusion/fetch/155262350?x=1", "155262350")]
    [InlineData("api/v7/video-fusion/fetch/42", "42")]
    public void Without_an_id_the_last_segment_of_fetch_result_is_the_id(string fetchResult, string id) =>
        Assert.Equal(id, Read($$"""{"status":"processing","fetch_result":"{{fetchResult}}"}""").Id);

    [Fact]
    public void A_per_field_error_object_and_the_misspelt_field_both_become_text()
    {
        Assert.Equal("prompt: The prompt field is required.", Read("""{"status":"error","message":{"prompt":["The prompt field is required."]}}""").Message);
        Assert.Equal("Invalid Api Key", Read("""{"status":"error","messege":"Invalid Api Key"}""").Message);
    }

    [Theory]
    [InlineData("""{"status":"error","message":"primary","messege":"legacy"}""", "primary")]
    [InlineData("""{"status":"error","messege":"legacy"}""", "legacy")]
    [InlineData("""{"status":"error","message":" ","messege":"legacy"}""", "legacy")]
    [InlineData("""{"status":"error","messege":{"key":["Invalid Api Key"]}}""", "key: Invalid Api Key")]
    [InlineData("""{"status":"error","message":"","messege":""}""", null)]
    [InlineData("""{"status":"error"}""", null)]
    public void The_message_is_message_else_the_misspelt_messege(string json, string? message) =>
        Assert.Equal(message, Read(json).Message);

    [Theory]
    [InlineData("""{"id":"7","fetch_result":"https://modelslab.com/api/v7/video-fusion/fetch/8"}""", "7")]
    [InlineData("""{"id":"  ","fetch_result":"https://modelslab.com/api/v7/video-fusion/fetch/8"}""", "8")]
    [InlineData("""{"fetch_result":"https://modelslab.com/"}""", null)]
    [InlineData("""{"status":"processing"}""", null)]
    public void The_id_prefers_id_over_fetch_result(string json, string? id) =>
        Assert.Equal(id, Read(json).Id);

    [Fact]
    public void An_invalid_first_link_falls_through_to_the_next_list() =>
        Assert.Equal("https://a/p.mp4", Read("""{"output":["not a url"],"proxy_links":["https://a/p.mp4"]}""").VideoUrl?.AbsoluteUri);

    [Fact]
    public void The_reply_is_constructible_with_its_public_properties()
    {
        var reply = new ModelsLabVideoResponse
        {
            Status = "success",
            FetchResult = "https://modelslab.com/api/v7/video-fusion/fetch/9",
            Message = "ok",
            FutureLinks = ["https://a/f.mp4"],
        };

        Assert.Equal(("9", "ok", "https://a/f.mp4"), (reply.Id, reply.Message, reply.VideoUrl?.AbsoluteUri));
        Assert.Equal("5", (reply with { Id = "5" }).Id);
    }

    [Fact]
    public void The_video_comes_from_output_then_proxy_links_then_future_links()
    {
        Assert.Equal("https://a/o.mp4", Read("""{"output":["https://a/o.mp4"],"proxy_links":["https://a/p.mp4"]}""").VideoUrl?.AbsoluteUri);
        Assert.Equal("https://a/p.mp4", Read("""{"output":[],"proxy_links":["https://a/p.mp4"],"future_links":["https://a/f.mp4"]}""").VideoUrl?.AbsoluteUri);
        Assert.Equal("https://a/f.mp4", Read("""{"output":[],"future_links":["https://a/f.mp4"]}""").VideoUrl?.AbsoluteUri);
        Assert.Null(Read("""{"output":[]}""").VideoUrl);
    }
}
