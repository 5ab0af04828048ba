using System.Globalization;

namespace MotionControl.Validation;

/// <summary>Formats limits and values for validation messages, always with their unit and in the invariant culture.</summary>
internal static class ValidationText
{
    public static string Bytes(long bytes)
    {
        var mib = bytes / (1024.0 * 1024.0);
        return mib >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{mib:0.##} MB ({bytes:N0} bytes)")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");
    }

    public static string Seconds(TimeSpan value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.###} s");

    public static string Pixels(int width, int height) =>
        string.Create(CultureInfo.InvariantCulture, $"{width}x{height} px");

    public static string Number(double value) =>
        value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Orientation(CharacterOrientation orientation) =>
        orientation == CharacterOrientation.Image ? "image" : "video";
}
