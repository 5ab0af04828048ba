namespace MotionControl.DependencyInjection;

/// <summary>Which providers <c>AddMotionControl</c> registered, in order, and which one is the default.</summary>
internal sealed class MotionControlRegistry
{
    private readonly List<string> _providers = [];

    public IReadOnlyCollection<string> ProviderNames => _providers;

    public string? DefaultProvider { get; set; }

    public bool Contains(string name) => _providers.Contains(name, StringComparer.Ordinal);

    public void Add(string name)
    {
        if (!Contains(name))
        {
            _providers.Add(name);
        }
    }

    public string ResolveDefault() =>
        DefaultProvider is { } chosen
            ? _providers.FirstOrDefault(p => string.Equals(p, chosen, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOperationException($"The default MotionControl provider '{chosen}' is not registered. Registered: {string.Join(", ", _providers)}.")
            : _providers.FirstOrDefault() ?? throw new InvalidOperationException("No MotionControl provider is registered: call AddKling, AddPowerTokens, AddModelsLab, AddAimlApi or AddVydra.");
}
