using Spectre.Console;

namespace MotionControl.Cli.Output;

/// <summary>
/// Where the tool writes: stdout through Spectre.Console (colors, tables and live progress only on a terminal; plain
/// lines, no escape codes, when redirected), stderr for errors and hints, and whether a person can answer a prompt.
/// </summary>
internal sealed class Terminal
{
    private Terminal(IAnsiConsole stdout, TextWriter stderr, bool isInteractive, bool json)
    {
        Out = stdout;
        Error = stderr;
        IsInteractive = isInteractive;
        Json = json;
    }

    /// <summary>Gets stdout. In <see cref="Json"/> mode only the one JSON document goes there.</summary>
    public IAnsiConsole Out { get; }

    /// <summary>Gets stderr: errors, hints, and (with <c>--verbose</c>) details.</summary>
    public TextWriter Error { get; }

    /// <summary>Gets a value indicating whether stdout is a terminal: tables, colors and live progress are drawn.</summary>
    public bool IsTerminal => Out.Profile.Capabilities.Interactive;

    /// <summary>Gets a value indicating whether a person can answer a prompt (stdin and stdout are terminals, no <c>--json</c>).</summary>
    public bool IsInteractive { get; }

    /// <summary>Gets a value indicating whether <c>--json</c> was given: one JSON document on stdout and nothing else.</summary>
    public bool Json { get; }

    /// <summary>The process's own console; ANSI, colors and interaction only when stdout is a terminal (and colors not when <c>NO_COLOR</c> is set).</summary>
    public static Terminal ForProcess(bool json)
    {
        bool redirected = Console.IsOutputRedirected;
        bool noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var stdout = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected || noColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected || json ? InteractionSupport.No : InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        if (redirected)
        {
            // A file or a pipe gets whole lines, never wrapped at a guessed width.
            stdout.Profile.Width = 1000;
        }

        return new Terminal(stdout, Console.Error, isInteractive: !redirected && !Console.IsInputRedirected && !json, json);
    }

    /// <summary>Writes one plain line to stdout (escaped: data is never read as markup). Nothing in <see cref="Json"/> mode.</summary>
    public void Line(string text)
    {
        if (!Json)
        {
            Out.WriteLine(text);
        }
    }

    /// <summary>Writes a line of Spectre markup to stdout (plain text when redirected). Nothing in <see cref="Json"/> mode.</summary>
    public void Markup(string markup)
    {
        if (!Json)
        {
            Out.MarkupLine(markup);
        }
    }

    /// <summary>Writes a renderable (a table) to stdout. Nothing in <see cref="Json"/> mode.</summary>
    public void Write(Spectre.Console.Rendering.IRenderable renderable)
    {
        if (!Json)
        {
            Out.Write(renderable);
        }
    }
}
