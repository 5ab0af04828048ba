namespace MotionControl.Providers.ModelsLab;

/// <summary>
/// ModelsLab's Motion Control endpoints, one method per endpoint, with ModelsLab's own wire types. Reach it through
/// <see cref="ModelsLabClient.Api"/> (or resolve it under dependency injection) for what the provider-neutral
/// <see cref="IMotionControlClient"/> does not model. The API key is added to every body by the client.
/// </summary>
/// <remarks>Errors raise the SDK's <see cref="MotionControlException"/> kinds, exactly as through the neutral client.</remarks>
public interface IModelsLabApi
{
    /// <summary>Creates a task: <c>POST api/v7/video-fusion/motion-control</c>. Never re-sent blindly (it may cost credits).</summary>
    /// <param name="request">The body, without the key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>ModelsLab's reply: usually <c>status:"processing"</c> with the id (or only a <c>fetch_result</c> URL) and an <c>eta</c>.</returns>
    /// <exception cref="MotionControlException">ModelsLab refused the task (HTTP error or <c>status:"error"</c> in HTTP 200): authentication,
    /// insufficient credits, rate limited (queue full, with <c>retry_after</c>) or request rejected.</exception>
    /// <exception cref="MotionControlSubmissionOutcomeUnknownException">The reply was lost or unreadable; the task may exist.</exception>
    Task<ModelsLabVideoResponse> CreateMotionControlTaskAsync(ModelsLabMotionControlRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads a task: <c>POST api/v7/video-fusion/fetch/{id}</c> with body <c>{"key":…}</c>. A read: retried on transient failures.</summary>
    /// <param name="id">The task id from the create reply (digits; escaped in the path).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task; <c>status:"error"</c> (or <c>"failed"</c>) is the task's own failure, its reason in <c>message</c>.</returns>
    /// <exception cref="MotionControlTaskNotFoundException">ModelsLab does not know the id.</exception>
    /// <exception cref="MotionControlException">Any other error (authentication, rate limit, server).</exception>
    Task<ModelsLabVideoResponse> FetchMotionControlTaskAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Reads the wallet's balance: <c>POST api/wallet_balance</c> with body <c>{"key":…}</c>. A read: retried on transient failures.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The wallet: <c>data.balance</c> in <c>data.currency</c> (USD).</returns>
    /// <exception cref="MotionControlException">ModelsLab refused the call (HTTP error or <c>status:"error"</c> in HTTP 200).</exception>
    Task<ModelsLabWalletBalance> GetWalletBalanceAsync(CancellationToken cancellationToken = default);
}
