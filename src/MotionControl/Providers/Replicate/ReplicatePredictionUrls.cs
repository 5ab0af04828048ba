using System.Text.Json.Serialization;

namespace MotionControl.Providers.Replicate;

/// <summary>The <c>urls</c> of a prediction: where to read it, cancel it, and watch it.</summary>
public sealed record ReplicatePredictionUrls
{
    /// <summary><c>get</c>: the API URL of the prediction (<c>GET</c>).</summary>
    [JsonPropertyName("get")]
    public string? Get { get; init; }

    /// <summary><c>cancel</c>: the API URL that cancels it (<c>POST</c>).</summary>
    [JsonPropertyName("cancel")]
    public string? Cancel { get; init; }

    /// <summary><c>web</c>: the prediction's page on replicate.com.</summary>
    [JsonPropertyName("web")]
    public string? Web { get; init; }

    /// <summary><c>stream</c>: a server-sent events URL, for models that stream output.</summary>
    [JsonPropertyName("stream")]
    public string? Stream { get; init; }
}
