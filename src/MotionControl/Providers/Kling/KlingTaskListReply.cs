using MotionControl.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>A page of Kling's task list, with each task's own JSON.</summary>
internal sealed record KlingTaskListReply(KlingResponse<IReadOnlyList<KlingTask>> Response, IReadOnlyList<LazyJson> Raw);
