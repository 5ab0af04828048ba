namespace MotionControl.Providers.AimlApi;

/// <summary>
/// AIMLAPI's video-generation endpoints for Kling Motion Control, one method per endpoint, with AIMLAPI's own wire types.
/// Reach it through <see cref="AimlApiClient.Api"/> (or resolve it under dependency injection).
/// </summary>
/// <remarks>Errors raise the SDK's <see cref="MotionControlException"/> kinds, exactly as through the neutral client.</remarks>
public interface IAimlApi
{
    /// <summary>Starts a generation: <c>POST v2/video/generations</c>. Never re-sent blindly (it may cost credits).</summary>
    /// <param name="request">The body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new generation, usually just its id and <c>queued</c>.</returns>
    /// <exception cref="MotionControlException">AIMLAPI refused it; the kind follows the HTTP status, with <c>requestId</c> carried.</exception>
    /// <exception cref="MotionControlSubmissionOutcomeUnknownException">The reply was lost or unreadable; the generation may exist.</exception>
    Task<AimlApiVideoGeneration> CreateVideoGenerationAsync(AimlApiVideoGenerationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads a generation: <c>GET v2/video/generations?generation_id={id}</c>. Retried on transient failures.</summary>
    /// <param name="generationId">The generation id (escaped in the query).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The generation; <c>status:"error"</c> is its own failure, the reason in <c>error.message</c>.</returns>
    /// <exception cref="MotionControlTaskNotFoundException">AIMLAPI does not know the id (HTTP 404).</exception>
    /// <exception cref="MotionControlException">Any other error.</exception>
    Task<AimlApiVideoGeneration> GetVideoGenerationAsync(string generationId, CancellationToken cancellationToken = default);

    /// <summary>Reads the account's balance: <c>GET v2/billing</c>. A read: retried on transient failures.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The balance: <c>current_balance</c> in <c>currency</c> (always USD).</returns>
    /// <exception cref="MotionControlException">AIMLAPI refused the call (an invalid key raises <see cref="MotionControlAuthenticationException"/>).</exception>
    Task<AimlApiBilling> GetBillingAsync(CancellationToken cancellationToken = default);
}
