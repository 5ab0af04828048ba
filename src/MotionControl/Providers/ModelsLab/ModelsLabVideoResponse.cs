using System.Text.Json;
using System.Text.Json.Serialization;
using MotionControl.Serialization;

namespace MotionControl.Providers.ModelsLab;

/// <summary>
/// ModelsLab's reply to a create or a fetch (webhooks carry the same object). Always check <see cref="Status"/>:
/// ModelsLab reports errors inside HTTP 200 too.
/// </summary>
public sealed record ModelsLabVideoResponse
{
    /// <summary><c>status</c>: <c>processing</c>, <c>success</c> or <c>error</c>; clients also see <c>failed</c> and <c>queued</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary><c>id</c>: the task id, a number in some replies and a string in others (kept as its digits). May be absent; see <see cref="FetchResult"/>.</summary>
    [JsonPropertyName("id")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? Id { get; init; }

    /// <summary><c>eta</c>: seconds until the task is expected to finish, while it is processing.</summary>
    [JsonPropertyName("eta")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? Eta { get; init; }

    /// <summary><c>fetch_result</c>: the ready-made fetch URL, ending in the task id.</summary>
    [JsonPropertyName("fetch_result")]
    public string? FetchResult { get; init; }

    /// <summary><c>output</c>: the result URLs, filled once the task succeeded.</summary>
    [JsonPropertyName("output")]
    public IReadOnlyList<string>? Output { get; init; }

    /// <summary><c>proxy_links</c>: alternate CDN URLs of the result.</summary>
    [JsonPropertyName("proxy_links")]
    public IReadOnlyList<string>? ProxyLinks { get; init; }

    /// <summary><c>future_links</c>: URLs where the result will appear.</summary>
    [JsonPropertyName("future_links")]
    public IReadOnlyList<string>? FutureLinks { get; init; }

    /// <summary><c>generationTime</c>: how long the generation took, in seconds.</summary>
    [JsonPropertyName("generationTime")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? GenerationTime { get; init; }

    /// <summary><c>message</c>: ModelsLab's words, above all the reason of an error (a per-field object is flattened to text).</summary>
    [JsonPropertyName("message")]
    [JsonConverter(typeof(VendorMessageConverter))]
    public string? Message { get; init; }

    /// <summary><c>messege</c> (sic): the same as <see cref="Message"/>, as older ModelsLab endpoints spell it.</summary>
    [JsonPropertyName("messege")]
    [JsonConverter(typeof(VendorMessageConverter))]
    public string? Messege { get; init; }

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

    /// <summary>The task id: <see cref="Id"/>, or the last path segment of <see cref="FetchResult"/> when only that came.</summary>
    internal string? ResolveId()
    {
        if (!string.IsNullOrWhiteSpace(Id))
        {
            return Id;
        }

        if (string.IsNullOrWhiteSpace(FetchResult))
        {
            return null;
        }

        var path = Uri.TryCreate(FetchResult, UriKind.Absolute, out var uri) ? uri.AbsolutePath : FetchResult.Split('?', '#')[0];
        var segment = path.TrimEnd('/');
        segment = segment[(segment.LastIndexOf('/') + 1)..];
        return segment.Length == 0 ? null : Uri.UnescapeDataString(segment);
    }

    /// <summary>The error text, in whichever spelling ModelsLab used.</summary>
    internal string? ResolveMessage() =>
        !string.IsNullOrWhiteSpace(Message) ? Message : !string.IsNullOrWhiteSpace(Messege) ? Messege : null;

    /// <summary>The result video: <c>output[0]</c>, else <c>proxy_links[0]</c>, else <c>future_links[0]</c> (what ModelsLab's own clients read).</summary>
    internal Uri? ResolveVideoUrl()
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
