using MotionControl.Downloads;
using MotionControl.Media;

namespace MotionControl;

/// <summary>Conveniences over <see cref="IMotionControlClient"/>.</summary>
public static class MotionControlClientExtensions
{
    /// <summary>
    /// Submits a request and waits for its result: <see cref="IMotionControlClient.SubmitAsync"/> then
    /// <see cref="IMotionControlClient.WaitForCompletionAsync"/>. When the task has ended (succeeded, failed or cancelled)
    /// and the client's media uploader is an <see cref="IMediaCleanup"/>, the media it staged for this task are deleted.
    /// </summary>
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
            await DeleteStagedMediaAsync(client, submitted, cancellationToken).ConfigureAwait(false);
            return submitted.Status == MotionControlTaskStatus.Succeeded ? submitted : throw new MotionControlTaskFailedException(submitted);
        }

        MotionControlTask finished;
        try
        {
            finished = await client.WaitForCompletionAsync(submitted.Id, waitOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (MotionControlTaskFailedException)
        {
            // The task ended (failed or cancelled): the vendor needs the staged media no more. A wait that timed out or was
            // cancelled leaves them, since the task may still be running and fetch them.
            await DeleteStagedMediaAsync(client, submitted, cancellationToken).ConfigureAwait(false);
            throw;
        }

        await DeleteStagedMediaAsync(client, submitted, cancellationToken).ConfigureAwait(false);
        return finished with { StagedMedia = submitted.StagedMedia };
    }

    /// <summary>
    /// Deletes what the client's uploader stored for <paramref name="submitted"/>, when the uploader is an
    /// <see cref="IMediaCleanup"/>. A failed deletion does not fail the task's result: the result is what the caller paid
    /// for, and the staged object's URL expires anyway; the uploader reports its own failures (its logger).
    /// </summary>
    private static async Task DeleteStagedMediaAsync(IMotionControlClient client, MotionControlTask submitted, CancellationToken cancellationToken)
    {
        if (submitted.StagedMedia.Count == 0 || client.GetService(typeof(IMediaCleanup)) is not IMediaCleanup cleanup)
        {
            return;
        }

        foreach (var url in submitted.StagedMedia)
        {
            try
            {
                await cleanup.DeleteAsync(url, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Deliberately swallowed; see the summary.
            }
        }
    }

    /// <summary>
    /// Streams a task's result video into <paramref name="destination"/> with constant memory. The download uses the
    /// download client of the SDK client that ran it (under DI, the <c>MotionControl.download</c> client of
    /// <c>IHttpClientFactory</c>, with your handlers and proxy): no vendor credential is sent to the result's host.
    /// </summary>
    /// <param name="client">The client that ran the task (names the provider in errors).</param>
    /// <param name="task">A succeeded task.</param>
    /// <param name="destination">A writable stream; not disposed.</param>
    /// <param name="progress">Told the number of bytes written so far, as they arrive.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="InvalidOperationException">The task has no video (it has not succeeded).</exception>
    /// <exception cref="MotionControlException">The URL is not http(s), or the download failed or was cut short.</exception>
    public static Task<long> DownloadVideoAsync(this IMotionControlClient client, MotionControlTask task, Stream destination, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var video = FirstVideo(client, task);
        return WithDownloadClientAsync(client, (http, guard) => VideoDownloader.DownloadAsync(http, guard, video.Url, destination, progress, task.ProviderName, task.Id, cancellationToken));
    }

    /// <summary>
    /// Downloads a task's result video to a file: written to a temporary file in the same folder and moved into place
    /// only when complete, so <paramref name="path"/> never holds a partial video.
    /// </summary>
    /// <param name="client">The client that ran the task.</param>
    /// <param name="task">A succeeded task.</param>
    /// <param name="path">Where the video goes; an existing file is replaced when the download completes.</param>
    /// <param name="progress">Told the number of bytes written so far.</param>
    /// <param name="cancellationToken">Cancels the download (the temporary file is removed).</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="InvalidOperationException">The task has no video.</exception>
    /// <exception cref="MotionControlException">The URL is not http(s), or the download failed.</exception>
    public static Task<long> DownloadVideoAsync(this IMotionControlClient client, MotionControlTask task, string path, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var video = FirstVideo(client, task);
        return WithDownloadClientAsync(client, (http, guard) => VideoDownloader.DownloadToFileAsync(http, guard, video.Url, path, progress, task.ProviderName, task.Id, cancellationToken));
    }

    /// <summary>
    /// Runs a download on the SDK client's download client (the <c>MotionControl.download</c> client under DI); another
    /// <see cref="IMotionControlClient"/> (a test double) gets a plain client for this download only.
    /// </summary>
    private static async Task<long> WithDownloadClientAsync(IMotionControlClient client, Func<HttpClient, Http.RemoteMediaGuard, Task<long>> download)
    {
        if (client is MotionControlClient sdk)
        {
            return await download(sdk.DownloadHttpClient(), sdk.RemoteMediaGuard).ConfigureAwait(false);
        }

        using var http = new HttpClient(Http.VendorHttpClients.DownloadHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        return await download(http, Http.RemoteMediaGuard.Default).ConfigureAwait(false);
    }

    private static GeneratedVideo FirstVideo(IMotionControlClient client, MotionControlTask task)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(task);
        return task.Videos.Count > 0
            ? task.Videos[0]
            : throw new InvalidOperationException($"The {task.ProviderName} task {task.Id} has no video to download (it is {task.Status}).");
    }
}
