using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MotionControl.Testing;

/// <summary>
/// Checks Kling's <c>Authorization: Bearer &lt;token&gt;</c>: either an account's API key, or an HS256 JWT signed with
/// an account's secret key whose <c>iss</c> is that account's access key and whose <c>exp</c>/<c>nbf</c> (integer Unix seconds) hold on
/// the emulator's clock, with no leeway beyond what the claims themselves give.
/// </summary>
internal static class KlingAuthenticator
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>
    /// Returns the account the header authenticates, or the Kling code and message to reject it with (all HTTP 401).
    /// With several accounts, a token is tried against each: an API key of any account, or a JWT whose signature one
    /// account's secret key verifies and whose <c>iss</c> is that same account's access key.
    /// </summary>
    public static KlingAuthResult Check(string? authorization, AccountDirectory accounts, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return KlingAuthResult.Reject(KlingErrorCodes.AuthorizationEmpty, "Authorization is empty");
        }

        // Kling documents exactly one space after "Bearer".
        if (!authorization.StartsWith(BearerPrefix, StringComparison.Ordinal) || authorization.Length == BearerPrefix.Length)
        {
            return KlingAuthResult.Reject(KlingErrorCodes.AuthorizationInvalid, "Authorization is invalid: expected 'Bearer <token>'");
        }

        string token = authorization[BearerPrefix.Length..];
        if (accounts.FindByKey(EmulatorProviders.Kling, token) is { } apiKeyAccount)
        {
            return KlingAuthResult.Accept(apiKeyAccount);
        }

        string[] parts = token.Split('.');
        if (parts.Length == 1)
        {
            return KlingAuthResult.Reject(KlingErrorCodes.AuthenticationFailed, "Authentication failed: unknown API key");
        }

        if (parts.Length != 3 ||
            !TryDecodeJson(parts[0], out var header) ||
            !TryDecodeJson(parts[1], out var payload) ||
            !TryDecodeBase64Url(parts[2], out var signature))
        {
            return KlingAuthResult.Reject(KlingErrorCodes.AuthorizationInvalid, "Authorization is invalid: the token is not a well-formed JWT");
        }

        if (header.ValueKind != JsonValueKind.Object || BodyFields.GetString(header, "alg") != "HS256")
        {
            return KlingAuthResult.Reject(KlingErrorCodes.AuthorizationInvalid, "Authorization is invalid: the JWT must be signed with HS256");
        }

        byte[] signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        var signers = accounts.KlingSigners
            .Where(a => CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(Encoding.UTF8.GetBytes(a.KlingSecretKey!), signingInput), signature))
            .ToList();
        if (signers.Count == 0)
        {
            return KlingAuthResult.Reject(KlingErrorCodes.AuthenticationFailed, "Authentication failed: the JWT signature does not match the secret key");
        }

        // The access key must belong to the account whose secret signed the token: a mix of two accounts' keys fails.
        EmulatorAccount? account = null;
        if (payload.ValueKind == JsonValueKind.Object && BodyFields.GetString(payload, "iss") is { } issuer)
        {
            account = signers.Find(a => FixedTimeEquals(issuer, a.KlingAccessKey!));
        }

        if (account is null)
        {
            return KlingAuthResult.Reject(KlingErrorCodes.AuthenticationFailed, "Authentication failed: iss is not a known access key");
        }

        long nowSeconds = now.ToUnixTimeSeconds();
        if (!TryGetSeconds(payload, "exp", out long? expires) || expires is null)
        {
            return KlingAuthResult.Reject(KlingErrorCodes.AuthorizationInvalid, "Authorization is invalid: the JWT has no numeric exp claim");
        }

        if (nowSeconds >= expires)
        {
            return KlingAuthResult.Reject(KlingErrorCodes.TokenExpired, "Authorization has expired");
        }

        if (!TryGetSeconds(payload, "nbf", out long? notBefore))
        {
            return KlingAuthResult.Reject(KlingErrorCodes.AuthorizationInvalid, "Authorization is invalid: nbf must be a number");
        }

        if (notBefore is { } nbf && nowSeconds < nbf)
        {
            return KlingAuthResult.Reject(KlingErrorCodes.TokenNotYetValid, "Authorization is not yet valid");
        }

        return KlingAuthResult.Accept(account);
    }

    /// <summary>
    /// Checks the header of Kling's API 2.0, which takes an account's API key only: the same empty and malformed
    /// checks as <see cref="Check"/>, then any token that is not an API key (an AK/SK JWT included, even a valid one)
    /// is refused with 1000.
    /// </summary>
    public static KlingAuthResult CheckApiKey(string? authorization, AccountDirectory accounts)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return KlingAuthResult.Reject(KlingErrorCodes.AuthorizationEmpty, "Authorization is empty");
        }

        if (!authorization.StartsWith(BearerPrefix, StringComparison.Ordinal) || authorization.Length == BearerPrefix.Length)
        {
            return KlingAuthResult.Reject(KlingErrorCodes.AuthorizationInvalid, "Authorization is invalid: expected 'Bearer <API key>'");
        }

        string token = authorization[BearerPrefix.Length..];
        if (accounts.FindByKey(EmulatorProviders.Kling, token) is { } account)
        {
            return KlingAuthResult.Accept(account);
        }

        return token.Split('.').Length == 3
            ? KlingAuthResult.Reject(KlingErrorCodes.AuthenticationFailed, "Authentication failed: this API takes an API key, not an AK/SK JWT")
            : KlingAuthResult.Reject(KlingErrorCodes.AuthenticationFailed, "Authentication failed: unknown API key");
    }

    private static bool TryGetSeconds(JsonElement payload, string name, out long? seconds)
    {
        seconds = null;
        if (!BodyFields.TryGet(payload, name, out var value))
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        seconds = value.TryGetInt64(out long whole) ? whole : (long)Math.Floor(value.GetDouble());
        return true;
    }

    private static bool TryDecodeJson(string segment, out JsonElement element)
    {
        element = default;
        if (!TryDecodeBase64Url(segment, out var bytes))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            element = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryDecodeBase64Url(string segment, out byte[] bytes)
    {
        string base64 = segment.Replace('-', '+').Replace('_', '/');
        base64 = (base64.Length % 4) switch
        {
            2 => base64 + "==",
            3 => base64 + "=",
            _ => base64,
        };

        bytes = new byte[base64.Length];
        if (segment.Length == 0 || !Convert.TryFromBase64String(base64, bytes, out int written))
        {
            bytes = [];
            return false;
        }

        bytes = bytes[..written];
        return true;
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}

/// <summary>The outcome of a Kling Authorization check: the account, or the Kling code and message of the 401.</summary>
internal readonly record struct KlingAuthResult(EmulatorAccount? Account, int Code, string Message)
{
    public static KlingAuthResult Accept(EmulatorAccount account) => new(account, 0, string.Empty);

    public static KlingAuthResult Reject(int code, string message) => new(null, code, message);
}
