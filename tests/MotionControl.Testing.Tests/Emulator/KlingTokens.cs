using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MotionControl.Testing.Tests.Emulator;

/// <summary>Builds Kling HS256 tokens by hand, so tests can make them wrong in exactly one way.</summary>
internal static class KlingTokens
{
    public static string Create(
        string accessKey,
        string secretKey,
        DateTimeOffset now,
        TimeSpan? expiresIn = null,
        TimeSpan? notBeforeOffset = null,
        string algorithm = "HS256",
        bool includeExpiry = true)
    {
        var header = new JsonObject { ["alg"] = algorithm, ["typ"] = "JWT" };
        var payload = new JsonObject { ["iss"] = accessKey };
        if (includeExpiry)
        {
            payload["exp"] = (now + (expiresIn ?? TimeSpan.FromMinutes(30))).ToUnixTimeSeconds();
        }

        payload["nbf"] = (now + (notBeforeOffset ?? TimeSpan.FromSeconds(-5))).ToUnixTimeSeconds();
        string signingInput = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        byte[] signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url(signature);
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
