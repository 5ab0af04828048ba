namespace MotionControl.DependencyInjection;

/// <summary>Which registrations <c>AddMotionControl</c> made, in order, with each one's vendor, and which one is the default.</summary>
internal sealed class MotionControlRegistry
{
    private readonly List<(string Name, string Vendor)> _registrations = [];

    public IReadOnlyCollection<string> ProviderNames => _registrations.ConvertAll(r => r.Name);

    public string? DefaultProvider { get; set; }

    /// <summary>The vendor of a registration, or <see langword="null"/> when there is none by that name.</summary>
    public string? VendorOf(string name) =>
        _registrations.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal)).Vendor;

    public bool Contains(string name) => VendorOf(name) is not null;

    public void Add(string name, string vendor)
    {
        if (!Contains(name))
        {
            _registrations.Add((name, vendor));
        }
    }

    public string ResolveDefault() =>
        DefaultProvider is { } chosen
            ? ProviderNames.FirstOrDefault(p => string.Equals(p, chosen, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOperationException($"The default MotionControl provider '{chosen}' is not registered. Registered: {string.Join(", ", ProviderNames)}.")
            : ProviderNames.FirstOrDefault() ?? throw new InvalidOperationException("No MotionControl provider is registered: call a vendor's Add method on the AddMotionControl builder (AddKling, AddVydra, ...).");
}
