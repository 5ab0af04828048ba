using System.Globalization;
using System.Text.Json;
using MotionControl.Http;
using MotionControl.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>
/// Reads Kling's <c>{ code, message, request_id, data }</c> envelope, for Kling and for PowerTokens (a Kling gateway):
/// success is HTTP 2xx <b>and</b> <c>code</c> 0; anything else goes to the vendor's error mapper.
/// </summary>
internal static class KlingEnvelopeReader
{
    /// <summary>Reads a reply whose <c>data</c> is one task.</summary>
    public static KlingTaskReply ReadTask(ApiResponse response, Func<ApiResponse, JsonElement?, MotionControlException> mapError)
    {
        var envelope = Read(response, mapError);
        if (envelope.Data.ValueKind != JsonValueKind.Object)
        {
            throw response.ProtocolError($"data is {envelope.Data.ValueKind}, not a task object");
        }

        var task = Task(response, envelope.Data);
        return new KlingTaskReply(envelope.With(task), envelope.Data);
    }

    /// <summary>Reads a reply whose <c>data</c> is an array of tasks (the list call).</summary>
    public static KlingTaskListReply ReadTaskList(ApiResponse response, Func<ApiResponse, JsonElement?, MotionControlException> mapError)
    {
        var envelope = Read(response, mapError);
        if (envelope.Data.ValueKind != JsonValueKind.Array)
        {
            throw response.ProtocolError($"data is {envelope.Data.ValueKind}, not an array of tasks");
        }

        var tasks = new List<KlingTask>();
        var raw = new List<JsonElement>();
        foreach (var item in envelope.Data.EnumerateArray())
        {
            tasks.Add(Task(response, item));
            raw.Add(item);
        }

        return new KlingTaskListReply(envelope.With<IReadOnlyList<KlingTask>>(tasks), raw);
    }

    /// <summary><c>code</c> as a number (or, leniently, a numeric string); <see langword="null"/> when absent or not numeric.</summary>
    public static int? ReadCode(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("code", out var code))
        {
            return null;
        }

        return code.ValueKind switch
        {
            JsonValueKind.Number when code.TryGetInt32(out var number) => number,
            JsonValueKind.String when int.TryParse(code.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
            _ => null,
        };
    }

    /// <summary>A top-level string (or number, as text) property of an object; <see langword="null"/> when absent or empty.</summary>
    public static string? ReadString(JsonElement? root, string name)
    {
        if (root is not { ValueKind: JsonValueKind.Object } body || !body.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    private static Envelope Read(ApiResponse response, Func<ApiResponse, JsonElement?, MotionControlException> mapError)
    {
        using var document = response.TryParse();
        var root = document?.RootElement;
        if (!response.IsSuccessStatusCode)
        {
            throw mapError(response, root);
        }

        if (root is not { ValueKind: JsonValueKind.Object } body)
        {
            throw response.ProtocolError(root is null ? "the reply is not JSON" : "the reply is not a JSON object");
        }

        if (ReadCode(body) is not { } code)
        {
            // A 2xx error in a gateway's own shape ({error: ...}) is still an error, not an unreadable reply.
            throw body.TryGetProperty("error", out _) ? mapError(response, body) : response.ProtocolError("the reply has no numeric code");
        }

        if (code != 0)
        {
            throw mapError(response, body);
        }

        if (!body.TryGetProperty("data", out var data) || data.ValueKind == JsonValueKind.Null)
        {
            throw response.ProtocolError("the reply has code 0 but no data");
        }

        return new Envelope(code, ReadString(body, "message"), ReadString(body, "request_id") ?? response.RequestIdHeader, data.Clone());
    }

    private static KlingTask Task(ApiResponse response, JsonElement element)
    {
        KlingTask? task;
        try
        {
            task = element.Deserialize(MotionControlJsonContext.Default.KlingTask);
        }
        catch (JsonException ex)
        {
            throw response.ProtocolError($"a task is not the JSON expected ({ex.Message})", ex);
        }

        return task is { TaskId.Length: > 0 } ? task : throw response.ProtocolError("a task has no task_id");
    }

    private readonly record struct Envelope(int Code, string? Message, string? RequestId, JsonElement Data)
    {
        public KlingResponse<T> With<T>(T data) => new() { Code = Code, Message = Message, RequestId = RequestId, Data = data };
    }
}
