using System.Text.RegularExpressions;

namespace MotionControl.Diagnostics;

/// <summary>
/// Removes credentials from any text the SDK produces (exception messages, log values, excerpts of vendor replies):
/// the configured keys themselves, bearer tokens, JWTs and ModelsLab's body <c>key</c>.
/// </summary>
internal sealed partial class SecretRedactor
{
    public const string Mask = "***";

    // Secrets shorter than this are not searched for verbatim: masking every "a" would destroy the text and reveal nothing.
    private const int MinimumSecretLength = 4;

    private readonly string[] _secrets;

    public SecretRedactor(params string?[] secrets)
    {
        _secrets = secrets
            .Where(s => !string.IsNullOrEmpty(s) && s.Length >= MinimumSecretLength)
            .Select(s => s!)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();
    }

    /// <summary>A redactor that only applies the patterns (no configured secrets).</summary>
    public static SecretRedactor PatternsOnly { get; } = new();

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        text = BearerPattern().Replace(text, "Bearer " + Mask);
        text = JwtPattern().Replace(text, Mask);
        text = BodyKeyPattern().Replace(text, m => m.Groups["prefix"].Value + Mask + "\"");
        return text;
    }

    [GeneratedRegex(@"Bearer\s+[A-Za-z0-9\-._~+/=]+", RegexOptions.CultureInvariant)]
    private static partial Regex BearerPattern();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+", RegexOptions.CultureInvariant)]
    private static partial Regex JwtPattern();

    [GeneratedRegex("(?<prefix>\"(?:key|api_key|apiKey|secret|secret_key|token|access_token)\"\\s*:\\s*\")[^\"]*\"", RegexOptions.CultureInvariant)]
    private static partial Regex BodyKeyPattern();
}
