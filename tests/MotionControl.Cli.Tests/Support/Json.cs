using System.Text.Json;

namespace MotionControl.Cli.Tests.Support;

/// <summary>Reads a run's stdout as exactly one JSON document (anything before or after it fails).</summary>
internal static class Json
{
    public static JsonElement Single(CliResult result)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(result.Stdout);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = false });
        using var document = JsonDocument.ParseValue(ref reader);
        string rest = System.Text.Encoding.UTF8.GetString(bytes, (int)reader.BytesConsumed, bytes.Length - (int)reader.BytesConsumed);
        Assert.True(string.IsNullOrWhiteSpace(rest), "stdout holds more than one JSON document: " + result);
        return document.RootElement.Clone();
    }
}
