namespace MotionControl.Providers.Kling;

/// <summary>
/// Kling's element management (https://kling.ai/document-api/api/video/3-0-omni/elements): elements are reusable
/// characters that a motion-control task on <c>kling-v3</c> / <c>kling-3.0</c> can bind by <c>element_id</c>.
/// On Kling's own host only, with the same credentials as the motion-control calls.
/// </summary>
public partial interface IKlingApi
{
    /// <summary>
    /// <c>POST /v1/general/advanced-custom-elements</c>: starts creating a custom element (an async task; read it with
    /// <see cref="GetElementAsync"/> until <c>task_status</c> is <c>succeed</c> or <c>failed</c>).
    /// </summary>
    /// <param name="request">
    /// The body. Checked before sending: <c>element_name</c> (at most 20 characters) and <c>element_description</c> (at most
    /// 100) present, <c>reference_type</c> <c>image_refer</c> with a <c>frontal_image</c> and 1–3 <c>refer_images</c>, or
    /// <c>video_refer</c> with exactly one non-empty <c>video_url</c>. Media formats, sizes and the video's 3–8 s, 1080p are
    /// Kling's to check.
    /// </param>
    /// <param name="cancellationToken">Cancels the call; a create already sent may still have reached Kling.</param>
    /// <returns>The envelope; <c>data</c> holds the task's id, status, <c>task_info</c> and timestamps.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request breaks one of the documented rules above (nothing was sent).</exception>
    /// <exception cref="MotionControlSubmissionOutcomeUnknownException">The create may have reached Kling but no reply says so; it was not re-sent.</exception>
    /// <exception cref="MotionControlException">Kling refused the request (see the subtype and <see cref="MotionControlException.VendorCode"/>).</exception>
    Task<KlingResponse<KlingElementTask>> CreateElementAsync(KlingElementCreateRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /v1/general/advanced-custom-elements/{id}</c>: reads one element-creation task, by its <c>task_id</c> or by the
    /// <c>external_task_id</c> given at creation (Kling takes either in the path).
    /// </summary>
    /// <param name="taskId">The task id Kling returned, or your external task id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The envelope with the task; <c>task_result.elements</c> once it succeeded.</returns>
    /// <exception cref="ArgumentException"><paramref name="taskId"/> is null, empty or white space (nothing was sent).</exception>
    /// <exception cref="MotionControlTaskNotFoundException">Kling does not know the id (code 1201).</exception>
    /// <exception cref="MotionControlException">Any other Kling error.</exception>
    Task<KlingResponse<KlingElementTask>> GetElementAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/general/advanced-custom-elements?pageNum=&amp;pageSize=</c>: one page of the account's element-creation tasks.</summary>
    /// <param name="pageNum">The page, 1–1000. Default 1.</param>
    /// <param name="pageSize">Tasks per page, 1–500. Default 30.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The envelope; <c>data</c> is the page of tasks, each with its elements.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageNum"/> or <paramref name="pageSize"/> is outside Kling's range (nothing was sent).</exception>
    /// <exception cref="MotionControlException">A Kling error.</exception>
    Task<KlingResponse<IReadOnlyList<KlingElementTask>>> ListElementsAsync(int pageNum = 1, int pageSize = 30, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/general/advanced-presets-elements?pageNum=&amp;pageSize=</c>: one page of Kling's preset elements.</summary>
    /// <param name="pageNum">The page, 1–1000. Default 1.</param>
    /// <param name="pageSize">Items per page, 1–500. Default 30.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The envelope; <c>data</c> is the page, in the custom list's shape (no deductions).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageNum"/> or <paramref name="pageSize"/> is outside Kling's range (nothing was sent).</exception>
    /// <exception cref="MotionControlException">A Kling error.</exception>
    Task<KlingResponse<IReadOnlyList<KlingElementTask>>> ListPresetElementsAsync(int pageNum = 1, int pageSize = 30, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /v1/general/delete-advanced-elements</c>: deletes a custom element (preset elements cannot be deleted).
    /// Retried on transient failures like a read: deleting twice is harmless.
    /// </summary>
    /// <param name="request">The body: the <c>element_id</c> to delete.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The envelope; <c>data</c> holds the delete's <c>task_id</c> and <c>task_status</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException"><c>element_id</c> is empty or white space (nothing was sent).</exception>
    /// <exception cref="MotionControlException">A Kling error.</exception>
    Task<KlingResponse<KlingElementTask>> DeleteElementAsync(KlingElementDeleteRequest request, CancellationToken cancellationToken = default);
}
