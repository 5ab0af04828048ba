namespace MotionControl.AspNetCore;

/// <summary>
/// The callback an <see cref="IMotionControlWebhookHandler"/> is handling: take it in the handler's constructor (it is a
/// scoped service, one per callback request, registered by <c>AddWebhooks</c>). It tells the handler what the task alone
/// cannot, such as which of several registrations of one vendor the callback came for.
/// </summary>
public sealed class MotionControlWebhookContext
{
    internal MotionControlWebhookContext()
    {
    }

    /// <summary>
    /// The registration the callback's endpoint route named (<c>{prefix}/{registration}</c>): the client whose signing
    /// secret verified the callback, or whose read confirmed the task. Empty outside a callback's request.
    /// </summary>
    public string Registration { get; internal set; } = string.Empty;
}
