// Native AOT smoke test (.ci/aot): the public API of two vendors, Kling and Vydra, against an emulator running in another
// process. One line per check; exit code 0 only when every check passed.
//
//   AotSmoke --base-address http://127.0.0.1:PORT/ --kling-api-key KEY --vydra-api-key KEY [--allow-dynamic-code]
//
// Each option can come from the environment instead: MC_AOT_BASE_ADDRESS, MC_AOT_KLING_API_KEY, MC_AOT_VYDRA_API_KEY.
// --allow-dynamic-code is for the trimmed (non-AOT) fallback build, where dynamic code is supported.
using System.Runtime.CompilerServices;
using MotionControl;
using MotionControl.Providers.Kling;
using MotionControl.Providers.Vydra;

var failures = 0;

void Check(string what, bool ok, string? detail = null)
{
    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {what}{(detail is null ? "" : $" ({detail})")}");
    if (!ok)
    {
        failures++;
    }
}

string? Setting(string option, string variable)
{
    var at = Array.IndexOf(args, option);
    if (at >= 0 && at + 1 < args.Length)
    {
        return args[at + 1];
    }

    return Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;
}

var baseAddress = Setting("--base-address", "MC_AOT_BASE_ADDRESS");
var klingKey = Setting("--kling-api-key", "MC_AOT_KLING_API_KEY");
var vydraKey = Setting("--vydra-api-key", "MC_AOT_VYDRA_API_KEY");
if (baseAddress is null || klingKey is null || vydraKey is null || !Uri.TryCreate(baseAddress, UriKind.Absolute, out var emulator))
{
    Console.Error.WriteLine("usage: AotSmoke --base-address URL --kling-api-key KEY --vydra-api-key KEY [--allow-dynamic-code]");
    Console.Error.WriteLine("       (or MC_AOT_BASE_ADDRESS, MC_AOT_KLING_API_KEY, MC_AOT_VYDRA_API_KEY)");
    return 2;
}

Console.WriteLine($"RuntimeFeature.IsDynamicCodeSupported={RuntimeFeature.IsDynamicCodeSupported}");
Check("no dynamic code (native AOT)", !RuntimeFeature.IsDynamicCodeSupported || args.Contains("--allow-dynamic-code"),
    RuntimeFeature.IsDynamicCodeSupported ? "dynamic code supported: allowed by --allow-dynamic-code, NOT a native AOT run" : null);

// Short polls: the emulator finishes a task in a few polls. No expected duration and no hint stretching, so every
// sleep stays under MaxPollInterval.
var wait = new MotionControlWaitOptions
{
    PollInterval = TimeSpan.FromMilliseconds(50),
    MaxPollInterval = TimeSpan.FromMilliseconds(200),
    MaxHintedPollInterval = TimeSpan.FromMilliseconds(200),
    ExpectedDuration = TimeSpan.Zero,
    Timeout = TimeSpan.FromSeconds(30),
};
using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
var ct = deadline.Token;

var request = new MotionControlRequest
{
    Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
    Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
    CharacterOrientation = CharacterOrientation.Video,
    Prompt = "a dancer on a rooftop at dusk",
};

using var kling = new KlingClient(new KlingOptions { BaseAddress = emulator, ApiKey = klingKey, WaitOptions = wait });
using var vydra = new VydraClient(new VydraOptions { BaseAddress = emulator, ApiKey = vydraKey, WaitOptions = wait });

