namespace MotionControl.Testing;

/// <summary>
/// One more account the emulator accepts, next to the default account of <see cref="EmulatorCredentials"/>: a name
/// and the keys it holds at each vendor. A vendor whose keys are left null does not know this account.
/// </summary>
/// <remarks>
/// <code>
/// var eu = new EmulatorAccount("eu") { VydraApiKey = "vydra_live_user_eu_1", KlingAccessKey = "ak-eu", KlingSecretKey = "sk-eu-0000000000000000000000000000" };
/// await using var emulator = await MotionControlEmulator.StartAsync(new() { Credentials = new() { AdditionalAccounts = [eu] } });
/// </code>
/// Each account follows the same rules as the default one (a Kling JWT must be signed with this account's secret key
/// and carry its access key as <c>iss</c>, and so on). <see cref="RecordedRequest.Account"/> names the account a
/// request used, and each account sees only the tasks it created. No two accounts may share a key of the same
/// vendor; <see cref="MotionControlEmulator.StartAsync"/> checks that.
/// </remarks>
public sealed class EmulatorAccount
{
    /// <summary>Initializes a new instance of the <see cref="EmulatorAccount"/> class.</summary>
    /// <param name="name">The account's name, as <see cref="RecordedRequest.Account"/> and <see cref="EmulatedTask.Account"/> show it, e.g. <c>"eu"</c>. It must not be <see cref="EmulatorCredentials.DefaultAccountName"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public EmulatorAccount(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>Gets the account's name.</summary>
    public string Name { get; }

    /// <summary>Gets the Kling access key (the <c>iss</c> claim of this account's JWTs), or null. Set it together with <see cref="KlingSecretKey"/>.</summary>
    public string? KlingAccessKey { get; init; }

    /// <summary>Gets the Kling secret key (its UTF-8 bytes sign this account's HS256 JWTs), or null. Set it together with <see cref="KlingAccessKey"/>.</summary>
    public string? KlingSecretKey { get; init; }

    /// <summary>Gets the Kling single API key, accepted as a plain bearer token, or null.</summary>
    public string? KlingApiKey { get; init; }

    /// <summary>Gets the PowerTokens bearer key, or null.</summary>
    public string? PowerTokensApiKey { get; init; }

    /// <summary>Gets the ModelsLab key (the JSON body field <c>key</c>), or null.</summary>
    public string? ModelsLabApiKey { get; init; }

    /// <summary>Gets the AIMLAPI bearer key, or null.</summary>
    public string? AimlApiKey { get; init; }

    /// <summary>Gets the Vydra bearer key, or null.</summary>
    public string? VydraApiKey { get; init; }

    /// <summary>Gets the Replicate bearer API token, or null.</summary>
    public string? ReplicateApiKey { get; init; }
    /// <summary>Gets the fal key (<c>Authorization: Key &lt;key&gt;</c>), or null.</summary>
    public string? FalApiKey { get; init; }

    /// <summary>
    /// Gets the secret (<c>whsec_</c> and Base64) Kling signs this account's callbacks with (Standard Webhooks), or null:
    /// then its callbacks carry no signature headers, as Kling sends them while an account has no secret.
    /// </summary>
    public string? KlingWebhookSecret { get; init; }

    /// <summary>
    /// Gets the secret (<c>whsec_</c> and Base64) Replicate signs this account's webhooks with (Standard Webhooks), or null:
    /// then its webhooks carry no signature headers.
    /// </summary>
    public string? ReplicateWebhookSecret { get; init; }

    /// <summary>Gets the secret this account's callbacks from <paramref name="provider"/> are signed with, or null.</summary>
    internal string? WebhookSecretFor(string provider) => provider switch
    {
        EmulatorProviders.Replicate => ReplicateWebhookSecret,
        _ => KlingWebhookSecret,
    };

    /// <summary>Returns the type and the account's name only, so keys never end up in test output by accident.</summary>
    /// <returns>For example <c>EmulatorAccount eu</c>.</returns>
    public override string ToString() => $"{nameof(EmulatorAccount)} {Name}";

    /// <summary>Gets the key that identifies this account at a vendor (Kling: the API key), or null.</summary>
    internal string? KeyFor(string provider) => provider switch
    {
        EmulatorProviders.Kling => KlingApiKey,
        EmulatorProviders.PowerTokens => PowerTokensApiKey,
        EmulatorProviders.ModelsLab => ModelsLabApiKey,
        EmulatorProviders.AimlApi => AimlApiKey,
        EmulatorProviders.Vydra => VydraApiKey,
        EmulatorProviders.Replicate => ReplicateApiKey,
        EmulatorProviders.Fal => FalApiKey,
        _ => null,
    };

    /// <summary>Gets every key the account holds, for the request log's redaction.</summary>
    internal IEnumerable<string?> AllKeys() =>
        [KlingAccessKey, KlingSecretKey, KlingApiKey, PowerTokensApiKey, ModelsLabApiKey, AimlApiKey, VydraApiKey, ReplicateApiKey, FalApiKey, KlingWebhookSecret, ReplicateWebhookSecret];
}
