using System.Text;
using Microsoft.Extensions.Time.Testing;
using MotionControl.ContractTests.Infrastructure;
using MotionControl.Providers.Kling;
using MotionControl.Webhooks;

namespace MotionControl.ContractTests.Kling;

/// <summary>
/// Kling's callback bodies (https://kling.ai/document-api/api/get-started/callbacks, "Callback Protocol": the legacy and the
/// new-standard payload) read by <see cref="MotionControlClient.ParseCallback"/>, and the page's signed example verified.
/// </summary>
public sealed class KlingCallbackTests
{
    private static readonly Uri Nowhere = new("http://127.0.0.1:9/");

    /// <summary>The legacy example with its comments stripped, its bare <c>int</c> made 0, and real values where the page has placeholders [inferred].</summary>
    private static string Legacy(string status = "succeed", string reason = "string")
    {
        var task = DocumentedJson.Node(DocumentedJson.StripComments(DocumentedJson.Read("kling", "callback.legacy.jsonc")).Replace(": int,", ": 0,", StringComparison.Ordinal));
        task["task_id"] = "860938741853495312";
        task["task_status"] = status;
        task["task_status_msg"] = reason;
        task["final_unit_deduction"] = "10";
        task["task_result"]!["videos"]![0]!["url"] = "https://cdn.example/v.mp4";
        task["task_result"]!["videos"]![0]!["duration"] = "5.0";
        return task.ToJsonString();
    }

    /// <summary>The new-standard example with its comments stripped and real values where the page has placeholders [inferred].</summary>
    private static string New(string status = "succeeded")
    {
        var task = DocumentedJson.Node(DocumentedJson.StripComments(DocumentedJson.Read("kling", "callback.new.jsonc")));
        task["id"] = "875125411196899380";
        task["status"] = status;
        task["outputs"]![0]!["url"] = "https://cdn.example/v.mp4";
        task["outputs"]![0]!["duration"] = "5.0";
        task["billing"]![0]!["charge_type"] = "unit";
        task["billing"]![0]!["amount"] = "10";
        return task.ToJsonString();
    }

    private static KlingClient Client(KlingApiVersion version) =>
        new(new KlingOptions { ApiKey = "callback-key", ApiVersion = version, BaseAddress = Nowhere });

    [Theory]
    [InlineData(KlingApiVersion.V1)]
    [InlineData(KlingApiVersion.V2)]
    public void The_documented_legacy_callback_is_read_as_the_task(KlingApiVersion version)
    {
        using var client = Client(version);

        var task = client.ParseCallback(Encoding.UTF8.GetBytes(Legacy()));

        Assert.Equal("860938741853495312", task.Id);
        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        Assert.Equal("succeed", task.VendorStatus);
        Assert.Equal("string", task.ExternalTaskId);
        Assert.Equal(new Uri("https://cdn.example/v.mp4"), Assert.Single(task.Videos).Url);
        Assert.Equal(new MotionControlCharge { Amount = 10m, Unit = MotionControlCharge.Units, Source = "final_unit_deduction" }, task.Charge);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1722769557708), task.CreatedAt);
        Assert.Equal("860938741853495312", task.Raw!.Value.GetProperty("task_id").GetString());
    }

    [Theory]
    [InlineData(KlingApiVersion.V1)]
    [InlineData(KlingApiVersion.V2)]
    public void The_documented_new_standard_callback_is_read_as_the_task_with_its_video_and_billing(KlingApiVersion version)
    {
        using var client = Client(version);

        var task = client.ParseCallback(Encoding.UTF8.GetBytes(New()));

        Assert.Equal("875125411196899380", task.Id);
        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        Assert.Equal("string", task.ExternalTaskId);
        Assert.Single(task.Videos); // the image, audio, voice and element outputs are not videos
        Assert.Equal(new MotionControlCharge { Amount = 10m, Unit = MotionControlCharge.Units, Source = "billing" }, task.Charge);
    }

    [Fact]
    public void A_failed_callback_carries_its_reason_with_the_clients_secrets_redacted()
    {
        using var client = Client(KlingApiVersion.V1);
        var body = Legacy("failed", "risk control; key callback-key");

        var task = client.ParseCallback(Encoding.UTF8.GetBytes(body));

        Assert.Equal(MotionControlTaskStatus.Failed, task.Status);
        Assert.NotNull(task.FailureReason);
        Assert.DoesNotContain("callback-key", task.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pages_signed_example_verifies_and_reads_as_a_succeeded_task()
    {
        var body = Encoding.UTF8.GetBytes(DocumentedJson.Read("kling", "callback.signed.json"));
        var verifier = new StandardWebhookVerifier("whsec_dGVzdHNlY3JldHRlc3RzZWNyZXR0ZXN0c2VjcmV0MTI=", new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1781080794)));
        using var client = Client(KlingApiVersion.V2);

        var verified = verifier.Verify("9876543210", "1781080794", "v1,UsKlJP00XoQyOn410NM9xv34sP+Gl0jnOO9Lcpr7NJ4=", body);
        var task = client.ParseCallback(body);

        Assert.Equal(StandardWebhookVerification.Verified, verified);
        Assert.Equal("1234567890", task.Id);
        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        Assert.Empty(task.Videos);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{}")]
    [InlineData("""{"task_id":""}""")]
    [InlineData("""{"id":null,"status":"succeeded"}""")]
    public void A_body_that_is_no_Kling_task_is_a_protocol_error_that_does_not_echo_it(string body)
    {
        using var client = Client(KlingApiVersion.V1);

        var error = Assert.Throws<MotionControlProtocolException>(() => client.ParseCallback(Encoding.UTF8.GetBytes(body)));

        Assert.Equal("kling", error.ProviderName);
        Assert.DoesNotContain(body, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vendor_whose_callbacks_the_SDK_does_not_read_says_so()
    {
        using var client = Clients.Vydra(Nowhere, "vydra_live_x");

        var refused = Assert.Throws<NotSupportedException>(() => client.ParseCallback("{}"u8));

        Assert.Contains("Vydra", refused.Message, StringComparison.Ordinal);
    }
}
