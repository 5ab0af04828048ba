using System.Text.RegularExpressions;

namespace MotionControl.Tests.Architecture;

/// <summary>
/// Vendor code depends on the core, never the reverse: no file of the core package outside <c>Providers/</c> names a
/// vendor's namespace (<c>MotionControl.Providers.Kling</c>, ...). Each vendor's folder holds its DTOs, JSON context,
/// descriptor, routes and <c>Add{Vendor}</c> extension.
/// </summary>
public partial class CoreNamesNoVendorTests
{
    // From the repository root, not the compile-time file path: CI builds map source paths to /_/.
    private static string SourceRoot() => RepositoryPaths.Combine("src", "MotionControl");

    [Fact]
    public void No_core_file_outside_Providers_references_a_vendor_namespace()
    {
        var root = SourceRoot();
        var vendors = Directory.GetDirectories(Path.Combine(root, "Providers")).Select(Path.GetFileName).ToList();
        Assert.Contains("Kling", vendors);
        Assert.Contains("Vydra", vendors);

        var offenders = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsUnder(f, Path.Combine(root, "Providers")) && !IsUnder(f, Path.Combine(root, "obj")) && !IsUnder(f, Path.Combine(root, "bin")))
            .SelectMany(f => VendorNamespace().Matches(File.ReadAllText(f))
                .Where(m => vendors.Contains(m.Groups["vendor"].Value))
                .Select(m => $"{Path.GetRelativePath(root, f)}: {m.Value}"))
            .ToList();

        Assert.True(offenders.Count == 0, "The core names a vendor:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_check_sees_a_vendor_reference_when_there_is_one()
    {
        // The same matcher over a line that names a vendor: it must be caught, or the test above proves nothing.
        var matches = VendorNamespace().Matches("using MotionControl.Providers.Kling;\nvar x = new MotionControl.Providers.Vydra.VydraClient(o);");

        Assert.Equal(["Kling", "Vydra"], matches.Select(m => m.Groups["vendor"].Value));
    }

    private static bool IsUnder(string file, string folder) =>
        file.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    [GeneratedRegex(@"MotionControl\.Providers\.(?<vendor>[A-Za-z]+)")]
    private static partial Regex VendorNamespace();
}
