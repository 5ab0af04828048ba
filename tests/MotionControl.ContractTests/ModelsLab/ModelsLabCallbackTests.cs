using System.Text;
using MotionControl.ContractTests.Infrastructure;

namespace MotionControl.ContractTests.ModelsLab;

/// <summary>
/// ModelsLab's webhook body read by <see cref="MotionControlClient.ParseCallback"/>: "the same object as fetch", unsigned,
/// with <c>status:"failed"</c> on failure (https://docs.modelslab.com/webhooks).
/// </summary>
public sealed class ModelsLabCallbackTests
{
    private static readonly Uri Nowhere = new("http://127.0.0.1:9/");

    [Fact]
    public void A_success_callback_is_read_as_the_task_with_its_video()
    {
        using var client = Clients.ModelsLab(Nowhere, "modelslab-callback-key");
        const string body = """{"status":"success","generationTime":212.4,"id":155262350,"output":["https://pub-3626123a908346a7a8be8d9295f44e26.r2.dev/video/155262350.mp4"],"meta":{"model_id":"kling-motion-control","mode":"std"}}""";

        var task = client.ParseCallback(Encoding.UTF8.GetBytes(body));

        Assert.Equal("155262350", task.Id);
        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        Assert.Equal(new Uri("https://pub-3626123a908346a7a8be8d9295f44e26.r2.dev/video/155262350.mp4"), Assert.Single(task.Videos).Url);
        Assert.Equal(155262350, task.Raw!.Value.GetProperty("id").GetInt64());
    }

    [Fact]
    public void The_documented_processing_object_and_a_failed_one_are_read_with_their_status()
    {
        using var client = Clients.ModelsLab(Nowhere, "modelslab-callback-key");
        var processing = DocumentedJson.StripComments(DocumentedJson.Read("modelslab", "processing.response.jsonc"));

        var running = client.ParseCallback(Encoding.UTF8.GetBytes(processing));
        var failed = client.ParseCallback(Encoding.UTF8.GetBytes("""{"status":"failed","id":"155262351","message":"the video could not be made"}"""));

        Assert.Equal(("abc123-def456", MotionControlTaskStatus.Processing), (running.Id, running.Status));
        Assert.Equal(("155262351", MotionControlTaskStatus.Failed), (failed.Id, failed.Status));
        Assert.Equal("the video could not be made", failed.FailureReason);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("""{"status":"success"}""")]
    public void A_body_that_is_no_modelslab_task_is_a_protocol_error(string body)
    {
        using var client = Clients.ModelsLab(Nowhere, "modelslab-callback-key");

        var error = Assert.Throws<MotionControlProtocolException>(() => client.ParseCallback(Encoding.UTF8.GetBytes(body)));

        Assert.Equal("modelslab", error.ProviderName);
    }
}
