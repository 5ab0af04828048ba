using System.Text.Json;

namespace MotionControl.Tests.Media;

/// <summary>The media files tests/make-fixtures.sh made with real encoders, and what ffprobe said about each.</summary>
internal static class MediaFixtures
{
    private static readonly Lazy<IReadOnlyList<MediaFixture>> Catalog = new(Load);

    public static IReadOnlyList<MediaFixture> All => Catalog.Value;

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", file);

    public static byte[] Bytes(string file) => File.ReadAllBytes(PathOf(file));

    public static MediaFixture Get(string file) => All.Single(f => f.File == file);

    /// <summary>Every fixture's file name, for [MemberData].</summary>
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in All)
        {
            data.Add(fixture.File);
        }

        return data;
    }

    private static List<MediaFixture> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(PathOf("expected.json")));
        var list = new List<MediaFixture>();
        foreach (var item in document.RootElement.GetProperty("fixtures").EnumerateArray())
        {
            list.Add(new MediaFixture(
                item.GetProperty("file").GetString()!,
                Enum.Parse<MotionControl.Media.MediaFormat>(item.GetProperty("format").GetString()!),
                item.GetProperty("size").GetInt64(),
                OptionalInt(item, "width"),
                OptionalInt(item, "height"),
                OptionalInt(item, "rotation") ?? 0,
                OptionalInt(item, "displayWidth"),
                OptionalInt(item, "displayHeight"),
                item.TryGetProperty("duration", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetDouble() : null));
        }

        return list;
    }

    private static int? OptionalInt(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}

/// <summary>One fixture and ffprobe's facts about it.</summary>
internal sealed record MediaFixture(
    string File,
    MotionControl.Media.MediaFormat Format,
    long Size,
    int? Width,
    int? Height,
    int Rotation,
    int? DisplayWidth,
    int? DisplayHeight,
    double? Duration)
{
    public bool IsVideo => Format is MotionControl.Media.MediaFormat.Mp4 or MotionControl.Media.MediaFormat.QuickTime;

    public bool IsImage => Format is MotionControl.Media.MediaFormat.Png or MotionControl.Media.MediaFormat.Jpeg;
}
