namespace MotionControl.Cli;

/// <summary>The entry point (a class, not top-level statements, which the ASP.NET Core generator would make public).</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => CliApplication.RunAsync(args);
}
