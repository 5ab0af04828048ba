using System.Reflection;

namespace MotionControl.Http;

/// <summary>The <c>User-Agent</c> the SDK sends: <c>MotionControl/&lt;version&gt;</c>.</summary>
internal static class UserAgent
{
    public static string Value { get; } = "MotionControl/" + Version;

    public static string Version { get; } =
        typeof(UserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(UserAgent).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";
}
