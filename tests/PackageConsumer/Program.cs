// Runs one job on the emulator through the packed NuGet packages, the way a user's app would. Exit 0 on success.
using MotionControl;
using MotionControl.Providers.Kling;
using MotionControl.Testing;

try
{
    await using var emulator = await MotionControlEmulator.StartAsync();
    using var kling = new KlingClient(new KlingOptions
    {
        BaseAddress = emulator.KlingBaseAddress,
        AccessKey = emulator.Credentials.KlingAccessKey,
        SecretKey = emulator.Credentials.KlingSecretKey,
        WaitOptions = new MotionControlWaitOptions { PollInterval = TimeSpan.FromMilliseconds(50), MaxPollInterval = TimeSpan.FromMilliseconds(100), Timeout = TimeSpan.FromSeconds(60) },
    });

    var task = await kling.GenerateAsync(new MotionControlRequest
    {
        Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
        Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
        Prompt = "a dancer on a rooftop",
    });

    using var video = new MemoryStream();
    var bytes = await kling.DownloadVideoAsync(task, video);
    if (!video.ToArray().AsSpan().SequenceEqual(MotionControlEmulator.SampleVideo.Span))
    {
        Console.Error.WriteLine("the downloaded video differs from the emulator's sample");
        return 1;
    }

    var version = typeof(KlingClient).Assembly.GetName().Version;
    Console.WriteLine($"package consumer: {task} with {bytes} bytes of video (MotionControl {version})");
    return 0;
}
catch (MotionControlException ex)
{
    Console.Error.WriteLine($"package consumer failed: {ex.GetType().Name}: {ex.Message}");
    return 1;
}
