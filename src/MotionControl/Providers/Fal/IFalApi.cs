namespace MotionControl.Providers.Fal;

/// <summary>
/// fal's queue, billing and storage endpoints for Kling Motion Control, one method per endpoint, with fal's own wire types.
/// Reach it through <see cref="FalClient.Api"/> (or resolve it under dependency injection).
/// </summary>
/// <remarks>Errors raise the SDK's <see cref="MotionControlException"/> kinds, exactly as through the neutral client.</remarks>
public interface IFalApi
{
    /// <summary>
    /// Queues a request: <c>POST {queue}/{endpointId}[?fal_webhook=URL]</c>. Never re-sent blindly: fal takes no client id,
    /// so a lost reply is an unknown outcome.
    /// </summary>
    /// <param name="endpointId">The model's endpoint, for example <see cref="FalModels.KlingV3Pro"/>.</param>
    /// <param name="input">The body.</param>
    /// <param name="webhookUrl">Where fal posts the result when the request ends, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request id and its status, result and cancel addresses.</returns>
    /// <exception cref="ArgumentException"><paramref name="endpointId"/> is blank.</exception>
    /// <exception cref="MotionControlException">fal refused it.</exception>
    /// <exception cref="MotionControlSubmissionOutcomeUnknownException">The reply was lost or unreadable; the request may be queued.</exception>
    Task<FalQueueSubmission> SubmitAsync(string endpointId, FalMotionControlInput input, Uri? webhookUrl = null, CancellationToken cancellationToken = default);

    /// <summary>Reads a request's status: <c>GET {queue}/fal-ai/kling-video/requests/{id}/status</c>. Retried on transient failures.</summary>
    /// <param name="requestId">The request id (escaped in the path).</param>
    /// <param name="logs">True to ask for the runner's logs (<c>?logs=1</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status (with <c>queue_position</c> while queued).</returns>
    /// <exception cref="MotionControlTaskNotFoundException">fal does not know the request.</exception>
    Task<FalQueueStatus> GetStatusAsync(string requestId, bool logs = false, CancellationToken cancellationToken = default);

    /// <summary>Reads a completed request's result: <c>GET {queue}/fal-ai/kling-video/requests/{id}</c>. Retried on transient failures.</summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result: its video.</returns>
    /// <exception cref="MotionControlException">The request failed (fal's <c>detail</c> is the message) or is not complete yet.</exception>
    Task<FalVideoResult> GetResultAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks fal to cancel a request: <c>PUT {queue}/fal-ai/kling-video/requests/{id}/cancel</c>. fal cancels only a request
    /// that has not started: it answers <c>CANCELLATION_REQUESTED</c> (HTTP 202) then, and <c>ALREADY_COMPLETED</c> (HTTP 400)
    /// once the request started; both are returned, not thrown.
    /// </summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>fal's answer.</returns>
    /// <exception cref="MotionControlTaskNotFoundException">fal does not know the request.</exception>
    Task<FalCancelResponse> CancelAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>Reads the account's billing with its credits: <c>GET {platform}/v1/account/billing?expand=credits</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account and its <c>credits.current_balance</c>.</returns>
    /// <exception cref="MotionControlAuthenticationException">The key has no billing permission (fal answers 403 for inference-only keys).</exception>
    Task<FalAccountBilling> GetBillingAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Uploads a file to fal's storage (as fal's own client does: <c>POST {storage}/storage/upload/initiate</c>, then a PUT of
    /// the bytes to the returned <c>upload_url</c>, which gets no fal key) and returns its <c>file_url</c>.
    /// </summary>
    /// <param name="content">The bytes, read from their current position to the end (not disposed).</param>
    /// <param name="fileName">The file's name.</param>
    /// <param name="contentType">The MIME type, for example <c>video/mp4</c>.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The file's URL, to pass as <c>image_url</c> or <c>video_url</c>.</returns>
    /// <exception cref="MotionControlException">fal refused the initiation or the upload.</exception>
    Task<Uri> UploadAsync(Stream content, string fileName, string contentType, CancellationToken cancellationToken = default);
}
