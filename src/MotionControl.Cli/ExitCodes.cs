namespace MotionControl.Cli;

/// <summary>The tool's exit codes: what a script can act on.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The vendor refused or failed, or the task failed, timed out or was cancelled.</summary>
    public const int Failure = 1;

    /// <summary>Invalid input: a request that breaks a rule, a usage error, missing or malformed configuration.</summary>
    public const int InvalidInput = 2;

    /// <summary>Ctrl+C stopped the command (a wait stops; the vendor's task keeps running).</summary>
    public const int Interrupted = 130;
}
