using MotionControl.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>A Kling task reply: the envelope as the typed API returns it, and the task's own JSON for <see cref="MotionControlTask.Raw"/>.</summary>
internal sealed record KlingTaskReply(KlingResponse<KlingTask> Response, LazyJson Raw);

/// <summary>A page of Kling's task list, with each task's own JSON.</summary>
internal sealed record KlingTaskListReply(KlingResponse<IReadOnlyList<KlingTask>> Response, IReadOnlyList<LazyJson> Raw);
