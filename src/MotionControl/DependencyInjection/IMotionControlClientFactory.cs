namespace MotionControl.DependencyInjection;

/// <summary>Resolves a registered provider's client by a name chosen at run time.</summary>
public interface IMotionControlClientFactory
{
    /// <summary>The names of the registered providers (see <see cref="MotionControlProviders"/>).</summary>
    IReadOnlyCollection<string> ProviderNames { get; }

    /// <summary>Returns the client of a registered provider.</summary>
    /// <param name="providerName">A provider name such as <c>vydra</c> (case-insensitive).</param>
    /// <returns>The provider's singleton client.</returns>
    /// <exception cref="ArgumentException">No provider of that name was registered.</exception>
    IMotionControlClient GetClient(string providerName);
}
