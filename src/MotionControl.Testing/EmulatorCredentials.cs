namespace MotionControl.Testing;

/// <summary>
/// The credentials the emulator accepts. The defaults are fixed, recognisable strings (not secrets); set your own
/// with <see cref="MotionControlEmulatorOptions.Credentials"/> to test key handling.
/// </summary>
/// <remarks>
/// The single-key properties are the <em>default account</em>, named <see cref="DefaultAccountName"/>.
/// <see cref="AdditionalAccounts"/> adds more accounts, each with its own keys, to test several accounts of one vendor
/// side by side.
/// </remarks>
public sealed class EmulatorCredentials
{
    /// <summary>The name of the account the single-key properties define: <c>"default"</c>.</summary>
    public const string DefaultAccountName = "default";

    /// <summary>Gets the Kling access key: the <c>iss</c> claim of a Kling JWT.</summary>
    public string KlingAccessKey { get; init; } = "emulator-kling-access-key";

    /// <summary>Gets the Kling secret key: the HS256 key (its UTF-8 bytes) that signs a Kling JWT. The default is 32 bytes, enough for JWT libraries that refuse shorter HS256 keys.</summary>
    public string KlingSecretKey { get; init; } = "emulator-kling-secret-key-000000";

    /// <summary>Gets the Kling single API key, accepted as a plain bearer token instead of a JWT.</summary>
    public string KlingApiKey { get; init; } = "emulator-kling-api-key";

    /// <summary>Gets the PowerTokens bearer key.</summary>
    public string PowerTokensApiKey { get; init; } = "emulator-powertokens-api-key";

    /// <summary>Gets the ModelsLab key, sent in the JSON body field <c>key</c>.</summary>
    public string ModelsLabApiKey { get; init; } = "emulator-modelslab-api-key";

    /// <summary>Gets the AIMLAPI bearer key.</summary>
    public string AimlApiKey { get; init; } = "emulator-aimlapi-key";

    /// <summary>Gets the Vydra bearer key (shaped like Vydra's <c>vydra_live_user_&lt;id&gt;_&lt;random&gt;</c>).</summary>
    public string VydraApiKey { get; init; } = "vydra_live_user_emulator_0000000000000000";

    /// <summary>Gets the Replicate bearer API token (shaped like Replicate's <c>r8_…</c>).</summary>
    public string ReplicateApiKey { get; init; } = "r8_emulator0000000000000000000000000000";

    /// <summary>Gets the fal key, sent as <c>Authorization: Key &lt;key&gt;</c> (shaped like fal's <c>&lt;key id&gt;:&lt;secret&gt;</c>).</summary>
    public string FalApiKey { get; init; } = "emulator-fal-key-id:emulator-fal-key-secret";

    /// <summary>
    /// Gets the secret Kling signs the default account's callbacks with (Standard Webhooks: <c>whsec_</c> and the Base64 of
    /// the key), as the Kling console shows it; give the same value to your webhook receiver. Null sends them unsigned.
    /// </summary>
    public string? KlingWebhookSecret { get; init; } = "whsec_ZW11bGF0b3Ita2xpbmctd2ViaG9vay1zZWNyZXQ=";

    /// <summary>
    /// Gets the secret Replicate signs the default account's webhooks with (Standard Webhooks: <c>whsec_</c> and the Base64
    /// of the key), as Replicate's <c>GET /v1/webhooks/default/secret</c> returns it; give the same value to your webhook
    /// receiver. Null sends them unsigned.
    /// </summary>
    public string? ReplicateWebhookSecret { get; init; } = "whsec_ZW11bGF0b3ItcmVwbGljYXRlLXdlYmhvb2stc2VjcmV0";

    /// <summary>
    /// Gets more accounts the emulator accepts besides the default one; empty by default. Names must be unique and
    /// not <see cref="DefaultAccountName"/>, each account must hold at least one key (a Kling access key and secret
    /// key go together), and no key may be shared by two accounts at the same vendor.
    /// <see cref="MotionControlEmulator.StartAsync"/> throws an <see cref="ArgumentException"/> otherwise.
    /// </summary>
    public IReadOnlyList<EmulatorAccount> AdditionalAccounts { get; init; } = [];

    /// <summary>Returns the type name only, so keys never end up in test output by accident.</summary>
    /// <returns>The type name.</returns>
    public override string ToString() => nameof(EmulatorCredentials);

    /// <summary>Builds the default account from the single-key properties.</summary>
    internal EmulatorAccount ToDefaultAccount() => new(DefaultAccountName)
    {
        KlingAccessKey = KlingAccessKey,
        KlingSecretKey = KlingSecretKey,
        KlingApiKey = KlingApiKey,
        PowerTokensApiKey = PowerTokensApiKey,
        ModelsLabApiKey = ModelsLabApiKey,
        AimlApiKey = AimlApiKey,
        VydraApiKey = VydraApiKey,
        ReplicateApiKey = ReplicateApiKey,
        FalApiKey = FalApiKey,
        KlingWebhookSecret = KlingWebhookSecret,
        ReplicateWebhookSecret = ReplicateWebhookSecret,
    };
}
