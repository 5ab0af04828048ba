using System.Text.Json;

namespace MotionControl.Providers.Kling;

/// <summary>A single-task reply: the typed envelope, and the task's JSON for <see cref="MotionControlTask.Raw"/>.</summary>
/// <param name="Response">The envelope with its typed task.</param>
/// <param name="Raw">The <c>data</c> element as received (owned, safe to keep).</param>
internal sealed record KlingTaskReply(KlingResponse<KlingTask> Response, JsonElement Raw);
