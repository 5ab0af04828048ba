namespace MotionControl.Cli;

/// <summary>A problem the user fixes on the command line or in the configuration: one line naming what to change.</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException()
    {
    }

    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the exit code: <see cref="ExitCodes.InvalidInput"/> unless the user declined (<see cref="ExitCodes.Failure"/>).</summary>
    public int ExitCode { get; init; } = ExitCodes.InvalidInput;

    /// <summary>Gets the <c>kind</c> of the <c>--json</c> error document: <c>usage</c>, <c>declined</c>, <c>not-finished</c>.</summary>
    public string Kind { get; init; } = "usage";
}
