using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotionControl.DependencyInjection;
using MotionControl.Providers.AimlApi;
using MotionControl.Providers.Fal;
using MotionControl.Providers.Kling;
using MotionControl.Providers.ModelsLab;
using MotionControl.Providers.PowerTokens;
using MotionControl.Providers.Replicate;
using MotionControl.Providers.Vydra;

namespace MotionControl.Providers;

/// <summary>
/// The vendors this package ships, for registration from configuration: the one place that lists them, so the core
/// (which names no vendor) can add every vendor whose section is present.
/// </summary>
internal static class VendorCatalog
{
    private static readonly (string Section, string Name, Action<MotionControlBuilder, string, IConfiguration> Add)[] Vendors =
    [
        (KlingVendor.Descriptor.SectionName, KlingVendor.Descriptor.Name, static (b, name, s) => b.AddKling(name, s)),
        (PowerTokensVendor.Descriptor.SectionName, PowerTokensVendor.Descriptor.Name, static (b, name, s) => b.AddPowerTokens(name, s)),
        (ModelsLabVendor.Descriptor.SectionName, ModelsLabVendor.Descriptor.Name, static (b, name, s) => b.AddModelsLab(name, s)),
        (AimlApiVendor.Descriptor.SectionName, AimlApiVendor.Descriptor.Name, static (b, name, s) => b.AddAimlApi(name, s)),
        (VydraVendor.Descriptor.SectionName, VydraVendor.Descriptor.Name, static (b, name, s) => b.AddVydra(name, s)),
        (ReplicateVendor.Descriptor.SectionName, ReplicateVendor.Descriptor.Name, static (b, name, s) => b.AddReplicate(name, s, null)),
        (FalVendor.Descriptor.SectionName, FalVendor.Descriptor.Name, static (b, name, s) => b.AddFal(name, s, null)),
    ];

    /// <summary>
    /// Adds every vendor whose section is present under <paramref name="configuration"/> (the <c>MotionControl</c>
    /// section), under the vendor's name; and every other section whose <c>Vendor</c> key names a vendor (by section or
    /// provider name), under that section's name: a second account of the same vendor.
    /// </summary>
    public static void AddConfigured(MotionControlBuilder builder, IConfiguration configuration)
    {
        foreach (var (section, name, add) in Vendors)
        {
            if (configuration.GetSection(section) is { } vendorSection && vendorSection.Exists())
            {
                add(builder, name, vendorSection);
            }
        }

        foreach (var child in configuration.GetChildren())
        {
            if (child["Vendor"] is not { } vendor || Array.Exists(Vendors, v => string.Equals(v.Section, child.Key, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var match = Array.Find(Vendors, v => string.Equals(v.Section, vendor, StringComparison.OrdinalIgnoreCase) || string.Equals(v.Name, vendor, StringComparison.OrdinalIgnoreCase));
            if (match.Add is null)
            {
                throw new InvalidOperationException($"The setting '{child.Path}:Vendor' names no vendor this package has ({string.Join(", ", Vendors.Select(v => v.Section))}).");
            }

            match.Add(builder, child.Key, child);
        }
    }
}
