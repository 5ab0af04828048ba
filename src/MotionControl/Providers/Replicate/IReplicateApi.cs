namespace MotionControl.Providers.Replicate;

/// <summary>
/// Replicate's endpoints for Kling Motion Control, one method per endpoint, with Replicate's own wire types. Reach it
/// through <see cref="ReplicateClient.Api"/> (or resolve it under dependency injection).
/// </summary>
/// <remarks>Errors raise the SDK's <see cref="MotionControlException"/> kinds, exactly as through the neutral client.</remarks>
public interface IReplicateApi
{
    /// <summary>
    /// Creates a prediction: <c>POST v1/models/{owner}/{name}/predictions</c> (201 Created), with the client's
    /// <see cref="ReplicateOptions.CancelAfter"/> as the <c>Cancel-After</c> header. Never re-sent blindly: Replicate takes
    /// no client id, so a lost reply cannot be matched to a prediction.
    /// </summary>
    /// <param name="model">The model, <c>owner/name</c> (<see cref="ReplicateClient.KlingV26Model"/>, <see cref="ReplicateClient.KlingV3Model"/>), or the SDK's name of one (<c>kling-v2-6</c>, <c>kling-v3</c>).</param>
    /// <param name="request">The body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new prediction, normally <c>starting</c>.</returns>
    /// <exception cref="MotionControlException">Replicate refused it (401 token, 402 credit, 422 input, 429 throttled).</exception>
    /// <exception cref="MotionControlSubmissionOutcomeUnknownException">The reply was lost or unreadable; the prediction may exist.</exception>
    Task<ReplicatePrediction> CreatePredictionAsync(string model, ReplicatePredictionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads a prediction: <c>GET v1/predictions/{id}</c>. Retried on transient failures.</summary>
    /// <param name="predictionId">The prediction's id (escaped in the path).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The prediction.</returns>
    /// <exception cref="MotionControlTaskNotFoundException">Replicate does not know the prediction (404).</exception>
    Task<ReplicatePrediction> GetPredictionAsync(string predictionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels a prediction: <c>POST v1/predictions/{id}/cancel</c>. Replicate charges for the time it ran. Asking twice does
    /// no harm, so a lost reply is retried like a read.
    /// </summary>
    /// <param name="predictionId">The prediction's id (escaped in the path).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The prediction after the request: <c>canceled</c>, or as it ended when it had already ended.</returns>
    /// <exception cref="MotionControlTaskNotFoundException">Replicate does not know the prediction (404).</exception>
    Task<ReplicatePrediction> CancelPredictionAsync(string predictionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uploads a file: <c>POST v1/files</c> (<c>multipart/form-data</c>, part <c>content</c>). Pass the returned
    /// <see cref="ReplicateFileUrls.Get"/> as a model input; Replicate deletes the file when it expires.
    /// </summary>
    /// <param name="content">The bytes, read from its current position; a seekable stream is read again from there on a retry. Not disposed.</param>
    /// <param name="fileName">The file name (at most 255 bytes of UTF-8).</param>
    /// <param name="contentType">The MIME type, for example <c>video/mp4</c>.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The stored file.</returns>
    /// <exception cref="ArgumentException">A blank file name or content type.</exception>
    Task<ReplicateFile> UploadFileAsync(Stream content, string fileName, string contentType, CancellationToken cancellationToken = default);
}
