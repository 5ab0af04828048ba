using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MotionControl.Media;
using MotionControl.Providers.Kling;
using MotionControl.Testing;

namespace MotionControl.Tests.DependencyInjection;

/// <summary>
/// An <see cref="IMediaUploader"/> registered in DI reaches the clients (the storage packages' Add…MediaUploader rely on
/// it), and GenerateAsync hands what it staged to its <see cref="IMediaCleanup"/> once the task has ended.
/// </summary>
public class MediaUploaderRegistrationTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static MotionControlRequest LocalVideoRequest() => new()
    {
        Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
        Video = MediaSource.FromFile(Fixture("moov_first.mp4")),
        Prompt = "a dancer",
    };

    private static string VideoUrlSent(MotionControlEmulator emulator, string provider)
    {
        var create = emulator.Requests.Last(r => r.Provider == provider && r.Operation == EmulatorOperation.Create);
        return JsonDocument.Parse(create.Body).RootElement.GetProperty("video_url").GetString()!;
    }

    [Fact]
    public async Task An_uploader_registered_in_DI_is_used_by_registrations_whose_options_name_none_and_a_keyed_one_wins_for_its_registration()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var shared = new CleaningUploader(new Uri("https://storage.example.com/shared/"));
        var forVydra = new CleaningUploader(new Uri("https://storage.example.com/vydra/"));
        using var host = HostFixture.Build(HostFixture.Json(emulator), b =>
        {
            b.Services.AddSingleton<IMediaUploader>(shared);
            b.Services.AddKeyedSingleton<IMediaUploader>("vydra", forVydra);
        });
        await host.StartAsync();

        var kling = host.Services.GetRequiredKeyedService<IMotionControlClient>("kling");
        var vydra = host.Services.GetRequiredKeyedService<IMotionControlClient>("vydra");
        var klingTask = await kling.SubmitAsync(LocalVideoRequest());
        await vydra.SubmitAsync(LocalVideoRequest());

        Assert.StartsWith("https://storage.example.com/shared/", VideoUrlSent(emulator, "kling"), StringComparison.Ordinal);
        Assert.StartsWith("https://storage.example.com/vydra/", VideoUrlSent(emulator, "vydra"), StringComparison.Ordinal);
        Assert.Same(shared, kling.GetService(typeof(IMediaCleanup)));
        Assert.Same(forVydra, vydra.GetService(typeof(IMediaUploader)));
        Assert.Equal([new Uri("https://storage.example.com/shared/moov_first.mp4")], klingTask.StagedMedia);
        await host.StopAsync();
    }

    [Fact]
    public async Task Without_a_registered_uploader_a_url_only_vendor_still_refuses_local_files()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var host = HostFixture.Build(HostFixture.Json(emulator));

        var kling = host.Services.GetRequiredKeyedService<IMotionControlClient>("kling");

        await Assert.ThrowsAsync<MotionControlValidationException>(() => kling.SubmitAsync(LocalVideoRequest()));
        Assert.Null(kling.GetService(typeof(IMediaCleanup)));
    }

    [Fact]
    public async Task GenerateAsync_deletes_staged_media_after_success_and_after_failure_but_not_when_the_wait_times_out()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var uploader = new CleaningUploader(new Uri("https://storage.example.com/media/"));
        using var kling = new KlingClient(new KlingOptions
        {
            BaseAddress = emulator.BaseAddress,
            AccessKey = emulator.Credentials.KlingAccessKey,
            SecretKey = emulator.Credentials.KlingSecretKey,
            WaitOptions = VendorTestBed.FastWait,
            MediaUploader = uploader,
        });

        var succeeded = await kling.GenerateAsync(LocalVideoRequest());
        Assert.Equal(["https://storage.example.com/media/moov_first.mp4"], uploader.Deleted.Select(u => u.AbsoluteUri));
        Assert.Equal(succeeded.StagedMedia, uploader.Deleted);

        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().Processing(1).Fails("no motion"));
        await Assert.ThrowsAsync<MotionControlTaskFailedException>(() => kling.GenerateAsync(LocalVideoRequest()));
        Assert.Equal(2, uploader.Deleted.Count);

        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().ProcessingForever());
        await Assert.ThrowsAsync<MotionControlWaitTimeoutException>(() => kling.GenerateAsync(LocalVideoRequest(), VendorTestBed.FastWait with { Timeout = TimeSpan.FromMilliseconds(200) }));
        Assert.Equal(2, uploader.Deleted.Count);
    }

    [Fact]
    public async Task StagedMedia_never_carries_the_query_of_a_presigned_url()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var uploader = new CleaningUploader(new Uri("https://storage.example.com/media/"), "?X-Amz-Signature=abc123secret");
        using var kling = new KlingClient(new KlingOptions
        {
            BaseAddress = emulator.BaseAddress,
            AccessKey = emulator.Credentials.KlingAccessKey,
            SecretKey = emulator.Credentials.KlingSecretKey,
            MediaUploader = uploader,
        });

        var task = await kling.SubmitAsync(LocalVideoRequest());

        Assert.EndsWith("?X-Amz-Signature=abc123secret", VideoUrlSent(emulator, "kling"), StringComparison.Ordinal);
        Assert.Equal("https://storage.example.com/media/moov_first.mp4", Assert.Single(task.StagedMedia).AbsoluteUri);
        Assert.DoesNotContain("abc123secret", task.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Stores nothing (reads the content to its end) and records deletions.</summary>
    private sealed class CleaningUploader(Uri root, string query = "") : IMediaUploader, IMediaCleanup
    {
        public List<Uri> Deleted { get; } = [];

        public async ValueTask<Uri> UploadAsync(MediaUploadRequest upload, CancellationToken cancellationToken = default)
        {
            await upload.Content.CopyToAsync(Stream.Null, cancellationToken);
            return new Uri(root, upload.FileName + query);
        }

        public ValueTask DeleteAsync(Uri url, CancellationToken cancellationToken = default)
        {
            Deleted.Add(url);
            return ValueTask.CompletedTask;
        }
    }
}
