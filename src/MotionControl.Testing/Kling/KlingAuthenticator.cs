using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MotionControl.Testing;

/// <summary>
/// Checks Kling's <c>Authorization: Bearer &lt;token&gt;</c>: either the account's API key, or an HS256 JWT signed with
/// the secret key whose <c>iss</c> is the access key and whose <c>exp</c>/<c>nbf</c> (integer Unix seconds) hold on
/// the emulator's clock, with no leeway beyond what the claims themselves give.
/// </summary>
internal static class KlingAuthenticator
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>Returns null when the header is accepted, else the Kling code and message to reject it with (all HTTP 401).</summary>
    public static (int Code, string Message)? Check(string? authorization, EmulatorCredentials credentials, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return (KlingErrorCodes.AuthorizationEmpty, "Authorization is empty");
        }

        // Kling documents exactly one space after "Bearer".
        if (!authorization.StartsWith(BearerPrefix, StringComparison.Ordinal) || authorization.Length == BearerPrefix.Length)
        {
            return (KlingErrorCodes.AuthorizationInvalid, "Authorization is invalid: expected 'Bearer <token>'");
        }

        string token = authorization[BearerPrefix.Length..];
        if (FixedTimeEquals(token, credentials.KlingApiKey))
        {
            return null;
        }

        string[] parts = token.Split('.');
        if (parts.Length == 1)
        {
            return (KlingErrorCodes.AuthenticationFailed, "Authentication failed: unknown API key");
        }

        if (parts.Length != 3 ||
            !TryDecodeJson(parts[0], out var header) ||
            !TryDecodeJson(parts[1], out var payload) ||
            !TryDecodeBase64Url(parts[2], out var signature))
        {
            return (KlingErrorCodes.AuthorizationInvalid, "Authorization is invalid: the token is not a well-formed JWT");
        }

        if (header.ValueKind != JsonValueKind.Object || BodyFields.GetString(header, "alg") != "HS256")
        {
            return (KlingErrorCodes.AuthorizationInvalid, "Authorization is invalid: the JWT must be signed with HS256");
        }

        byte[] expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(credentials.KlingSecretKey), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return (KlingErrorCodes.AuthenticationFailed, "Authentication failed: the JWT signature does not match the secret key");
        }

        if (payload.ValueKind != JsonValueKind.Object || BodyFields.GetString(payload, "iss") is not { } issuer || !FixedTimeEquals(issuer, credentials.KlingAccessKey))
        {
            return (KlingErrorCodes.AuthenticationFailed, "Authentication failed: iss is not a known access key");
        }

        long nowSeconds = now.ToUnixTimeSeconds();
        if (!TryGetSeconds(payload, "exp", out long? expires) || expires is null)
        {
            return (KlingErrorCodes.AuthorizationInvalid, "Authorization is invalid: the JWT has no numeric exp claim");
        }

        if (nowSeconds >= expires)
        {
            return (KlingErrorCodes.TokenExpired, "Authorization has expired");
        }

        if (!TryGetSeconds(payload, "nbf", out long? notBefore))
        {
            return (KlingErrorCodes.AuthorizationInvalid, "Authorization is invalid: nbf must be a number");
        }

        if (notBefore is { } nbf && nowSeconds < nbf)
        {
            return (KlingErrorCodes.TokenNotYetValid, "Authorization is not yet valid");
        }

        return null;
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
