using System.Text.Json;
using MotionControl.Media;
using MotionControl.Providers.AimlApi;
using MotionControl.Providers.Kling;
using MotionControl.Providers.Vydra;
using MotionControl.Testing;
using MotionControl.Validation;

namespace MotionControl.Tests.Submission;

/// <summary>Local files through the whole submit path: probed, validated, then sent the way each vendor accepts them.</summary>
public class LocalMediaSubmissionTests
{
    private static readonly MotionControlWaitOptions Fast = VendorTestBed.FastWait;

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static JsonElement Body(MotionControlEmulator emulator, string provider)
    {
        var create = Assert.Single(emulator.Requests, r => r.Provider == provider && r.Operation == EmulatorOperation.Create);
        return JsonDocument.Parse(create.Body).RootElement;
    }

    [Fact]
    public async Task Kling_receives_a_local_image_as_raw_base64_of_the_exact_file()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var kling = new KlingClient(new KlingOptions
        {
            BaseAddress = emulator.BaseAddress,
            AccessKey = emulator.Credentials.KlingAccessKey,
            SecretKey = emulator.Credentials.KlingSecretKey,
            WaitOptions = Fast,
        });

        var task = await kling.GenerateAsync(new MotionControlRequest
        {
            Image = MediaSource.FromFile(Fixture("image_baseline.jpg")),
            Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
        });

        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        var imageUrl = Body(emulator, "kling").GetProperty("image_url").GetString()!;
        Assert.DoesNotContain("data:", imageUrl, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(Fixture("image_baseline.jpg")), Convert.FromBase64String(imageUrl));
    }

    [Fact]
    public async Task Aimlapi_receives_local_image_and_video_as_data_uris()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var aiml = new AimlApiClient(new AimlApiOptions { BaseAddress = emulator.BaseAddress, ApiKey = emulator.Credentials.AimlApiKey, WaitOptions = Fast });
        await using var video = File.OpenRead(Fixture("moov_last.mp4"));

        var task = await aiml.GenerateAsync(new MotionControlRequest
        {
            Image = MediaSource.FromBytes(await File.ReadAllBytesAsync(Fixture("image.png"))),
            Video = MediaSource.FromStream(video, "dance.mp4"),
        });

        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        var body = Body(emulator, "aimlapi");
        var image = body.GetProperty("image_url").GetString()!;
        var videoUri = body.GetProperty("video_url").GetString()!;
        Assert.StartsWith("data:image/png;base64,", image, StringComparison.Ordinal);
        Assert.StartsWith("data:video/mp4;base64,", videoUri, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(Fixture("moov_last.mp4")), Convert.FromBase64String(videoUri[(videoUri.IndexOf(',', StringComparison.Ordinal) + 1)..]));
        Assert.True(video.CanRead, "the caller's stream is not disposed");
    }

    [Fact]
    public async Task Url_only_vendors_send_local_files_through_the_callers_uploader()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var uploader = new RecordingUploader();
        using var vydra = new VydraClient(new VydraOptions { BaseAddress = emulator.BaseAddress, ApiKey = emulator.Credentials.VydraApiKey, WaitOptions = Fast, MediaUploader = uploader });

        var task = await vydra.GenerateAsync(new MotionControlRequest
        {
            Image = MediaSource.FromFile(Fixture("png_named.jpg")),
            Video = MediaSource.FromFile(Fixture("moov_first.mp4")),
            Prompt = "a dancer",
        });

        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        Assert.Equal(["Image:image/png", "Video:video/mp4"], uploader.Uploads.Select(u => $"{u.Field}:{u.ContentType}"));
        var body = Body(emulator, "vydra");
        Assert.Equal("https://storage.example.com/png_named.jpg", body.GetProperty("image_url").GetString());
        Assert.Equal("https://storage.example.com/moov_first.mp4", body.GetProperty("video_url").GetString());
        Assert.Equal(new FileInfo(Fixture("moov_first.mp4")).Length, uploader.Uploads[1].Bytes);
    }

    [Fact]
    public async Task Without_an_uploader_a_url_only_vendor_refuses_local_files_before_sending_anything()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var vydra = new VydraClient(new VydraOptions { BaseAddress = emulator.BaseAddress, ApiKey = emulator.Credentials.VydraApiKey });

        var error = await Assert.ThrowsAsync<MotionControlValidationException>(() => vydra.SubmitAsync(new MotionControlRequest
        {
            Image = MediaSource.FromFile(Fixture("image.png")),
            Video = MediaSource.FromFile(Fixture("moov_first.mp4")),
            Prompt = "a dancer",
        }));

        Assert.Equal([MotionControlRules.ImageTransport, MotionControlRules.VideoTransport], error.Errors.Select(e => e.Code));
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task A_video_breaking_limits_is_refused_with_every_rule_before_any_request()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var aiml = new AimlApiClient(new AimlApiOptions { BaseAddress = emulator.BaseAddress, ApiKey = emulator.Credentials.AimlApiKey });
        var request = new MotionControlRequest
        {
            Image = MediaSource.FromFile(Fixture("image.webp")),
            Video = MediaSource.FromFile(Fixture("small_320x240.mp4")),
        };

        var result = await aiml.ValidateAsync(request);
        var error = await Assert.ThrowsAsync<MotionControlValidationException>(() => aiml.SubmitAsync(request));

        Assert.Contains(MotionControlRules.ImageFormat, result.Errors.Select(e => e.Code));
        Assert.Contains(MotionControlRules.VideoDimensions, result.Errors.Select(e => e.Code));
        Assert.Equal(result.Errors.Select(e => e.Code), error.Errors.Select(e => e.Code));
        Assert.Empty(emulator.Requests);
    }

    private sealed class RecordingUploader : IMediaUploader
    {
        public List<(string Field, string ContentType, long Bytes)> Uploads { get; } = [];

        public async ValueTask<Uri> UploadAsync(MediaUploadRequest upload, CancellationToken cancellationToken = default)
        {
            var bytes = 0L;
            var buffer = new byte[8192];
            int read;
            while ((read = await upload.Content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                bytes += read;
            }

            Uploads.Add((upload.Field, upload.ContentType, bytes));
            return new Uri("https://storage.example.com/" + upload.FileName);
        }
    }
}
