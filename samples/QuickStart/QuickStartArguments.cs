using MotionControl;

namespace QuickStart;

/// <summary>The sample's command line, parsed by hand.</summary>
internal sealed record QuickStartArguments
{
    public const string Usage = """
        usage: dotnet run --project samples/QuickStart -- [options]
          --provider NAME          kling (default), powertokens, modelslab, aimlapi, vydra, replicate
          --provider NAME          kling (default), powertokens, modelslab, aimlapi, vydra, fal
          --image PATH|URL         the character image (default: media/character.png)
          --video PATH|URL         the reference video (default: media/dance.mp4)
          --orientation image|video  follow the image's or the video's orientation (default: video)
          --out PATH               where the result goes (default: ./motioncontrol-output.mp4)
          --prompt TEXT            an optional prompt (default: "a dancer on a rooftop at dusk")
        With no API key set (MOTIONCONTROL__KLING__ACCESSKEY + MOTIONCONTROL__KLING__SECRETKEY, or
        MOTIONCONTROL__KLING__APIKEY, MOTIONCONTROL__VYDRA__APIKEY, …) it runs against the local emulator.
        """;

    private static readonly string[] Providers =
        [MotionControlProviders.Kling, MotionControlProviders.PowerTokens, MotionControlProviders.ModelsLab, MotionControlProviders.AimlApi, MotionControlProviders.Vydra, MotionControlProviders.Replicate, MotionControlProviders.Fal];

    public string Provider { get; init; } = MotionControlProviders.Kling;

    public string Image { get; init; } = Path.Combine(AppContext.BaseDirectory, "media", "character.png");

    public string Video { get; init; } = Path.Combine(AppContext.BaseDirectory, "media", "dance.mp4");

    public CharacterOrientation Orientation { get; init; } = CharacterOrientation.Video;

    public string Output { get; init; } = "motioncontrol-output.mp4";

    public string? Prompt { get; init; } = "a dancer on a rooftop at dusk";

    /// <summary>Parses the arguments; <see langword="null"/> for --help.</summary>
    public static QuickStartArguments? Parse(IReadOnlyList<string> args)
    {
        var result = new QuickStartArguments();
        for (int i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            result = args[i] switch
            {
                "-h" or "--help" => null,
                "--provider" => result with { Provider = CheckProvider(Value()) },
                "--image" => result with { Image = Value() },
                "--video" => result with { Video = Value() },
                "--orientation" => result with
                {
                    Orientation = Value().ToLowerInvariant() switch
                    {
                        "image" => CharacterOrientation.Image,
                        "video" => CharacterOrientation.Video,
                        var other => throw new ArgumentException($"--orientation takes image or video, not '{other}'."),
                    }
                },
                "--out" => result with { Output = Value() },
                "--prompt" => result with { Prompt = Value() },
                var unknown => throw new ArgumentException($"Unknown argument '{unknown}'."),
            };
            if (result is null)
            {
                return null;
            }
        }

        return result;
    }

    private static string CheckProvider(string name)
    {
        var lower = name.ToLowerInvariant();
        return Providers.Contains(lower) ? lower : throw new ArgumentException($"Unknown provider '{name}'. Use one of: {string.Join(", ", Providers)}.");
    }
}
