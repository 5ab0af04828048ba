using System.Text.Json;

namespace MotionControl.Providers.Kling;

/// <summary>A list reply: the typed envelope, and each task's JSON (same order) for <see cref="MotionControlTask.Raw"/>.</summary>
/// <param name="Response">The envelope with its typed tasks.</param>
/// <param name="Raw">Each element of <c>data</c> as received (owned, safe to keep).</param>
internal sealed record KlingTaskListReply(KlingResponse<IReadOnlyList<KlingTask>> Response, IReadOnlyList<JsonElement> Raw);
