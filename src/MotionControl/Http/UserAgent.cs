using System.Net.Http.Headers;
using System.Reflection;

namespace MotionControl.Http;

/// <summary>The <c>User-Agent</c> product the SDK sends: <c>MotionControl/&lt;version&gt;</c>.</summary>
internal static class UserAgent
{
    // Declared first: static initializers run in textual order, and the others read it.
    public static string Version { get; } =
        typeof(UserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(UserAgent).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    public static string Value { get; } = "MotionControl/" + Version;

    public static ProductInfoHeaderValue ProductHeader { get; } = new("MotionControl", Version);
}
