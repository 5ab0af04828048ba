using System.Text;
using MotionControl.ContractTests.Infrastructure;

namespace MotionControl.ContractTests.Replicate;

/// <summary>
/// Replicate's webhook body, the prediction object (https://replicate.com/docs/topics/webhooks), read by
/// <see cref="MotionControlClient.ParseCallback"/>: the documented prediction of Fixtures/replicate/get.response.json.
/// </summary>
public sealed class ReplicateCallbackTests
{
    private static readonly Uri Nowhere = new("http://127.0.0.1:9/");

    [Fact]
    public void A_succeeded_prediction_posted_to_the_webhook_is_read_as_the_task_with_its_video()
    {
        var prediction = DocumentedJson.Node(DocumentedJson.Read("replicate", "get.response.json"));
        prediction["output"] = "https://replicate.delivery/xezq/abc123/tmpout.mp4"; // a motion-control output [inferred]
        using var client = Clients.Replicate(Nowhere, "r8_callback_key");

        var task = client.ParseCallback(Encoding.UTF8.GetBytes(prediction.ToJsonString()));

        Assert.Equal("gm3qorzdhgbfurvjtvhg6dckhu", task.Id);
        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        Assert.Equal(new Uri("https://replicate.delivery/xezq/abc123/tmpout.mp4"), Assert.Single(task.Videos).Url);
        Assert.Equal("gm3qorzdhgbfurvjtvhg6dckhu", task.Raw!.Value.GetProperty("id").GetString());
    }

    [Fact]
    public void A_processing_prediction_is_read_as_processing()
    {
        var prediction = DocumentedJson.Node(DocumentedJson.Read("replicate", "get.response.json"));
        prediction["status"] = "processing";
        prediction["output"] = null;
        using var client = Clients.Replicate(Nowhere, "r8_callback_key");

        var task = client.ParseCallback(Encoding.UTF8.GetBytes(prediction.ToJsonString()));

        Assert.Equal(MotionControlTaskStatus.Processing, task.Status);
        Assert.Empty(task.Videos);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("null")]
    [InlineData("""{"status":"succeeded"}""")]
    public void A_body_that_is_no_prediction_is_a_protocol_error(string body)
    {
        using var client = Clients.Replicate(Nowhere, "r8_callback_key");

        var error = Assert.Throws<MotionControlProtocolException>(() => client.ParseCallback(Encoding.UTF8.GetBytes(body)));

        Assert.Equal("replicate", error.ProviderName);
    }
}
