using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace MotionControl.Cli;

/// <summary>The options the commands share, made once per command tree (an option may sit on several commands).</summary>
internal sealed class CliOptions
{
    public Option<string?> Provider { get; } = new("--provider", "-p")
    {
        Description = "The vendor (kling, powertokens, modelslab, aimlapi, vydra, replicate, fal) or a registration name from your configuration. Default: MotionControl:DefaultProvider, else kling.",
    };

    public Option<string?> Model { get; } = new("--model") { Description = "The vendor's model id (for example kling-v3); default: the vendor's." };

    public Option<string> Image { get; } = new("--image") { Description = "The character image: a file path or an http(s) URL.", Required = true };

    public Option<string> Video { get; } = new("--video") { Description = "The reference video: a file path or an http(s) URL.", Required = true };

    public Option<string?> Prompt { get; } = new("--prompt") { Description = "A text prompt (Vydra and ModelsLab require one)." };

    public Option<CharacterOrientation> Orientation { get; } = new("--orientation")
    {
        Description = "Which input decides the character's orientation: video (default) or image.",
        DefaultValueFactory = _ => CharacterOrientation.Video,
    };

    public Option<GenerationMode?> Mode { get; } = new("--mode") { Description = "The quality mode: standard or pro (where the vendor has one)." };

    public Option<string?> Sound { get; } = new("--sound") { Description = "Keep the reference video's sound: on or off (where the vendor lets you choose)." };

    public Option<string?> Out { get; } = new("--out", "-o") { Description = "Where the video goes. Default: <task id>.mp4 in the current folder." };

    public Option<TimeSpan?> Timeout { get; } = new("--timeout")
    {
        Description = "How long to wait for the task: seconds (90), a unit (90s, 5m, 1h) or hh:mm:ss. Default: the configured wait timeout (30 minutes).",
        CustomParser = ParseTimeout,
    };

    public Option<bool> Json { get; } = new("--json") { Description = "Print exactly one JSON document on stdout and nothing else." };

    public Option<bool> Yes { get; } = new("--yes", "-y") { Description = "Submit without asking, whatever the estimated cost." };

    public Option<decimal> ConfirmAbove { get; } = new("--confirm-above")
    {
        Description = "Ask before submitting when the estimated maximum cost is above this, in the estimate's unit (default 0: ask whenever the job costs anything or its cost is unknown).",
        DefaultValueFactory = _ => 0m,
    };

    public Option<bool> NoWait { get; } = new("--no-wait") { Description = "Submit and print the task id without waiting (then: motion-control wait <id>)." };

    public Option<bool> Emulator { get; } = new("--emulator")
    {
        Description = "Run offline on the emulator: the one at MOTIONCONTROL_EMULATOR_URL (or the default port) when it runs, else one started for this command only.",
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Show the SDK's logs and stack traces on stderr (credentials never appear)." };

    public Argument<string> TaskId { get; } = new("task-id") { Description = "The vendor's task id (printed by generate)." };

    public Option<int> Limit { get; } = new("--limit")
    {
        Description = "The most tasks to list (default 20).",
        DefaultValueFactory = _ => 20,
    };

    public Option<MotionControlTaskStatus?> Status { get; } = new("--status") { Description = "List only tasks in this status: queued, processing, succeeded, failed or canceled." };

    public Option<int> Port { get; } = new("--port")
    {
        Description = "The loopback port to listen on (0 picks a free one). Default: 17470, where --emulator looks.",
        DefaultValueFactory = _ => Connection.EmulatorSettings.DefaultPort,
    };

    public Option<TimeSpan?> JobDuration { get; } = new("--job-duration")
    {
        Description = "How long each emulated job runs (seconds, 90s, 5m or hh:mm:ss). Default: a few polls.",
        CustomParser = ParseTimeout,
    };

    public Option<int?> JobPolls { get; } = new("--job-polls")
    {
        Description = "How many reads each emulated job stays processing (after one queued), whatever the time: for scripts and tests. Default: 2.",
    };

    public CliOptions()
    {
        Sound.AcceptOnlyFromAmong("on", "off");
        Limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--limit must be at least 1.");
            }
        });
        JobPolls.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1)
            {
                r.AddError("--job-polls must be at least 1.");
            }
        });
        Port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                r.AddError("--port must be between 0 and 65535.");
            }
        });
    }

    /// <summary>Reads a duration: seconds (<c>90</c>), with a unit (<c>90s</c>, <c>5m</c>, <c>1h</c>) or <c>hh:mm:ss</c>; positive.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        text = text.Trim();
        double factor = 1;
        string number = text;
        if (text.Length > 1 && char.IsLetter(text[^1]))
        {
            factor = char.ToLowerInvariant(text[^1]) switch { 's' => 1, 'm' => 60, 'h' => 3600, _ => double.NaN };
            number = text[..^1];
        }

        if (!double.IsNaN(factor) && double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0 && value * factor < TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return TimeSpan.FromSeconds(value * factor);
        }

        return text.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero ? span : null;
    }

    private static TimeSpan? ParseTimeout(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        var parsed = ParseDuration(text);
        if (parsed is null)
        {
            result.AddError($"'{text}' is not a duration: give seconds (90), a unit (90s, 5m, 1h) or hh:mm:ss.");
        }

        return parsed;
    }
}
