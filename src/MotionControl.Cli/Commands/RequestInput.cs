using System.CommandLine;

namespace MotionControl.Cli.Commands;

/// <summary>The request options of <c>validate</c>, <c>estimate</c> and <c>generate</c>, and the request they build.</summary>
internal static class RequestInput
{
    public static void AddTo(Command command, CliOptions o)
    {
        command.Options.Add(o.Image);
        command.Options.Add(o.Video);
        command.Options.Add(o.Prompt);
        command.Options.Add(o.Orientation);
        command.Options.Add(o.Mode);
        command.Options.Add(o.Sound);
        command.Options.Add(o.Model);
        ConnectionInput.AddTo(command, o);
    }

    public static MotionControlRequest Build(CommandContext context)
    {
        var parse = context.Parse;
        var o = context.Options;
        return new MotionControlRequest
        {
            Image = Media(parse.GetValue(o.Image)!),
            Video = Media(parse.GetValue(o.Video)!),
            Prompt = parse.GetValue(o.Prompt),
            CharacterOrientation = parse.GetValue(o.Orientation),
            Mode = parse.GetValue(o.Mode),
            KeepOriginalSound = parse.GetValue(o.Sound) switch { "on" => true, "off" => false, _ => null },
            Model = parse.GetValue(o.Model),
        };
    }

    /// <summary>The model a request runs on: <c>--model</c>, else the vendor's default.</summary>
    public static string ModelOf(MotionControlRequest request, IMotionControlClient client) => request.Model ?? client.Capabilities.DefaultModel;

    /// <summary>An http(s) URL is sent (or probed) as a URL; anything else is a local file (a missing one fails validation, naming it).</summary>
    private static MediaSource Media(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? MediaSource.FromUri(uri)
            : MediaSource.FromFile(Path.GetFullPath(value));
}
