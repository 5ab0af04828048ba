using System.Net;
using System.Text.Json;
using MotionControl.Media;
using MotionControl.Providers.AimlApi;
using MotionControl.Testing;
using MotionControl.Validation;

namespace MotionControl.Tests.Providers.AimlApi;

/// <summary>AIMLAPI through the neutral client and its typed API, over real HTTP against the emulator.</summary>
public sealed class AimlApiClientTests
{
    private static Task<VendorTestBed> StartAsync(Action<MotionControlClientOptions>? configure = null) =>
        VendorTestBed.StartAsync(MotionControlProviders.AimlApi, configure);

    [Fact]
    public async Task Submit_then_wait_succeeds_with_the_video_url()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<AimlApiClient>();

        var submitted = await client.SubmitAsync(bed.Request());
        var done = await client.WaitForCompletionAsync(submitted.Id);

        Assert.Equal(MotionControlTaskStatus.Queued, submitted.Status);
        Assert.Equal("queued", submitted.VendorStatus);
        Assert.Equal(MotionControlTaskStatus.Succeeded, done.Status);
        Assert.Equal("completed", done.VendorStatus);
        Assert.Equal(new Uri(bed.Emulator.BaseAddress, $"files/videos/aimlapi/{submitted.Id}/0.mp4"), Assert.Single(done.Videos).Url);
        Assert.Equal(1_260_000, done.Raw?.GetProperty("meta").GetProperty("usage").GetProperty("credits_used").GetInt32());
    }

    [Fact]
    public async Task The_create_body_matches_the_contract_field_by_field_with_keep_audio_a_boolean()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<AimlApiClient>();

        await client.SubmitAsync(bed.Request() with { Prompt = "a parrot flies by", KeepOriginalSound = false });

        var create = Assert.Single(bed.Calls(EmulatorOperation.Create));
        Assert.Equal("POST", create.Method);
        Assert.Equal("/v2/video/generations", create.Path);
        Assert.Equal("Bearer " + bed.Emulator.Credentials.AimlApiKey, create.Headers["Authorization"]);
        var body = JsonDocument.Parse(create.Body).RootElement;
        Assert.Equal("klingai/video-v2-6-pro-motion-control", body.GetProperty("model").GetString());
        Assert.Equal("https://example.com/character.png", body.GetProperty("image_url").GetString());
        Assert.Equal("https://example.com/dance.mp4", body.GetProperty("video_url").GetString());
        Assert.Equal("a parrot flies by", body.GetProperty("prompt").GetString());
        Assert.Equal("video", body.GetProperty("character_orientation").GetString());
        Assert.Equal(JsonValueKind.False, body.GetProperty("keep_audio").ValueKind);
        Assert.Equal(6, body.EnumerateObject().Count());
    }

    [Fact]
    public async Task Orientation_is_always_sent_and_keep_audio_and_prompt_only_when_set()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<AimlApiClient>();

        await client.SubmitAsync(bed.Request() with { CharacterOrientation = CharacterOrientation.Image });
        await client.SubmitAsync(bed.Request() with { KeepOriginalSound = true });

        var bodies = bed.Calls(EmulatorOperation.Create).Select(c => JsonDocument.Parse(c.Body).RootElement).ToList();
        Assert.Equal("image", bodies[0].GetProperty("character_orientation").GetString());
        Assert.False(bodies[0].TryGetProperty("keep_audio", out _));
        Assert.False(bodies[0].TryGetProperty("prompt", out _));
        Assert.Equal("video", bodies[1].GetProperty("character_orientation").GetString());
        Assert.Equal(JsonValueKind.True, bodies[1].GetProperty("keep_audio").ValueKind);
    }

    [Fact]
    public async Task Polling_is_a_GET_with_the_escaped_generation_id_in_the_query()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<AimlApiClient>();
        var submitted = await client.SubmitAsync(bed.Request());

        await client.GetTaskAsync(submitted.Id);
        await Assert.ThrowsAsync<MotionControlTaskNotFoundException>(() => client.Api.GetVideoGenerationAsync("a b/c&d"));

        var gets = bed.Calls(EmulatorOperation.Get);
        Assert.Equal("GET", gets[0].Method);
        Assert.Equal("/v2/video/generations", gets[0].Path);
        Assert.Equal("?generation_id=" + submitted.Id, gets[0].Query);
        Assert.Equal("?generation_id=a%20b%2Fc%26d", gets[1].Query);
    }

    [Fact]
    public async Task An_HTTP_error_carries_its_kind_request_id_status_code_and_message()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<AimlApiClient>();
        bed.Emulator.AddFault(EmulatorProviders.AimlApi, EmulatorOperation.Create, EmulatorFault.AimlApiError(400, "Invalid payload provided: image_url must be a URL"));

        var rejected = await Assert.ThrowsAsync<MotionControlRequestRejectedException>(() => client.SubmitAsync(bed.Request()));

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal("400", rejected.VendorCode);
        Assert.Equal("Invalid payload provided: image_url must be a URL", rejected.VendorMessage);
        Assert.True(Guid.TryParse(rejected.RequestId, out _), "the requestId of the body");
        Assert.Equal(0, bed.Emulator.CreatedTaskCount(EmulatorProviders.AimlApi));
    }

    [Fact]
    public async Task A_numeric_status_code_and_a_list_of_messages_are_read_too()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<AimlApiClient>();
        bed.Emulator.AddFault(
            EmulatorProviders.AimlApi,
            EmulatorOperation.Create,
            EmulatorFault.RawResponse(422, """{"message":["prompt must be a string","video_url must be an HTTPS URL"],"path":"/v2/video/generations","requestId":"req-123","statusCode":422,"timestamp":"2026-01-01T00:00:00.000Z"}"""));

        var rejected = await Assert.ThrowsAsync<MotionControlRequestRejectedException>(() => client.SubmitAsync(bed.Request()));

        Assert.Equal("422", rejected.VendorCode);
        Assert.Equal("req-123", rejected.RequestId);
        Assert.Equal("prompt must be a string; video_url must be an HTTPS URL", rejected.VendorMessage);
    }

    [Fact]
    public async Task A_wrong_key_is_an_authentication_error()
    {
        await using var bed = await StartAsync(o =>
        {
            o.ApiKey = "not-the-key";
            o.MaxRetryAttempts = 0;
        });
        var client = bed.Api<AimlApiClient>();

        var denied = await Assert.ThrowsAsync<MotionControlAuthenticationException>(() => client.SubmitAsync(bed.Request()));

        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Equal("401", denied.VendorCode);
        Assert.NotNull(denied.RequestId);
        Assert.DoesNotContain("not-the-key", denied.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limits_credits_and_server_errors_map_by_status_and_wording()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<AimlApiClient>();
        bed.Emulator.AddFault(EmulatorProviders.AimlApi, EmulatorOperation.Create, EmulatorFault.RateLimited(TimeSpan.FromSeconds(3)));
        bed.Emulator.AddFault(EmulatorProviders.AimlApi, EmulatorOperation.Create, EmulatorFault.InsufficientCredits());
        bed.Emulator.AddFault(EmulatorProviders.AimlApi, EmulatorOperation.Create, EmulatorFault.ServerError(500));

        var limited = await Assert.ThrowsAsync<MotionControlRateLimitedException>(() => client.SubmitAsync(bed.Request()));
        var broke = await Assert.ThrowsAsync<MotionControlInsufficientCreditsException>(() => client.SubmitAsync(bed.Request()));
        var unknown = await Assert.ThrowsAsync<MotionControlSubmissionOutcomeUnknownException>(() => client.SubmitAsync(bed.Request()));

        Assert.Equal(TimeSpan.FromSeconds(3), limited.RetryAfter);
        Assert.Equal("429", limited.VendorCode);
        Assert.Equal(HttpStatusCode.Forbidden, broke.StatusCode);
        Assert.IsType<MotionControlServerException>(unknown.InnerException);
        Assert.Equal(3, bed.Emulator.CallCount(EmulatorProviders.AimlApi, EmulatorOperation.Create));
    }

    [Fact]
    public async Task The_waiting_status_is_queued()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<AimlApiClient>();
        var submitted = await client.SubmitAsync(bed.Request());
        bed.Emulator.AddFault(EmulatorProviders.AimlApi, EmulatorOperation.Get, EmulatorFault.UnknownStatus("waiting"));

        var waiting = await client.GetTaskAsync(submitted.Id);

        Assert.Equal(MotionControlTaskStatus.Queued, waiting.Status);
    }

    [Fact]
    public async Task The_video_url_must_be_https_and_no_prompt_is_needed()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<AimlApiClient>();

        var http = await client.ValidateAsync(bed.Request() with { Video = MediaSource.FromUri("http://example.com/dance.mp4") });
        var noPrompt = await client.ValidateAsync(bed.Request());

        Assert.Equal(MotionControlRules.UrlScheme, Assert.Single(http.Errors).Code);
        Assert.Empty(noPrompt.Errors);
    }

    [Fact]
    public async Task Capabilities_describe_AIMLAPI()
    {
        await using var bed = await StartAsync();
        var client = bed.Api<AimlApiClient>();
        var caps = client.Capabilities;

        Assert.Equal(MotionControlProviders.AimlApi, client.ProviderName);
        Assert.Equal("klingai/video-v2-6-pro-motion-control", caps.DefaultModel);
        Assert.Equal(MediaTransport.Url | MediaTransport.DataUri, caps.ImageTransports);
        Assert.Equal(MediaTransport.Url | MediaTransport.DataUri, caps.VideoTransports);
        Assert.True(caps.RequiresHttpsVideoUrl);
        Assert.True(caps.SupportsKeepOriginalSound);
        Assert.Equal(CharacterOrientation.Image, caps.VendorDefaultOrientation);
        Assert.False(caps.RequiresPrompt || caps.SupportsCallback || caps.SupportsExternalTaskId || caps.SupportsElements || caps.SupportsWatermark || caps.SupportsList);

        // A mode exists on the v3 model only; its default orientation is video, the v2.6 model's image.
        Assert.Equal([AimlApiClient.DefaultModel, AimlApiClient.KlingV3Model], caps.Models);
        Assert.True(caps.SupportsMode);
        Assert.False(caps.ForModel(null).SupportsMode);
        Assert.Equal(CharacterOrientation.Image, caps.ForModel(AimlApiClient.DefaultModel).VendorDefaultOrientation);
        Assert.True(caps.ForModel(AimlApiClient.KlingV3Model).SupportsMode);
        Assert.Equal(CharacterOrientation.Video, caps.ForModel(AimlApiClient.KlingV3Model).VendorDefaultOrientation);
        Assert.Throws<NotSupportedException>(() => client.ListTasksAsync());
        Assert.Equal(new Uri("https://api.aimlapi.com"), new AimlApiOptions().BaseAddress);
    }
}
