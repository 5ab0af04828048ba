using System.Text.Json;
using MotionControl.Providers.ModelsLab;
using MotionControl.Serialization;

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
        Assert.Equal(id, Read(json).ResolveId());

    [Theory]
    [InlineData("https://modelslab.com/api/v7/video-fusion/fetch/155262350", "155262350")]
    [InlineData("https://modelslab.com/api/v7/video-fusion/fetch/155262350/", "155262350")]
    [InlineData("https://modelslab.com/api/v7/video-fusion/fetch/155262350?x=1", "155262350")]
    [InlineData("api/v7/video-fusion/fetch/42", "42")]
    public void Without_an_id_the_last_segment_of_fetch_result_is_the_id(string fetchResult, string id) =>
        Assert.Equal(id, Read($$"""{"status":"processing","fetch_result":"{{fetchResult}}"}""").ResolveId());

    [Fact]
    public void A_per_field_error_object_and_the_misspelt_field_both_become_text()
    {
        Assert.Equal("prompt: The prompt field is required.", Read("""{"status":"error","message":{"prompt":["The prompt field is required."]}}""").ResolveMessage());
        Assert.Equal("Invalid Api Key", Read("""{"status":"error","messege":"Invalid Api Key"}""").ResolveMessage());
    }

    [Fact]
    public void The_video_comes_from_output_then_proxy_links_then_future_links()
    {
        Assert.Equal("https://a/o.mp4", Read("""{"output":["https://a/o.mp4"],"proxy_links":["https://a/p.mp4"]}""").ResolveVideoUrl()?.AbsoluteUri);
        Assert.Equal("https://a/p.mp4", Read("""{"output":[],"proxy_links":["https://a/p.mp4"],"future_links":["https://a/f.mp4"]}""").ResolveVideoUrl()?.AbsoluteUri);
        Assert.Equal("https://a/f.mp4", Read("""{"output":[],"future_links":["https://a/f.mp4"]}""").ResolveVideoUrl()?.AbsoluteUri);
        Assert.Null(Read("""{"output":[]}""").ResolveVideoUrl());
    }
}
