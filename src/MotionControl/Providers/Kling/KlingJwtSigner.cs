using System.Buffers;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MotionControl.Http;

namespace MotionControl.Providers.Kling;

/// <summary>
/// Signs Kling's HS256 JWT from an AccessKey and SecretKey, by hand (HMAC-SHA256 and base64url, no JWT library):
/// header <c>{"alg":"HS256","typ":"JWT"}</c>, claims <c>iss</c> = AccessKey, <c>exp</c> = now + 1800 s,
/// <c>nbf</c> = now − 5 s (integer Unix seconds from the options' clock). The token is cached and re-signed when less
/// than <see cref="RefreshMargin"/> of its life remains, or after Kling refused it (<see cref="Invalidate"/>). Thread-safe.
/// </summary>
internal sealed class KlingJwtSigner : IRequestAuthenticator
{
    /// <summary>How long a token is valid: 1800 s (Kling's own samples).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1800);

    /// <summary>How far <c>nbf</c> lies in the past, to absorb clock skew: 5 s.</summary>
    public static readonly TimeSpan NotBeforeSkew = TimeSpan.FromSeconds(5);

    /// <summary>A cached token is re-signed once less than this remains: 5 min, well above any request's duration.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private static readonly string EncodedHeader = Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8);

    private readonly string _accessKey;
    private readonly byte[] _secretKey;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private SignedToken? _current;

    /// <summary>Creates a signer.</summary>
    /// <param name="accessKey">The AccessKey (<c>iss</c>).</param>
    /// <param name="secretKey">The SecretKey (HMAC key, as UTF-8).</param>
    /// <param name="time">The clock for <c>exp</c>/<c>nbf</c> and the refresh decision.</param>
    public KlingJwtSigner(string accessKey, string secretKey, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretKey);
        ArgumentNullException.ThrowIfNull(time);
        _accessKey = accessKey;
        _secretKey = Encoding.UTF8.GetBytes(secretKey);
        _time = time;
    }

    /// <summary>The cached token, or a new one when the cached one is missing, invalidated or about to expire.</summary>
    public string CurrentToken() => Current().Token;

    /// <inheritdoc />
    public ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = Current().Header;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public void Invalidate() => Volatile.Write(ref _current, null);

    /// <summary>Signs a token for <paramref name="now"/>.</summary>
    /// <param name="accessKey">The issuer.</param>
    /// <param name="secretKey">The HMAC key.</param>
    /// <param name="now">The signing time; truncated to whole seconds.</param>
    /// <returns>The compact JWT: <c>header.payload.signature</c>.</returns>
    public static string Sign(string accessKey, ReadOnlySpan<byte> secretKey, DateTimeOffset now)
    {
        var seconds = now.ToUnixTimeSeconds();
        var payload = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writer.WriteString("iss", accessKey);
            writer.WriteNumber("exp", seconds + (long)Lifetime.TotalSeconds);
            writer.WriteNumber("nbf", seconds - (long)NotBeforeSkew.TotalSeconds);
            writer.WriteEndObject();
        }

        var signingInput = EncodedHeader + "." + Base64Url(payload.WrittenSpan);
        var signature = HMACSHA256.HashData(secretKey, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url(signature);
    }

    private SignedToken Current()
    {
        var now = _time.GetUtcNow();
        var token = Volatile.Read(ref _current);
        if (token is not null && token.IsFreshAt(now))
        {
            return token;
        }

        // One signer at a time: concurrent requests share the new token instead of each signing their own.
        lock (_gate)
        {
            token = _current;
            if (token is null || !token.IsFreshAt(now))
            {
                token = new SignedToken(Sign(_accessKey, _secretKey, now), now);
                Volatile.Write(ref _current, token);
            }

            return token;
        }
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed class SignedToken(string token, DateTimeOffset signedAt)
    {
        private readonly DateTimeOffset _notBefore = signedAt - NotBeforeSkew;
        private readonly DateTimeOffset _refreshAt = signedAt + Lifetime - RefreshMargin;

        public string Token { get; } = token;

        public AuthenticationHeaderValue Header { get; } = new("Bearer", token);

        // A clock that jumped back before nbf would make Kling answer 1003: sign again rather than send it.
        public bool IsFreshAt(DateTimeOffset now) => now >= _notBefore && now < _refreshAt;

        public override string ToString() => nameof(SignedToken);
    }
}
