using System.Text;
using MotionControl.Webhooks;

namespace MotionControl.Tests.Webhooks;

/// <summary>
/// <see cref="StandardWebhookVerifier"/> against Kling's published example (https://kling.ai/document-api/api/get-started/callbacks,
/// "Signature verification example"): secret, webhook-id, timestamp, body and the signature it gives.
/// </summary>
public sealed class StandardWebhookVerifierTests
{
    private const string Secret = "whsec_dGVzdHNlY3JldHRlc3RzZWNyZXR0ZXN0c2VjcmV0MTI=";
    private const string Id = "9876543210";
    private const string Timestamp = "1781080794";
    private const string Body = """{"id":"1234567890","status":"succeeded","message":"","create_time":1781080778802,"update_time":1781080794151}""";
    private const string Signature = "v1,UsKlJP00XoQyOn410NM9xv34sP+Gl0jnOO9Lcpr7NJ4=";

    private static FakeTimeProvider ClockAt(long seconds) => new(DateTimeOffset.FromUnixTimeSeconds(seconds));

    private static StandardWebhookVerifier Verifier(string secrets = Secret, long at = 1781080794) => new(secrets, ClockAt(at));

    [Fact]
    public void Klings_published_vector_verifies()
    {
        Assert.Equal(StandardWebhookVerification.Verified, Verifier().Verify(Id, Timestamp, Signature, Body));
        Assert.Equal(Signature, StandardWebhookVerifier.Sign(Secret, Id, 1781080794, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void A_body_changed_by_one_byte_is_a_bad_signature()
    {
        var changed = Body.Replace("succeeded", "succeedee", StringComparison.Ordinal);

        Assert.Equal(StandardWebhookVerification.BadSignature, Verifier().Verify(Id, Timestamp, Signature, changed));
    }

    [Theory]
    [InlineData("whsec_d3Jvbmdfc2VjcmV0X3dyb25nX3NlY3JldF8xMjM0NTY=")]
    [InlineData("d3Jvbmdfc2VjcmV0X3dyb25nX3NlY3JldF8xMjM0NTY=")]
    public void A_wrong_secret_is_a_bad_signature(string secret)
    {
        Assert.Equal(StandardWebhookVerification.BadSignature, Verifier(secret).Verify(Id, Timestamp, Signature, Body));
    }

    [Fact]
    public void The_secret_without_its_prefix_verifies_too()
    {
        Assert.Equal(StandardWebhookVerification.Verified, Verifier(Secret["whsec_".Length..]).Verify(Id, Timestamp, Signature, Body));
    }

    [Theory]
    [InlineData(-360, StandardWebhookVerification.StaleTimestamp)] // signed 6 minutes ago
    [InlineData(360, StandardWebhookVerification.StaleTimestamp)] // 6 minutes in the future
    [InlineData(-299, StandardWebhookVerification.Verified)]
    [InlineData(299, StandardWebhookVerification.Verified)]
    public void The_timestamp_must_be_within_five_minutes_either_way(long clockOffsetSeconds, StandardWebhookVerification expected)
    {
        Assert.Equal(expected, Verifier(at: 1781080794 - clockOffsetSeconds).Verify(Id, Timestamp, Signature, Body));
    }

    [Theory]
    [InlineData(null, Timestamp, Signature)]
    [InlineData(Id, null, Signature)]
    [InlineData(Id, Timestamp, null)]
    [InlineData(Id, Timestamp, " ")]
    public void A_missing_header_is_refused(string? id, string? timestamp, string? signature)
    {
        Assert.Equal(StandardWebhookVerification.MissingHeaders, Verifier().Verify(id, timestamp, signature, Body));
    }

    [Theory]
    [InlineData("17810807.94")]
    [InlineData("-1781080794")]
    [InlineData("99999999999999999999")]
    public void A_timestamp_that_is_not_unix_seconds_is_invalid(string timestamp)
    {
        Assert.Equal(StandardWebhookVerification.InvalidTimestamp, Verifier().Verify(Id, timestamp, Signature, Body));
    }

    [Fact]
    public void Any_of_several_signatures_and_any_of_several_secrets_verifies_during_a_rotation()
    {
        const string other = "whsec_b3RoZXJzZWNyZXRvdGhlcnNlY3JldG90aGVyc2VjcmV0MTI=";
        var otherSignature = StandardWebhookVerifier.Sign(other, Id, 1781080794, Encoding.UTF8.GetBytes(Body));

        Assert.Equal(StandardWebhookVerification.Verified, Verifier().Verify(Id, Timestamp, otherSignature + " " + Signature, Body));
        Assert.Equal(StandardWebhookVerification.Verified, Verifier(other + " " + Secret).Verify(Id, Timestamp, Signature, Body));
        Assert.Equal(StandardWebhookVerification.BadSignature, Verifier(other).Verify(Id, Timestamp, Signature, Body));
        Assert.Equal(StandardWebhookVerification.BadSignature, Verifier().Verify(Id, Timestamp, "v1a," + Signature[3..] + " v2," + Signature[3..] + " v1,AAAA", Body));
    }

    [Fact]
    public void A_changed_id_or_timestamp_is_a_bad_signature()
    {
        Assert.Equal(StandardWebhookVerification.BadSignature, Verifier().Verify("9876543211", Timestamp, Signature, Body));
        Assert.Equal(StandardWebhookVerification.BadSignature, Verifier(at: 1781080795).Verify(Id, "1781080795", Signature, Body));
    }

    [Theory]
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_")]
    [InlineData("  ")]
    public void A_bad_secret_is_refused_without_showing_it(string secrets)
    {
        var refused = Assert.ThrowsAny<ArgumentException>(() => new StandardWebhookVerifier(secrets));

        Assert.DoesNotContain("not base64!", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_names_no_secret()
    {
        var text = Verifier(Secret + " " + Secret).ToString();

        Assert.Equal("StandardWebhookVerifier(2 secrets, ±00:05:00)", text);
        Assert.DoesNotContain("dGVzdHNl", text, StringComparison.Ordinal);
    }
}
