using MotionControl.Diagnostics;
using MotionControl.Http;
using MotionControl.Providers.Kling;

namespace MotionControl.Providers.PowerTokens;

/// <summary>PowerTokens: Kling's descriptor with its own name, route prefix and error policy (it is a Kling gateway).</summary>
internal static class PowerTokensVendor
{
    public static VendorDescriptor<PowerTokensOptions, IPowerTokensRoutes> Descriptor { get; } = new()
    {
        Name = MotionControlProviders.PowerTokens,
        SectionName = "PowerTokens",
        Capabilities = KlingVendor.Descriptor.Capabilities with
        {
            ProviderName = MotionControlProviders.PowerTokens,
            DisplayName = "PowerTokens",
            DefaultModel = PowerTokensClient.DefaultModel,
            Models = [PowerTokensClient.DefaultModel],
            ModelProfiles = [KlingVendor.KlingV3Profile],
            SupportsList = false,

            // PowerTokens documents no balance endpoint.
            SupportsBalance = false,

            // PowerTokens resells at its own price, which it does not publish per second.
            SupportsCostEstimate = false,

            // PowerTokens documents no callback signature (Kling's Standard Webhooks signing is Kling's own).
            SignsCallbacks = false,
        },
        Statuses = KlingVendor.Descriptor.Statuses,
        Secrets = static options => new SecretRedactor(options.ApiKey),
        Authenticator = static options => new BearerKeyAuthenticator(options.ApiKey!),
        Errors = PowerTokensErrorPolicy.Instance,
        Routes = VendorHttpClients.Settings(KlingJsonContext.Default),
    };
}
