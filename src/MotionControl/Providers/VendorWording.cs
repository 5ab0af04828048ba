using System.Text.RegularExpressions;

namespace MotionControl.Providers;

/// <summary>
/// The wording rules vendors without precise codes are classified by (ModelsLab, AIMLAPI, PowerTokens' gateway
/// errors): an empty balance, an unknown id. One place, so every vendor reads the same words the same way.
/// </summary>
internal static partial class VendorWording
{
    /// <summary>True when <paramref name="text"/> speaks of credits, balance, quota or payment (English, and the Chinese of new-api gateways).</summary>
    public static bool MentionsCredits(string? text) => text is not null && CreditWording().IsMatch(text);

    /// <summary>
    /// True when <paramref name="text"/> says an id, request or task is unknown — about the id, not about something
    /// inside the task ("character not found in the image" is not).
    /// </summary>
    public static bool SaysTaskNotFound(string? text) => text is not null && NotFoundWording().IsMatch(text) && NotFoundSubject().IsMatch(text);

    // "credits", "balance", "insufficient funds", "top up", "quota", "arrears"; "额度" quota, "余额" balance.
    [GeneratedRegex(@"credits?|balance|insufficient\s+funds?|top[\s-]?up|quota|arrears|额度|余额", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditWording();

    [GeneratedRegex(@"not\s+found|does\s*n[o']?t\s+exists?|no\s+such|\binvalid\s+(request\s+|task\s+)?id\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotFoundWording();

    [GeneratedRegex(@"\b(id|ids|request|task|job|generation|fetch)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotFoundSubject();
}
