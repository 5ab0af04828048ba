using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MotionControl.Webhooks;

/// <summary>
/// Verifies a callback signed under the Standard Webhooks scheme (https://www.standardwebhooks.com/), which Kling
/// (https://kling.ai/document-api/api/get-started/callbacks) and Replicate use: the <c>webhook-signature</c> header holds
/// one or more space-separated <c>v1,&lt;base64&gt;</c> values, each an HMAC-SHA256 of <c>{webhook-id}.{webhook-timestamp}.{body}</c>
/// keyed with the Base64 after <c>whsec_</c>; the timestamp (Unix seconds) must be within <see cref="Tolerance"/> of now.
/// Usable without ASP.NET Core (workers, functions); thread-safe.
/// </summary>
/// <remarks>
/// Several secrets (space-separated) are tried in turn, for a rotation: a vendor that signs with two secrets during a
/// rotation puts two values in the header, and either matching is enough. Signatures are compared in constant time.
/// Hand-written rather than taken from the StandardWebhooks package: that package needs the ASP.NET Core shared
/// framework, which a worker or a console app using this SDK does not have; the scheme itself is one HMAC.
/// </remarks>
public sealed class StandardWebhookVerifier
{
    /// <summary>The header with the message id.</summary>
    public const string IdHeader = "webhook-id";

    /// <summary>The header with the Unix time in seconds the message was signed at.</summary>
    public const string TimestampHeader = "webhook-timestamp";

    /// <summary>The header with the space-separated <c>v1,&lt;base64&gt;</c> signatures.</summary>
    public const string SignatureHeader = "webhook-signature";

    /// <summary>How far a timestamp may be from now, either way, by default: 5 minutes (Kling's and the scheme's).</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private const string SecretPrefix = "whsec_";
    private const string VersionPrefix = "v1,";

    private readonly byte[][] _keys;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="StandardWebhookVerifier"/> class.</summary>
    /// <param name="secrets">One secret, or several separated by spaces (while rolling one over): <c>whsec_</c> and Base64, or the Base64 alone.</param>
    /// <param name="timeProvider">The clock the timestamp is checked against; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="tolerance">How far a timestamp may be from now; <see cref="DefaultTolerance"/> when null.</param>
    /// <exception cref="ArgumentException"><paramref name="secrets"/> is blank, or a secret is not Base64 (the message never shows it).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> is not positive.</exception>
    public StandardWebhookVerifier(string secrets, TimeProvider? timeProvider = null, TimeSpan? tolerance = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secrets);
        var parts = secrets.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        _keys = new byte[parts.Length][];
        for (var i = 0; i < parts.Length; i++)
        {
            var text = parts[i].StartsWith(SecretPrefix, StringComparison.Ordinal) ? parts[i][SecretPrefix.Length..] : parts[i];
            try
            {
                _keys[i] = Convert.FromBase64String(text);
            }
            catch (FormatException)
            {
                throw new ArgumentException(FormattableString.Invariant($"Signing secret {i + 1} of {parts.Length} is not 'whsec_' followed by Base64."), nameof(secrets));
            }

            if (_keys[i].Length == 0)
            {
                throw new ArgumentException(FormattableString.Invariant($"Signing secret {i + 1} of {parts.Length} is empty."), nameof(secrets));
            }
        }

