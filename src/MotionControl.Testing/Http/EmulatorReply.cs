using System.Text;
using System.Text.Json.Nodes;

namespace MotionControl.Testing;

/// <summary>A reply a vendor handler wants to send; faults may still spoil it before it is written.</summary>
internal sealed class EmulatorReply
{
    public int StatusCode { get; init; } = 200;

    public JsonNode? Json { get; init; }

    public ReadOnlyMemory<byte> Bytes { get; init; }

    public string? ContentType { get; init; }

    /// <summary>Gets the length of a streamed body; streamed replies are written by <see cref="StreamWriter"/> and never buffered.</summary>
    public long StreamLength { get; init; }

    public Func<Stream, CancellationToken, Task>? StreamWriter { get; init; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsJson => Json is not null;

    public static EmulatorReply FromJson(JsonNode json, int statusCode = 200) =>
        new() { StatusCode = statusCode, Json = json, ContentType = JsonWire.ContentType };

    public static EmulatorReply FromText(int statusCode, string text, string contentType) =>
        new() { StatusCode = statusCode, Bytes = Encoding.UTF8.GetBytes(text), ContentType = contentType };

    public static EmulatorReply FromBytes(int statusCode, ReadOnlyMemory<byte> bytes, string contentType) =>
        new() { StatusCode = statusCode, Bytes = bytes, ContentType = contentType };

    public static EmulatorReply Streamed(long length, string contentType, Func<Stream, CancellationToken, Task> writer) =>
        new() { StreamLength = length, ContentType = contentType, StreamWriter = writer };

    public ReadOnlyMemory<byte> GetBody() => Json is not null ? JsonWire.Serialize(Json) : Bytes;

    public EmulatorReply WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }
}
