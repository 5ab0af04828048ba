namespace MotionControl.Storage;

/// <summary>
/// Names for staged media objects, shared by the storage packages (compiled into each; no package depends on another):
/// <c>{prefix}{random id}/{file name}</c>. The random id makes every upload a new object (two submissions of one file never
/// overwrite each other) and is not guessable; the file name is kept, reduced to URL-safe characters, so the vendor and
/// the storage console show a recognisable name.
/// </summary>
internal static class StagedObjectNames
{
    private const int MaxFileNameLength = 100;

    public static string Create(string? prefix, string fileName) =>
        string.Concat(prefix ?? string.Empty, Guid.NewGuid().ToString("N"), "/", SafeFileName(fileName));

    /// <summary>The file name with every character other than ASCII letters, digits, '.', '-' and '_' replaced by '-'.</summary>
    internal static string SafeFileName(string? fileName)
    {
        var name = Path.GetFileName(fileName ?? string.Empty);
        if (name.Length > MaxFileNameLength)
        {
            name = name[^MaxFileNameLength..];
        }

        var safe = string.Create(name.Length, name, static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                chars[i] = char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-';
            }
        });
        return safe.Trim('.') is { Length: > 0 } trimmed ? trimmed : "media";
    }
}
