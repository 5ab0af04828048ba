using System.Text.Json;
using MotionControl.Diagnostics;
using MotionControl.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>
/// Reads the body Kling POSTs to a <c>callback_url</c> (https://kling.ai/document-api/api/get-started/callbacks): the
/// task object itself, no envelope, in one of two shapes — the legacy one (<c>task_id</c>, <c>task_status</c>, …, for
/// tasks created on the legacy contract) or the new-standard one (<c>id</c>, <c>status</c>, <c>outputs</c>,
/// <c>billing</c>, for API 2.0 tasks). Either shape is read by any Kling client, whatever its API version.
/// </summary>
internal static class KlingCallbacks
{
    public static MotionControlTask Parse(string providerName, ReadOnlySpan<byte> body, Action<string, string?> reportUnknownStatus, SecretRedactor redactor)
    {
        // The task keeps its JSON (Raw), so it gets its own copy of the caller's bytes.
        var json = body.ToArray();
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Unreadable(providerName, "it is not a JSON object", null);
            }

            var raw = new LazyJson(json);
            if (document.RootElement.TryGetProperty("task_id", out _))
            {
                var legacy = JsonSerializer.Deserialize(json, KlingJsonContext.Default.KlingTask);
                return legacy is { TaskId: { Length: > 0 } }
                    ? KlingTaskMapper.ToTask(providerName, legacy, raw, reportUnknownStatus, redactor)
                    : throw Unreadable(providerName, "its task_id is empty", null);
            }

            var task = JsonSerializer.Deserialize(json, KlingJsonContext.Default.KlingV2Task);
            return task is { Id: { Length: > 0 } }
                ? KlingTaskMapper.ToTask(providerName, task, raw, reportUnknownStatus, redactor)
                : throw Unreadable(providerName, "it carries neither task_id nor id", null);
        }
        catch (JsonException ex)
        {
            throw Unreadable(providerName, "it is not valid JSON of a Kling task", ex);
        }
    }

    // The body is not echoed: a callback is untrusted input until verified, and may be large.
    private static MotionControlProtocolException Unreadable(string providerName, string why, Exception? inner) =>
        new($"The {providerName} callback body cannot be read: {why}.", inner) { ProviderName = providerName };
}
