using System.Text.Json;
using MotionControl.Media;
using MotionControl.Providers.Kling;
using MotionControl.Testing;

namespace MotionControl.Storage.Tests.TestSupport;

/// <summary>Kling on the emulator (it takes the reference video by URL only), with a given uploader.</summary>
internal static class KlingBed
{
    public static readonly MotionControlWaitOptions FastWait = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(5),
        MaxPollInterval = TimeSpan.FromMilliseconds(20),
        MaxHintedPollInterval = TimeSpan.FromMilliseconds(20),
        Jitter = 0,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static KlingClient Client(MotionControlEmulator emulator, IMediaUploader uploader) => new(new KlingOptions
    {
        BaseAddress = emulator.BaseAddress,
        AccessKey = emulator.Credentials.KlingAccessKey,
        SecretKey = emulator.Credentials.KlingSecretKey,
        WaitOptions = FastWait,
        MediaUploader = uploader,
    });

    public static MotionControlRequest Request(MediaSource video) => new()
    {
        Image = MediaSource.FromFile(LargeVideo.Fixture("image_baseline.jpg")),
        Video = video,
    };

    /// <summary>The <c>video_url</c> Kling's create received.</summary>
    public static Uri ReceivedVideoUrl(MotionControlEmulator emulator)
    {
        var create = Assert.Single(emulator.Requests, r => r.Provider == EmulatorProviders.Kling && r.Operation == EmulatorOperation.Create);
        return new Uri(JsonDocument.Parse(create.Body).RootElement.GetProperty("video_url").GetString()!);
    }
}
