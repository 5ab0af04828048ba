using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using MotionControl.Serialization;

namespace MotionControl.Providers;

/// <summary>
/// Builds a vendor request body from its wire DTO: serialized once with the source-generated context, with the
/// request's <see cref="MotionControlRequest.AdditionalProperties"/> merged in (last writer wins, so a passthrough
/// field can override a mapped one).
/// </summary>
internal static class WireBody
{
    /// <summary>The UTF-8 JSON body of <paramref name="dto"/> plus <paramref name="additionalProperties"/>.</summary>
    public static byte[] Serialize<T>(T dto, JsonTypeInfo<T> typeInfo, IReadOnlyDictionary<string, JsonNode?>? additionalProperties)
    {
        if (additionalProperties is not { Count: > 0 })
        {
            return JsonSerializer.SerializeToUtf8Bytes(dto, typeInfo);
        }

        var body = JsonSerializer.SerializeToNode(dto, typeInfo) as JsonObject
            ?? throw new InvalidOperationException($"{typeof(T).Name} does not serialize to a JSON object, so extra properties cannot be merged into it.");
        foreach (var (name, value) in additionalProperties)
        {
            // Cloned: a node belongs to one parent, and the caller's request must stay usable for the next submission.
            body[name] = value?.DeepClone();
        }

        return JsonSerializer.SerializeToUtf8Bytes(body, MotionControlJsonContext.Default.JsonObject);
    }

    /// <summary>A JSON body for one attempt, for calls made through a typed vendor API (no local media to stream in).</summary>
    public static HttpContent Content(ReadOnlyMemory<byte> json) =>
        new ReadOnlyMemoryContent(json) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } };
}
