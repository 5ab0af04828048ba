using Microsoft.Extensions.DependencyInjection;

namespace MotionControl.DependencyInjection;

/// <summary>Looks registered providers up among the keyed <see cref="IMotionControlClient"/> services.</summary>
internal sealed class MotionControlClientFactory(IServiceProvider services, MotionControlRegistry registry) : IMotionControlClientFactory
{
    public IReadOnlyCollection<string> ProviderNames => registry.ProviderNames;

    public IMotionControlClient GetClient(string providerName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        var name = registry.ProviderNames.FirstOrDefault(n => string.Equals(n, providerName, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"No MotionControl provider named '{providerName}' is registered. Registered: {string.Join(", ", registry.ProviderNames)}.",
                nameof(providerName));
        return services.GetRequiredKeyedService<IMotionControlClient>(name);
    }
}
