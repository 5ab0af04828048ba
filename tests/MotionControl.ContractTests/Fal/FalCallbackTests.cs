using System.Text;
using MotionControl.ContractTests.Infrastructure;

namespace MotionControl.ContractTests.Fal;

/// <summary>
/// fal's webhook body (https://docs.fal.ai/model-apis/model-endpoints/webhooks) read by
/// <see cref="MotionControlClient.ParseCallback"/>: the page's success, response-error and payload-error shapes.
/// </summary>
public sealed class FalCallbackTests
{
    private static readonly Uri Nowhere = new("http://127.0.0.1:9/");

    private static MotionControlTask Parse(string body)
    {
        using var client = Clients.Fal(Nowhere, "fal-callback-key:secret");
        return client.ParseCallback(Encoding.UTF8.GetBytes(body));
    }

    [Fact]
    public void An_OK_webhook_is_the_succeeded_request_with_its_video()
    {
        var task = Parse(DocumentedJson.Read("fal", "webhook-ok.json"));

        Assert.Equal("123e4567-e89b-12d3-a456-426614174000", task.Id);
        Assert.Equal("fal", task.ProviderName);
        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        Assert.Equal("OK", task.VendorStatus);
        Assert.Equal(new Uri("https://v3.fal.media/files/kangaroo/motion-control-output.mp4"), Assert.Single(task.Videos).Url);
        Assert.Equal("OK", task.Raw!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public void An_ERROR_webhook_is_a_failed_request_with_fal_s_message_and_detail()
    {
        var task = Parse(DocumentedJson.Read("fal", "webhook-error.json"));

        Assert.Equal(MotionControlTaskStatus.Failed, task.Status);
        Assert.Empty(task.Videos);
        Assert.Contains("Invalid status code: 422", task.FailureReason, StringComparison.Ordinal);
        Assert.Contains("field required", task.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_OK_webhook_whose_payload_could_not_be_serialized_is_succeeded_without_a_video_for_the_read_to_fill()
    {
        var task = Parse(DocumentedJson.Read("fal", "webhook-payload-error.json"));

        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        Assert.Empty(task.Videos);
    }

    [Fact]
    public void An_ERROR_webhook_naming_a_cancellation_is_canceled()
    {
        var task = Parse("""{"request_id":"r-1","status":"ERROR","payload":{"detail":"Request was cancelled"},"error":"Request was cancelled"}""");

        Assert.Equal(MotionControlTaskStatus.Canceled, task.Status);
        Assert.Equal("Request was cancelled", task.FailureReason);
    }

    [Fact]
    public void An_OK_webhook_without_a_video_or_a_payload_error_is_failed()
    {
        var task = Parse("""{"request_id":"r-2","status":"OK","payload":{"seed":1},"error":null}""");

        Assert.Equal(MotionControlTaskStatus.Failed, task.Status);
        Assert.Equal("fal completed the request without a video.", task.FailureReason);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("null")]
    [InlineData("""{"status":"OK"}""")]
    [InlineData("""{"request_id":"r-3","status":"IN_PROGRESS"}""")]
    public void A_body_that_is_no_fal_webhook_is_a_protocol_error(string body)
    {
        var error = Assert.Throws<MotionControlProtocolException>(() => Parse(body));

        Assert.Equal("fal", error.ProviderName);
    }
}
