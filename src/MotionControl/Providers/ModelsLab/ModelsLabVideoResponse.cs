using System.Text.Json;
using System.Text.Json.Serialization;
using MotionControl.Serialization;

namespace MotionControl.Providers.ModelsLab;

/// <summary>
/// ModelsLab's reply to a create or a fetch (webhooks carry the same object). Always check <see cref="Status"/>:
/// ModelsLab reports errors inside HTTP 200 too. Each concept is one property: <see cref="Id"/> (from <c>id</c> or
/// <c>fetch_result</c>), <see cref="Message"/> (from <c>message</c> or <c>messege</c>) and <see cref="VideoUrl"/> (the one
/// result video among <see cref="Output"/>, <see cref="ProxyLinks"/> and <see cref="FutureLinks"/>).
/// </summary>
// Tolerant reader: each public property carries the primary wire name, and the other names ModelsLab may use are
// internal [JsonInclude] members (source-generated like the rest); the public getter prefers the primary field and
// falls back to the aliases. The record stays immutable (init) and constructible with the public properties alone.
public sealed record ModelsLabVideoResponse
{
    /// <summary><c>status</c>: <c>processing</c>, <c>success</c> or <c>error</c>; clients also see <c>failed</c> and <c>queued</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>
    /// The task id: <c>id</c>, a number in some replies and a string in others (kept as its digits); when a reply has no
    /// <c>id</c>, the last path segment of <see cref="FetchResult"/>. <see langword="null"/> when neither gives one.
    /// </summary>
    [JsonPropertyName("id")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? Id
    {
        get => WireAlias.Text(field) ?? IdOf(FetchResult);
        init;
    }

    /// <summary><c>eta</c>: seconds until the task is expected to finish, while it is processing.</summary>
    [JsonPropertyName("eta")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? Eta { get; init; }

    /// <summary><c>fetch_result</c>: the ready-made fetch URL, ending in the task id.</summary>
    [JsonPropertyName("fetch_result")]
    public string? FetchResult { get; init; }

    /// <summary><c>output</c>: the result URLs, filled once the task succeeded (the one to download is <see cref="VideoUrl"/>).</summary>
    [JsonPropertyName("output")]
    public IReadOnlyList<string>? Output { get; init; }

    /// <summary><c>proxy_links</c>: alternate CDN URLs of the result.</summary>
    [JsonPropertyName("proxy_links")]
    public IReadOnlyList<string>? ProxyLinks { get; init; }

    /// <summary><c>future_links</c>: URLs where the result will appear.</summary>
    [JsonPropertyName("future_links")]
    public IReadOnlyList<string>? FutureLinks { get; init; }

    /// <summary>
    /// The result video: <c>output[0]</c>, else <c>proxy_links[0]</c>, else <c>future_links[0]</c> (what ModelsLab's own
    /// clients read), the first of those lists that is non-empty and starts with an absolute URL. Derived, not a wire field.
    /// Read it once <see cref="Status"/> is <c>success</c>: before that, <c>future_links</c> name a file not there yet.
    /// </summary>
    [JsonIgnore]
    public Uri? VideoUrl
    {
        get
        {
            foreach (var links in (ReadOnlySpan<IReadOnlyList<string>?>)[Output, ProxyLinks, FutureLinks])
            {
                if (links is { Count: > 0 } && Uri.TryCreate(links[0], UriKind.Absolute, out var url))
                {
                    return url;
                }
            }

            return null;
        }
    }

    /// <summary><c>generationTime</c>: how long the generation took, in seconds.</summary>
    [JsonPropertyName("generationTime")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? GenerationTime { get; init; }

    /// <summary>
    /// ModelsLab's words, above all the reason of an error (a per-field object is flattened to text): <c>message</c>, else
    /// <c>messege</c> (sic), as older ModelsLab endpoints spell it; <see langword="null"/> when both are blank.
    /// </summary>
    [JsonPropertyName("message")]
    [JsonConverter(typeof(VendorMessageConverter))]
    public string? Message
    {
        get => WireAlias.Text(field, MessegeAlias);
        init;
    }

    /// <summary><c>tip</c>: an extra hint ModelsLab sometimes adds.</summary>
    [JsonPropertyName("tip")]
    [JsonConverter(typeof(VendorMessageConverter))]
    public string? Tip { get; init; }

    /// <summary><c>track_id</c>: your id, echoed when you sent one.</summary>
    [JsonPropertyName("track_id")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? TrackId { get; init; }

    /// <summary><c>retry_after</c>: seconds to wait, on a 429 (the account's queue is full).</summary>
    [JsonPropertyName("retry_after")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? RetryAfter { get; init; }

    /// <summary><c>meta</c>: what the task was created with, as ModelsLab echoes it.</summary>
    [JsonPropertyName("meta")]
    public JsonElement? Meta { get; init; }

    /// <summary>Wire alias of <see cref="Message"/>: <c>messege</c> (sic).</summary>
    [JsonInclude]
    [JsonPropertyName("messege")]
    [JsonConverter(typeof(VendorMessageConverter))]
    internal string? MessegeAlias { get; init; }

    /// <summary>The last path segment of a fetch URL (the task id), or <see langword="null"/>.</summary>
    private static string? IdOf(string? fetchResult)
    {
        if (string.IsNullOrWhiteSpace(fetchResult))
        {
            return null;
        }

        var path = Uri.TryCreate(fetchResult, UriKind.Absolute, out var uri) ? uri.AbsolutePath : fetchResult.Split('?', '#')[0];
        var segment = path.TrimEnd('/');
        segment = segment[(segment.LastIndexOf('/') + 1)..];
        return segment.Length == 0 ? null : Uri.UnescapeDataString(segment);
    }
}
