using MotionControl.Testing;

namespace MotionControl.Cli.Tests.Support;

/// <summary>
/// An emulator started in the test with keys of its own, and the environment that configures the tool for it exactly as
/// a user configures a real vendor (MOTIONCONTROL__VYDRA__APIKEY, __BASEADDRESS, ...), without <c>--emulator</c>.
/// </summary>
internal sealed class ConfiguredVendors : IAsyncDisposable
{
    private ConfiguredVendors(MotionControlEmulator emulator, EmulatorCredentials keys)
    {
        Emulator = emulator;
        Keys = keys;
    }

    public MotionControlEmulator Emulator { get; }

    public EmulatorCredentials Keys { get; }

    /// <summary>Gets every key the tool is configured with: what must never show.</summary>
    public IReadOnlyList<string> Secrets =>
    [
        Keys.KlingAccessKey, Keys.KlingSecretKey, Keys.KlingApiKey, Keys.PowerTokensApiKey, Keys.ModelsLabApiKey,
        Keys.AimlApiKey, Keys.VydraApiKey, Keys.ReplicateApiKey, Keys.FalApiKey,
    ];

    public static async Task<ConfiguredVendors> StartAsync(TaskLifecycle? lifecycle = null)
    {
        string tag = Guid.NewGuid().ToString("N")[..12];
        var keys = new EmulatorCredentials
        {
            KlingAccessKey = "ak-cli-" + tag,
            KlingSecretKey = "sk-cli-" + tag + "-0000000000000",
            KlingApiKey = "kling-api-cli-" + tag,
            PowerTokensApiKey = "pt-cli-" + tag,
            ModelsLabApiKey = "ml-cli-" + tag,
            AimlApiKey = "aiml-cli-" + tag,
            VydraApiKey = "vydra_live_user_cli_" + tag,
            ReplicateApiKey = "r8_cli" + tag,
            FalApiKey = "fal-cli-" + tag + ":secret-" + tag,
        };
        var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions
        {
            Credentials = keys,
            DefaultLifecycle = lifecycle ?? TaskLifecycle.Default,
        });
        return new ConfiguredVendors(emulator, keys);
    }

    /// <summary>The environment that configures every vendor on this emulator with its keys (and fast polls).</summary>
    public Dictionary<string, string> Environment(Action<Dictionary<string, string>>? change = null)
    {
        string url = Emulator.BaseAddress.AbsoluteUri;
        var env = new Dictionary<string, string>
        {
            ["MOTIONCONTROL__DEFAULTPROVIDER"] = "replicate",
            ["MOTIONCONTROL__WAITOPTIONS__POLLINTERVAL"] = "00:00:00.100",
            ["MOTIONCONTROL__WAITOPTIONS__MAXPOLLINTERVAL"] = "00:00:00.500",
            ["MOTIONCONTROL__WAITOPTIONS__EXPECTEDDURATION"] = "00:00:00",
            ["MOTIONCONTROL__RETRYBASEDELAY"] = "00:00:00.010",
            ["MOTIONCONTROL__RETRYMAXDELAY"] = "00:00:00.050",
            ["MOTIONCONTROL__KLING__ACCESSKEY"] = Keys.KlingAccessKey,
            ["MOTIONCONTROL__KLING__SECRETKEY"] = Keys.KlingSecretKey,
            ["MOTIONCONTROL__POWERTOKENS__APIKEY"] = Keys.PowerTokensApiKey,
            ["MOTIONCONTROL__MODELSLAB__APIKEY"] = Keys.ModelsLabApiKey,
            ["MOTIONCONTROL__AIMLAPI__APIKEY"] = Keys.AimlApiKey,
            ["MOTIONCONTROL__VYDRA__APIKEY"] = Keys.VydraApiKey,
            ["MOTIONCONTROL__REPLICATE__APIKEY"] = Keys.ReplicateApiKey,
            ["MOTIONCONTROL__FAL__APIKEY"] = Keys.FalApiKey,
            ["MOTIONCONTROL__FAL__PLATFORMBASEADDRESS"] = url,
            ["MOTIONCONTROL__FAL__STORAGEBASEADDRESS"] = url,
        };
        foreach (string section in new[] { "KLING", "POWERTOKENS", "MODELSLAB", "AIMLAPI", "VYDRA", "REPLICATE", "FAL" })
        {
            env[$"MOTIONCONTROL__{section}__BASEADDRESS"] = url;
        }

        change?.Invoke(env);
        return env;
    }

    public async ValueTask DisposeAsync() => await Emulator.DisposeAsync();
}
