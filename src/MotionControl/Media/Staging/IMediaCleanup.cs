namespace MotionControl.Media;

/// <summary>
/// Implemented by an <see cref="IMediaUploader"/> that can remove what it stored: the SDK calls <see cref="DeleteAsync"/>
/// for each of a task's <see cref="MotionControlTask.StagedMedia"/> once the task has ended (succeeded, failed or was
/// cancelled), so staged copies of local files do not outlive the job. <c>GenerateAsync</c> does this; code that submits
/// and waits by itself calls it the same way, and a durable job worker calls it when a job's task ends.
/// </summary>
public interface IMediaCleanup
{
    /// <summary>Deletes one object this uploader stored. An object already gone is not an error.</summary>
    /// <param name="url">The object's URL as listed in <see cref="MotionControlTask.StagedMedia"/> (without any query).</param>
    /// <param name="cancellationToken">Cancels the deletion.</param>
    /// <returns>A task that completes when the object is gone.</returns>
    ValueTask DeleteAsync(Uri url, CancellationToken cancellationToken = default);
}
