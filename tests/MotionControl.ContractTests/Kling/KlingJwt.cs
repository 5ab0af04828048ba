using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MotionControl.ContractTests.Infrastructure;

namespace MotionControl.ContractTests.Kling;

/// <summary>
/// Checks a Kling AK/SK token against the documented scheme (https://app.klingai.com/global/dev/document-api/apiReference/commonInfo,
/// "API Authentication"): header <c>{"alg":"HS256","typ":"JWT"}</c>, HMAC-SHA256 with the SecretKey, claims
/// <c>iss</c> = AccessKey, <c>exp</c> = now + 1800 s, <c>nbf</c> = now − 5 s, integer Unix seconds.
/// </summary>
internal static class KlingJwt
{
    public static void AssertValid(string? authorization)
    {
        Assert.NotNull(authorization);
        Assert.StartsWith("Bearer ", authorization, StringComparison.Ordinal);
        var token = authorization["Bearer ".Length..];
        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);

        using var header = JsonDocument.Parse(FromBase64Url(parts[0]));
        Assert.Equal("HS256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal("JWT", header.RootElement.GetProperty("typ").GetString());

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Clients.KlingSecretKey), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        Assert.Equal(ToBase64Url(expected), parts[2]);

        using var payload = JsonDocument.Parse(FromBase64Url(parts[1]));
        var claims = payload.RootElement;
        Assert.Equal(Clients.KlingAccessKey, claims.GetProperty("iss").GetString());
        var exp = claims.GetProperty("exp").GetInt64();
        var nbf = claims.GetProperty("nbf").GetInt64();
        Assert.Equal(1805, exp - nbf);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.InRange(now, nbf, exp);
    }

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }

    private static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
