using MotionControl.Media;
using MotionControl.Testing;
using MotionControl.Validation;

namespace MotionControl.Tests.Media.Remote;

/// <summary>What the remote pre-flight reads, and how a URL it cannot check is reported in each mode.</summary>
public sealed class RemotePreflightModeTests : IAsyncLifetime
{
    private const string Signature = "X-Amz-Signature=0123456789abcdefsecret";

    private MotionControlEmulator _emulator = null!;
    private MediaFileServer _server = null!;

    public async Task InitializeAsync()
    {
        _emulator = await MotionControlEmulator.StartAsync();
        _server = await MediaFileServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    private MotionControlClient Client(RemoteMediaValidation mode = RemoteMediaValidation.BestEffort, Action<MotionControlClientOptions>? configure = null) =>
        VendorTestBed.CreateClient(MotionControlProviders.Kling, _emulator, o =>
        {
            o.RemoteMediaAllowList.Add(_server.BaseAddress);
            o.RemoteMediaValidation = mode;
            configure?.Invoke(o);
        });

    private static MotionControlRequest Request(Uri video) => new()
    {
        Image = MediaSource.FromFile(MediaFixtures.PathOf("image_baseline.jpg")),
        Video = MediaSource.FromUri(video),
    };

    /// <summary>ftyp, a <paramref name="mediaBytes"/> mdat, then the moov: a 5 s, 720x1280 movie.</summary>
    private static byte[] MoovAtEnd(int mediaBytes, ulong durationMs = 5000) => [
        .. Mp4Boxes.Ftyp("isom", "isom", "mp41"),
        .. Mp4Boxes.Box("mdat", new byte[mediaBytes]),
        .. Mp4Boxes.Box("moov", Mp4Boxes.Mvhd(1000, durationMs), Mp4Boxes.Track("vide", 1, 720, 1280, 1000, durationMs)),
    ];

    [Fact]
    public async Task A_moov_at_end_file_of_40_MB_is_checked_with_under_200_KB_read()
    {
        var url = _server.Add("big.mp4", MoovAtEnd(40 * 1024 * 1024, durationMs: 31_000));
        using var client = Client();

        var result = await client.ValidateAsync(Request(url));

        Assert.Equal([MotionControlRules.VideoDurationMax], result.Errors.Select(e => e.Code));
        Assert.Empty(result.Warnings);
        Assert.InRange(_server.BytesSent, 1, 200 * 1024);
        Assert.Contains(_server.Requests, r => r.Method == "HEAD");
        Assert.All(_server.Requests.Where(r => r.Method == "GET"), r => Assert.NotNull(r.Range));
    }

    [Fact]
    public async Task Without_ranges_a_large_moov_at_end_file_is_not_checked_and_the_read_stops_at_the_budget()
    {
        _server.Ranges = false;
        var url = _server.Add("big.mp4", MoovAtEnd(8 * 1024 * 1024));
        using var client = Client();

        var result = await client.ValidateAsync(Request(url));

        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("Video", MotionControlRules.MediaUrlUnchecked), (warning.Field, warning.Code));
        Assert.Contains("no range requests", warning.Message, StringComparison.Ordinal);
        Assert.Contains("1,024 KiB", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_with_no_size_and_no_ranges_gives_a_warning_in_best_effort_mode()
    {
        _server.Ranges = false;
        _server.Head = false;
        _server.ContentLength = false;
        var url = _server.Add("clip.mp4", MediaFixtures.Bytes("duration_31s.mp4"));
        using var client = Client(RemoteMediaValidation.BestEffort);

        var result = await client.ValidateAsync(Request(url));

        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(MotionControlRules.MediaUrlUnchecked, warning.Code);
        Assert.Contains("reports no size", warning.Message, StringComparison.Ordinal);
        Assert.Contains(url.AbsolutePath, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_with_no_size_and_no_ranges_is_an_error_in_strict_mode_and_submit_sends_nothing()
    {
        _server.Ranges = false;
        _server.Head = false;
        _server.ContentLength = false;
        var url = _server.Add("clip.mp4", MediaFixtures.Bytes("moov_first.mp4"));
        using var client = Client(RemoteMediaValidation.Strict);

        var result = await client.ValidateAsync(Request(url));
        var thrown = await Assert.ThrowsAsync<MotionControlValidationException>(() => client.SubmitAsync(Request(url)));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("Video", MotionControlRules.MediaUrlUnchecked), (error.Field, error.Code));
        Assert.Empty(result.Warnings);
        Assert.Contains(thrown.Errors, e => e.Code == MotionControlRules.MediaUrlUnchecked);
        Assert.DoesNotContain(_emulator.Requests, r => r.Operation == EmulatorOperation.Create);
    }

    [Fact]
    public async Task Off_sends_no_request_to_the_media_host()
    {
        var url = _server.Add("long.mp4", MediaFixtures.Bytes("duration_31s.mp4"));
        using var client = Client(RemoteMediaValidation.Off);

        var result = await client.ValidateAsync(Request(url));

        Assert.True(result.IsValid);
        Assert.Empty(result.Warnings);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_too_long_video_url_fails_validation_and_submit_sends_nothing_in_the_default_mode()
    {
        var url = _server.Add("long.mp4", MediaFixtures.Bytes("duration_31s.mp4"));
        using var client = Client();

        var thrown = await Assert.ThrowsAsync<MotionControlValidationException>(() => client.SubmitAsync(Request(url)));

        Assert.Contains(thrown.Errors, e => e.Code == MotionControlRules.VideoDurationMax);
        Assert.DoesNotContain(_emulator.Requests, r => r.Operation == EmulatorOperation.Create);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_reported_after_the_timeout()
    {
        using var client = Client(configure: o =>
        {
            o.RemoteMediaTimeout = TimeSpan.FromSeconds(1);
            o.TimeProvider = TimeProvider.System;
        });

        var result = await client.ValidateAsync(Request(_server.Slow));

        var warning = Assert.Single(result.Warnings);
        Assert.Equal(MotionControlRules.MediaUrlUnchecked, warning.Code);
        Assert.Contains("did not answer within 1 s", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_urls_query_never_appears_in_a_warning_or_error()
    {
        var missing = new Uri(_server.BaseAddress, "files/missing.mp4?" + Signature);
        var redirected = _server.Redirect("signed", new Uri("http://10.0.0.1/private.mp4?" + Signature));
        using var lenient = Client();
        using var strict = Client(RemoteMediaValidation.Strict);

        var warned = await lenient.ValidateAsync(Request(missing));
        var failed = await strict.ValidateAsync(Request(missing));
        var refused = await lenient.ValidateAsync(Request(new Uri(redirected.AbsoluteUri + "?" + Signature)));

        Assert.Contains("HTTP 404", Assert.Single(warned.Warnings).Message, StringComparison.Ordinal);
        Assert.Equal(MotionControlRules.MediaUrlForbidden, Assert.Single(refused.Errors).Code);
        var texts = warned.Warnings.Select(w => w.ToString()).Concat(failed.Errors.Select(e => e.ToString() + e.Actual))
            .Concat(refused.Errors.Select(e => e.ToString() + e.Actual)).ToList();
        Assert.Equal(3, texts.Count);
        Assert.All(texts, text => Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase));
        Assert.All(texts, text => Assert.DoesNotContain("Signature", text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Urls_returned_by_the_media_uploader_are_not_preflighted()
    {
        // ModelsLab takes URLs only: the local video is uploaded, and the uploader's URL (private, never reachable) is
        // sent as it is. Had it been pre-flighted, the guard would have refused it.
        var uploader = new PrivateUrlUploader();
        using var client = VendorTestBed.CreateClient(MotionControlProviders.ModelsLab, _emulator, o =>
        {
            o.MediaUploader = uploader;
            o.RemoteMediaValidation = RemoteMediaValidation.Strict;
        });

        var task = await client.SubmitAsync(new MotionControlRequest
        {
            Image = MediaSource.FromFile(MediaFixtures.PathOf("image_baseline.jpg")),
            Video = MediaSource.FromFile(MediaFixtures.PathOf("moov_first.mp4")),
            Prompt = VendorTestBed.DefaultPrompt,
        });

        Assert.False(string.IsNullOrEmpty(task.Id));
        Assert.Equal(2, uploader.Count);
        var create = Assert.Single(_emulator.Requests, r => r.Operation == EmulatorOperation.Create);
        Assert.Contains("10.0.0.1", create.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_url_at_the_vendors_own_base_address_is_trusted_without_an_allow_list()
    {
        // The emulator serves its sample video at its base address on 127.0.0.1: that origin is the client's own.
        using var client = VendorTestBed.CreateClient(MotionControlProviders.Kling, _emulator, o => o.RemoteMediaValidation = RemoteMediaValidation.Strict);

        var result = await client.ValidateAsync(Request(_emulator.GetBlobUri(4096)));

        Assert.DoesNotContain(result.Errors, e => e.Code is "media.url.forbidden" or "media.url.unchecked");
        Assert.Contains(result.Errors, e => e.Code == MotionControlRules.VideoFormat);
    }

    private sealed class PrivateUrlUploader : IMediaUploader
    {
        public int Count { get; private set; }

        public ValueTask<Uri> UploadAsync(MediaUploadRequest upload, CancellationToken cancellationToken = default)
        {
            Count++;
            return ValueTask.FromResult(new Uri($"http://10.0.0.1/staged/{upload.FileName}"));
        }
    }
}
