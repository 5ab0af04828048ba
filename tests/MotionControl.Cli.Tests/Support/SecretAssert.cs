using System.Text.RegularExpressions;

namespace MotionControl.Cli.Tests.Support;

/// <summary>Assertions that a text shows no credential.</summary>
internal static partial class SecretAssert
{
    /// <summary>None of <paramref name="secrets"/>, nor anything shaped like a JWT (a Kling bearer token), shows in <paramref name="text"/>.</summary>
    public static void ShowsNoSecret(string text, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        var jwt = Jwt().Match(text);
        Assert.False(jwt.Success, jwt.Success ? $"A JWT shows at {jwt.Index}: {text}" : null);
    }

    [GeneratedRegex(@"eyJ[A-Za-z0-9_\-]+\.eyJ[A-Za-z0-9_\-]+\.", RegexOptions.CultureInvariant)]
    private static partial Regex Jwt();
}
