namespace MotionControl.Providers.Vydra;

/// <summary>
/// Vydra's endpoints for Kling Motion Control and its jobs, one method per endpoint, with Vydra's own wire types.
/// Reach it through <see cref="VydraClient.Api"/> (or resolve it under dependency injection), for example to cancel a job.
/// </summary>
/// <remarks>Errors raise the SDK's <see cref="MotionControlException"/> kinds, exactly as through the neutral client.</remarks>
public interface IVydraApi
{
    /// <summary>Creates a motion-control job: <c>POST api/v1/models/kling</c> (202 Accepted). Never re-sent blindly (40 credits).</summary>
    /// <param name="request">The body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The accepted job: its <c>jobId</c>, <c>pending</c>, the credits charged.</returns>
    /// <exception cref="MotionControlException">Vydra refused it (see the Vydra page of the docs for each code's exception).</exception>
    /// <exception cref="MotionControlSubmissionOutcomeUnknownException">The reply was lost or unreadable; the job may exist.</exception>
    Task<VydraCreateJobResponse> CreateMotionControlJobAsync(VydraMotionControlRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads a job: <c>GET api/v1/jobs/{id}</c>. Retried on transient failures.</summary>
    /// <param name="jobId">The job id (escaped in the path).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job.</returns>
    /// <exception cref="MotionControlTaskNotFoundException">Vydra does not know the job (<c>JOB_NOT_FOUND</c>).</exception>
    Task<VydraJob> GetJobAsync(string jobId, CancellationToken cancellationToken = default);

    /// <summary>Lists jobs, newest first: <c>GET api/v1/jobs?limit&amp;offset&amp;status</c>. Retried on transient failures.</summary>
    /// <param name="limit">Jobs per page, 1–100; <see langword="null"/> uses Vydra's default (20).</param>
    /// <param name="offset">Jobs to skip; <see langword="null"/> for 0.</param>
    /// <param name="status">Only jobs in this state: <c>pending</c>, <c>running</c>, <c>completed</c> or <c>failed</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One page of jobs (every kind of job, not only motion control).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is outside 1–100 or <paramref name="offset"/> is negative.</exception>
    Task<VydraJobList> ListJobsAsync(int? limit = null, int? offset = null, string? status = null, CancellationToken cancellationToken = default);

    /// <summary>Cancels a job: <c>DELETE api/v1/jobs/{id}</c>. Credits taken for it are refunded by Vydra.</summary>
    /// <param name="jobId">The job id (escaped in the path).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job as Vydra reports it after the cancel, or <see langword="null"/> when Vydra answers without a body.</returns>
    /// <exception cref="MotionControlTaskNotFoundException">Vydra does not know the job.</exception>
    Task<VydraJob?> CancelJobAsync(string jobId, CancellationToken cancellationToken = default);

    /// <summary>Reads the organization and its credit balance: <c>GET api/v1/organization</c>. Retried on transient failures.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The organization, its plan and <c>creditsRemaining</c>.</returns>
    /// <exception cref="MotionControlException">Vydra refused the call (an invalid key raises <see cref="MotionControlAuthenticationException"/>).</exception>
    Task<VydraOrganization> GetOrganizationAsync(CancellationToken cancellationToken = default);
}