// Kling
await Step("kling", async () =>
{
    var validation = await kling.ValidateAsync(request, ct);
    Check("kling ValidateAsync: valid", validation.IsValid, Errors(validation));

    var submitted = await kling.SubmitAsync(request, ct);
    Check("kling SubmitAsync: task id", !string.IsNullOrEmpty(submitted.Id), $"{submitted.Id}, {submitted.Status}");

    var done = await kling.WaitForCompletionAsync(submitted.Id, cancellationToken: ct);
    Check("kling WaitForCompletionAsync: Succeeded", done.Status == MotionControlTaskStatus.Succeeded, done.Status.ToString());
    Check("kling task has a video URL", done.Videos is [{ Url.IsAbsoluteUri: true }, ..], done.Videos.Count > 0 ? done.Videos[0].Url.ToString() : "none");

    var typed = await kling.Api.GetMotionControlTaskAsync(submitted.Id, ct);
    Check("kling Api.GetMotionControlTaskAsync: same task, succeed, video URL",
        typed.Code == 0 && typed.Data.TaskId == submitted.Id && typed.Data.TaskStatus == "succeed"
            && typed.Data.TaskResult?.Videos is [{ Url.Length: > 0 }, ..],
        $"code {typed.Code}, {typed.Data.TaskStatus}");

    using var video = new MemoryStream();
    var bytes = await kling.DownloadVideoAsync(done, video, cancellationToken: ct);
    Check("kling DownloadVideoAsync: the video's bytes", bytes > 0 && bytes == video.Length, $"{bytes} bytes");
});

await Step("kling unknown id", async () =>
{
    var thrown = await Catch(() => kling.GetTaskAsync("999999999999999999", ct));
    Check("kling GetTaskAsync(unknown id): MotionControlTaskNotFoundException", thrown is MotionControlTaskNotFoundException, thrown?.GetType().Name ?? "no exception");
});

// Vydra
await Step("vydra", async () =>
{
    var noPrompt = await vydra.ValidateAsync(request with { Prompt = null }, ct);
    Check("vydra ValidateAsync without a prompt: invalid", !noPrompt.IsValid, $"{noPrompt.Errors.Count} error(s)");

    var validation = await vydra.ValidateAsync(request, ct);
    Check("vydra ValidateAsync: valid", validation.IsValid, Errors(validation));

    var submitted = await vydra.SubmitAsync(request, ct);
    Check("vydra SubmitAsync: job id", !string.IsNullOrEmpty(submitted.Id), $"{submitted.Id}, {submitted.Status}");

    var done = await vydra.WaitForCompletionAsync(submitted.Id, cancellationToken: ct);
    Check("vydra WaitForCompletionAsync: Succeeded", done.Status == MotionControlTaskStatus.Succeeded, done.Status.ToString());
    Check("vydra job has a video URL", done.Videos is [{ Url.IsAbsoluteUri: true }, ..], done.Videos.Count > 0 ? done.Videos[0].Url.ToString() : "none");

    var job = await vydra.Api.GetJobAsync(submitted.Id, ct);
    Check("vydra Api.GetJobAsync: same job, completed, video URL",
        job.Id == submitted.Id && job.Status == "completed" && job.VideoUrl is { IsAbsoluteUri: true },
        $"{job.Status}, {job.VideoUrl?.ToString() ?? "no video URL"}");
});

await Step("vydra unknown id", async () =>
{
    var thrown = await Catch(() => vydra.Api.GetJobAsync("no-such-job", ct));
    Check("vydra Api.GetJobAsync(unknown id): MotionControlTaskNotFoundException", thrown is MotionControlTaskNotFoundException, thrown?.GetType().Name ?? "no exception");
});

Console.WriteLine(failures == 0 ? "aot smoke: all checks passed" : $"aot smoke: {failures} check(s) failed");
return failures == 0 ? 0 : 1;

// Runs a group of checks; an unexpected exception fails the group with its type and message.
async Task Step(string name, Func<Task> body)
{
    try
    {
        await body();
    }
    catch (Exception ex)
    {
        Check($"{name}: no unexpected exception", false, $"{ex.GetType().Name}: {ex.Message}");
    }
}

static string? Errors(MotionControlValidationResult result) => result.IsValid ? null : string.Join("; ", result.Errors);

static async Task<Exception?> Catch<T>(Func<Task<T>> call)
{
    try
    {
        await call();
        return null;
    }
    catch (Exception ex)
    {
        return ex;
    }
}
