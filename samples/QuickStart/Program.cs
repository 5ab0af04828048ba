// QuickStart: the whole MotionControl flow in one file.
//   dotnet run --project samples/QuickStart [-- --provider kling --image a.png --video b.mp4|https://… --orientation image|video --out out.mp4 --prompt "…"]
// With no API key in the environment it runs against the local emulator (MotionControl.Testing).
using MotionControl;
using MotionControl.Providers.AimlApi;
using MotionControl.Providers.Fal;
using MotionControl.Providers.Kling;
using MotionControl.Providers.ModelsLab;
using MotionControl.Providers.PowerTokens;
using MotionControl.Providers.Replicate;
using MotionControl.Providers.Vydra;
using MotionControl.Testing;
using QuickStart;

try
{
    var options = QuickStartArguments.Parse(args);
    if (options is null)
    {
        Console.WriteLine(QuickStartArguments.Usage);
        return 0;
    }

    return await RunAsync(options);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    Console.Error.WriteLine(QuickStartArguments.Usage);
    return 2;
}
catch (MotionControlException ex)
{
    Console.Error.WriteLine($"failed: {ex.GetType().Name}: {ex.Message}");
    return 1;
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or HttpRequestException or InvalidOperationException)
{
    Console.Error.WriteLine($"failed: {ex.Message}");
    return 1;
}

static async Task<int> RunAsync(QuickStartArguments options)
{
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancel.Cancel();
    };

    var credentials = VendorCredentials.FromEnvironment(options.Provider);
    await using var emulator = credentials is null ? await MotionControlEmulator.StartAsync(cancellationToken: cancel.Token) : null;
    using var uploader = emulator is null ? null : new LocalFileUploader();

    MotionControlClientOptions clientOptions;
    if (emulator is not null)
    {
        Console.WriteLine("No API key configured: running against the local emulator (MotionControl.Testing)");
        Console.WriteLine($"  emulator at {emulator.BaseAddress}; set MOTIONCONTROL__KLING__APIKEY (or another vendor's key) to run for real.");
        clientOptions = VendorCredentials.ForEmulator(options.Provider, emulator);
        // Local files for URL-only vendors are served from 127.0.0.1; fal and Replicate store them themselves (fal's
        // storage, Replicate's files API, both emulated).
        clientOptions.MediaUploader = clientOptions is FalOptions or ReplicateOptions ? null : uploader;
        clientOptions.WaitOptions = new MotionControlWaitOptions { PollInterval = TimeSpan.FromMilliseconds(500), MaxPollInterval = TimeSpan.FromSeconds(1) };
    }
    else
    {
        Console.WriteLine($"Running against the real {options.Provider} API.");
        clientOptions = credentials!;
    }

    using var client = CreateClient(options.Provider, clientOptions);

    var request = new MotionControlRequest
    {
        Image = Media(options.Image),
        Video = Media(options.Video),
        CharacterOrientation = options.Orientation,
        Prompt = options.Prompt,
    };

    // 1. Validate locally: every documented limit, media probed from its headers. Nothing is sent, nothing is charged.
    Console.WriteLine($"Validating {options.Image} and {options.Video} for {client.Capabilities.DisplayName}…");
    var validation = await client.ValidateAsync(request, cancel.Token);
    if (!validation.IsValid)
    {
        foreach (var error in validation.Errors)
        {
            Console.Error.WriteLine($"  {error}");
        }

        Console.Error.WriteLine($"failed: the request breaks {validation.Errors.Count} rule(s); nothing was sent.");
        return 1;
    }

    Console.WriteLine("  valid.");

    // 2. Submit once.
    var task = await client.SubmitAsync(request, cancel.Token);
    Console.WriteLine($"Submitted: {task}");

    // 3. Watch it: one line per change of status or progress.
    await foreach (var update in client.WatchAsync(task.Id, cancellationToken: cancel.Token))
    {
        Console.WriteLine($"  {DateTime.Now:HH:mm:ss} {update.Status}{(update.Progress is { } p ? $" {p}%" : "")}");
        task = update;
    }

    if (task.Status != MotionControlTaskStatus.Succeeded)
    {
        throw new MotionControlTaskFailedException(task);
    }

    // 4. Download the video: written to a temporary file and moved into place when complete.
    Console.WriteLine($"Downloading {task.Videos[0].Url.GetLeftPart(UriPartial.Path)} to {options.Output}…");
    var progress = new ConsoleProgress();
    var written = await client.DownloadVideoAsync(task, options.Output, progress, cancel.Token);
    progress.Finish(written);
    Console.WriteLine($"Done: {written:N0} bytes in {Path.GetFullPath(options.Output)}");
    return 0;
}

static MediaSource Media(string pathOrUrl) =>
    Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        ? MediaSource.FromUri(uri)
        : File.Exists(pathOrUrl) ? MediaSource.FromFile(pathOrUrl) : throw new ArgumentException($"'{pathOrUrl}' is neither an http(s) URL nor an existing file.");

static MotionControlClient CreateClient(string provider, MotionControlClientOptions options) => options switch
{
    KlingOptions o => new KlingClient(o),
    PowerTokensOptions o => new PowerTokensClient(o),
    ModelsLabOptions o => new ModelsLabClient(o),
    AimlApiOptions o => new AimlApiClient(o),
    VydraOptions o => new VydraClient(o),
    ReplicateOptions o => new ReplicateClient(o),
    FalOptions o => new FalClient(o),
    _ => throw new ArgumentException($"Unknown provider '{provider}'."),
};
