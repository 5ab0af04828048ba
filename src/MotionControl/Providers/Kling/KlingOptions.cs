namespace MotionControl.Providers.Kling;

/// <summary>
/// Settings of a <see cref="KlingClient"/> for Kling's own API (legacy <c>/v1/videos/motion-control</c> contract).
/// Authenticate with <see cref="AccessKey"/> + <see cref="SecretKey"/> (the SDK signs a short-lived HS256 JWT from them)
/// or with a single <see cref="MotionControlClientOptions.ApiKey"/> sent as a bearer token.
/// </summary>
/// <remarks>
/// When both an API key and an AccessKey/SecretKey pair are set, the <b>API key wins</b>: it is sent as is and no JWT is
/// signed (Kling's newer keys work on the legacy path as well). None of the credentials is ever printed:
/// <c>ToString()</c> shows the type and base address only.
/// </remarks>
public sealed class KlingOptions : MotionControlClientOptions
{
    /// <summary><c>https://api-singapore.klingai.com</c>: Kling's current global host, for servers outside mainland China. The default.</summary>
    public static readonly Uri SingaporeBaseAddress = new("https://api-singapore.klingai.com");

    /// <summary>
    /// <c>https://api.klingai.com</c>: the older global host. Kling announced the move to <see cref="SingaporeBaseAddress"/>;
    /// many clients still call this one, and whether it is retired is not documented.
    /// </summary>
    public static readonly Uri GlobalBaseAddress = new("https://api.klingai.com");

    /// <summary><c>https://api-beijing.klingai.com</c>: the host of Kling's Chinese-language documentation (mainland China).</summary>
    public static readonly Uri BeijingBaseAddress = new("https://api-beijing.klingai.com");

    /// <summary>
    /// Creates options for Kling's production global host (<see cref="SingaporeBaseAddress"/>). Set
    /// <see cref="MotionControlClientOptions.BaseAddress"/> to <see cref="GlobalBaseAddress"/>, <see cref="BeijingBaseAddress"/>
    /// or a <c>MotionControl.Testing</c> emulator's address to go elsewhere.
    /// </summary>
    public KlingOptions()
        : base(SingaporeBaseAddress)
    {
    }

    /// <summary>
    /// The Kling AccessKey: the JWT's issuer (<c>iss</c>). Needs <see cref="SecretKey"/>. Ignored when
    /// <see cref="MotionControlClientOptions.ApiKey"/> is set. Never logged.
    /// </summary>
    public string? AccessKey { get; set; }

    /// <summary>
    /// The Kling SecretKey: signs the JWT (HMAC-SHA256 over its UTF-8 bytes). Needs <see cref="AccessKey"/>. Ignored when
    /// <see cref="MotionControlClientOptions.ApiKey"/> is set. A secret: never logged, never sent.
    /// </summary>
    public string? SecretKey { get; set; }

    /// <summary>True when the client signs JWTs (an AccessKey/SecretKey pair and no API key).</summary>
    /// <summary>
    /// Which contract the client speaks: <see cref="KlingApiVersion.V1"/> (the legacy one, the default) or
    /// <see cref="KlingApiVersion.V2"/> (Kling API 2.0, which needs <see cref="MotionControlClientOptions.ApiKey"/>; an access
    /// key and secret key are not accepted there).
    /// </summary>
    public KlingApiVersion ApiVersion { get; set; } = KlingApiVersion.V1;

    internal bool UsesJwt => string.IsNullOrWhiteSpace(ApiKey) && !string.IsNullOrWhiteSpace(AccessKey) && !string.IsNullOrWhiteSpace(SecretKey);

    /// <inheritdoc />
    internal override IEnumerable<string> CredentialErrors()
    {
        if (ApiVersion is not (KlingApiVersion.V1 or KlingApiVersion.V2))
        {
            yield return "ApiVersion must be V1 or V2.";
            yield break;
        }

        if (ApiVersion == KlingApiVersion.V2 && string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return "ApiKey is required with ApiVersion V2 (Kling API 2.0 takes an API key only; AccessKey and SecretKey are for V1).";
            yield break;
        }

        if (!string.IsNullOrWhiteSpace(ApiKey))
        {
            yield break;
        }

        var hasAccessKey = !string.IsNullOrWhiteSpace(AccessKey);
        var hasSecretKey = !string.IsNullOrWhiteSpace(SecretKey);
        if (!hasAccessKey && !hasSecretKey)
        {
            yield return "Either ApiKey, or AccessKey and SecretKey, are required.";
        }
        else if (!hasAccessKey)
        {
            yield return "AccessKey is required with SecretKey.";
        }
        else if (!hasSecretKey)
        {
            yield return "SecretKey is required with AccessKey.";
        }
    }
}
