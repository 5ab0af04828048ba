namespace MotionControl;

/// <summary>Conveniences over <see cref="IMotionControlClient"/>.</summary>
public static class MotionControlClientExtensions
{
    /// <summary>Submits a request and waits for its result: <see cref="IMotionControlClient.SubmitAsync"/> then <see cref="IMotionControlClient.WaitForCompletionAsync"/>.</summary>
    /// <param name="client">The vendor client.</param>
    /// <param name="request">The job.</param>
    /// <param name="waitOptions">How to wait; <see langword="null"/> uses the client's defaults.</param>
    /// <param name="cancellationToken">Cancels validation, submission or the wait.</param>
    /// <returns>The succeeded task, with its videos.</returns>
    /// <exception cref="MotionControlValidationException">The request breaks a rule; nothing was sent.</exception>
    /// <exception cref="MotionControlTaskFailedException">The vendor reported the task failed.</exception>
    /// <exception cref="MotionControlWaitTimeoutException">The wait's deadline passed; the task id is on the exception.</exception>
    public static async Task<MotionControlTask> GenerateAsync(this IMotionControlClient client, MotionControlRequest request, MotionControlWaitOptions? waitOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var submitted = await client.SubmitAsync(request, cancellationToken).ConfigureAwait(false);
        if (submitted.IsTerminal)
        {
            return submitted.Status == MotionControlTaskStatus.Succeeded ? submitted : throw new MotionControlTaskFailedException(submitted);
        }

        return await client.WaitForCompletionAsync(submitted.Id, waitOptions, cancellationToken).ConfigureAwait(false);
    }
}