        _timeProvider = timeProvider ?? TimeProvider.System;
        Tolerance = tolerance ?? DefaultTolerance;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Tolerance, TimeSpan.Zero, nameof(tolerance));
    }

    /// <summary>Gets how far a timestamp may be from now, either way.</summary>
    public TimeSpan Tolerance { get; }

    /// <summary>Checks one delivery.</summary>
    /// <param name="id">The <c>webhook-id</c> header.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c> header.</param>
    /// <param name="signature">The <c>webhook-signature</c> header.</param>
    /// <param name="body">The raw body, exactly as received.</param>
    /// <returns><see cref="StandardWebhookVerification.Verified"/>, or why not.</returns>
    public StandardWebhookVerification Verify(string? id, string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrWhiteSpace(signature))
        {
            return StandardWebhookVerification.MissingHeaders;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return StandardWebhookVerification.InvalidTimestamp;
        }

        var age = _timeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age > Tolerance || age < -Tolerance)
        {
            return StandardWebhookVerification.StaleTimestamp;
        }

        var signed = Encoding.UTF8.GetBytes(id + "." + timestamp + ".");
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        foreach (var key in _keys)
        {
            Sign(key, signed, body, expected);
            foreach (var value in signature.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                // Other versions (e.g. the asymmetric v1a) are not ours to check; a value of the wrong length never matches.
                if (value.StartsWith(VersionPrefix, StringComparison.Ordinal)
                    && Convert.TryFromBase64String(value[VersionPrefix.Length..], given, out var written)
                    && written == given.Length
                    && CryptographicOperations.FixedTimeEquals(expected, given))
                {
                    return StandardWebhookVerification.Verified;
                }
            }
        }

        return StandardWebhookVerification.BadSignature;
    }

    /// <summary>Checks one delivery whose body is text (it is signed as UTF-8).</summary>
    /// <param name="id">The <c>webhook-id</c> header.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c> header.</param>
    /// <param name="signature">The <c>webhook-signature</c> header.</param>
    /// <param name="body">The raw body as received.</param>
    /// <returns><see cref="StandardWebhookVerification.Verified"/>, or why not.</returns>
    public StandardWebhookVerification Verify(string? id, string? timestamp, string? signature, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Verify(id, timestamp, signature, Encoding.UTF8.GetBytes(body));
    }

    /// <summary>
    /// Signs a message as a vendor would, for tests of your own handlers: the <c>webhook-signature</c> value
    /// (<c>v1,&lt;base64&gt;</c>) of <paramref name="body"/> under one secret.
    /// </summary>
    /// <param name="secret">The secret: <c>whsec_</c> and Base64, or the Base64 alone.</param>
    /// <param name="id">The <c>webhook-id</c>.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c> (Unix seconds).</param>
    /// <param name="body">The raw body.</param>
    /// <returns>The header value.</returns>
    /// <exception cref="ArgumentException">A value is blank, or the secret is not Base64.</exception>
    public static string Sign(string secret, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var key = new StandardWebhookVerifier(secret)._keys[0];
        var signed = Encoding.UTF8.GetBytes(id + "." + timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Sign(key, signed, body, mac);
        return VersionPrefix + Convert.ToBase64String(mac);
    }

    /// <summary>The verifier and its tolerance; never the secrets.</summary>
    /// <returns>For example <c>StandardWebhookVerifier(2 secrets, ±00:05:00)</c>.</returns>
    public override string ToString() => FormattableString.Invariant($"{nameof(StandardWebhookVerifier)}({_keys.Length} secret{(_keys.Length == 1 ? string.Empty : "s")}, ±{Tolerance})");

    private static void Sign(byte[] key, byte[] prefix, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        hmac.GetHashAndReset(destination);
    }
}

/// <summary>The result of <see cref="StandardWebhookVerifier.Verify(string?, string?, string?, ReadOnlySpan{byte})"/>.</summary>
public enum StandardWebhookVerification
{
    /// <summary>A signature matched one of the secrets, and the timestamp is within the tolerance.</summary>
    Verified = 0,

    /// <summary><c>webhook-id</c>, <c>webhook-timestamp</c> or <c>webhook-signature</c> is missing.</summary>
    MissingHeaders,

    /// <summary><c>webhook-timestamp</c> is not Unix seconds.</summary>
    InvalidTimestamp,

    /// <summary>The timestamp is further from now than the tolerance (a replay, or a clock far off).</summary>
    StaleTimestamp,

    /// <summary>No signature matched any secret (a changed body, a wrong secret, a forgery).</summary>
    BadSignature,
}
