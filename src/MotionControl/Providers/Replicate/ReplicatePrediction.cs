using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotionControl.Providers.Replicate;

/// <summary>
/// A prediction as the create, get and cancel routes return it (https://replicate.com/docs/reference/http,
/// "predictions.get"). Unknown fields are ignored.
/// </summary>
public sealed record ReplicatePrediction
{
    /// <summary><c>id</c>: the prediction's id, for example <c>gm3qorzdhgbfurvjtvhg6dckhu</c>.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary><c>model</c>: the model that ran it, <c>owner/name</c>.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary><c>version</c>: the model version's id (<c>hidden</c> for some official models).</summary>
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    /// <summary>
    /// <c>status</c>: <c>starting</c>, <c>processing</c>, <c>succeeded</c>, <c>failed</c> or <c>canceled</c>; and
    /// <c>aborted</c> for one whose <c>Cancel-After</c> deadline passed before it started (https://replicate.com/changelog/2025-10-16-prediction-deadlines).
    /// </summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary><c>input</c>: the input as Replicate received it (removed with the output after an hour).</summary>
    [JsonPropertyName("input")]
    public JsonElement? Input { get; init; }

    /// <summary><c>output</c>: for these models a single URI of the video (an array of URIs is read too); <see langword="null"/> until it succeeded, and again once the data was removed.</summary>
    [JsonPropertyName("output")]
    public JsonElement? Output { get; init; }

    /// <summary><c>error</c>: why it failed, when <see cref="Status"/> is <c>failed</c>.</summary>
    [JsonPropertyName("error")]
    [JsonConverter(typeof(VendorMessageConverter))]
    public string? Error { get; init; }

    /// <summary><c>logs</c>: the model's log output so far.</summary>
    [JsonPropertyName("logs")]
    public string? Logs { get; init; }

    /// <summary><c>metrics</c>: <c>predict_time</c> and <c>total_time</c> in seconds, once it ended.</summary>
    [JsonPropertyName("metrics")]
    public ReplicatePredictionMetrics? Metrics { get; init; }

    /// <summary><c>urls</c>: where to read and cancel it.</summary>
    [JsonPropertyName("urls")]
    public ReplicatePredictionUrls? Urls { get; init; }

    /// <summary><c>created_at</c>: when it was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary><c>started_at</c>: when the model began running it.</summary>
    [JsonPropertyName("started_at")]
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary><c>completed_at</c>: when it ended and its outputs were uploaded.</summary>
    [JsonPropertyName("completed_at")]
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary><c>data_removed</c>: true once the input, output and logs were deleted (an hour after the end, for API predictions).</summary>
    [JsonPropertyName("data_removed")]
    public bool? DataRemoved { get; init; }

    /// <summary>The absolute URLs in <see cref="Output"/>: the one URI, or each URI of an array (other values skipped).</summary>
    [JsonIgnore]
    public IReadOnlyList<Uri> OutputUrls => Output is { } output ? UrlsOf(output) : [];

    private static List<Uri> UrlsOf(JsonElement output)
    {
        var urls = new List<Uri>();
        if (output.ValueKind == JsonValueKind.String)
        {
            Add(output);
        }
        else if (output.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in output.EnumerateArray())
            {
                Add(item);
            }
        }

        return urls;

        void Add(JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.String && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
            {
                urls.Add(url);
            }
        }
    }
}
