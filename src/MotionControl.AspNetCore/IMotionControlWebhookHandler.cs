namespace MotionControl.AspNetCore;

/// <summary>
/// Receives each verified (or vendor-confirmed), deduplicated task update that reaches the webhook endpoint. Register
/// implementations in DI (<c>services.AddScoped&lt;IMotionControlWebhookHandler, MyHandler&gt;()</c>); every one is called,
/// once per event, inside the request, under <see cref="MotionControlWebhookOptions.HandlerTimeout"/>. A handler that
/// throws or runs out of time makes the endpoint answer 503, so the vendor delivers the event again. Which registration
/// the callback came for is in <see cref="MotionControlWebhookContext"/>, which a handler can take in its constructor.
/// </summary>
public interface IMotionControlWebhookHandler
{
    /// <summary>Handles one task update.</summary>
    /// <param name="task">The task as the signed callback described it, or as the vendor's own read confirmed it.</param>
    /// <param name="cancellationToken">Fires when <see cref="MotionControlWebhookOptions.HandlerTimeout"/> passes or the request is aborted.</param>
    /// <returns>A task that completes when the update is handled.</returns>
    Task HandleAsync(MotionControlTask task, CancellationToken cancellationToken);
}
