using System.Runtime.CompilerServices;
using MotionControl.Media;
using MotionControl.Serialization;

namespace MotionControl.Providers.Fal;

/// <summary>
/// fal's neutral mapping: the request to the endpoint of its model and tier, and fal's queue status (then, once
/// <c>COMPLETED</c>, its result) to neutral tasks.
/// </summary>
internal sealed class FalTasks(FalEndpoints api, VendorTaskContext context, IMediaUploader uploader) : IVendorTasks
{
    private const string Completed = "COMPLETED";

    private static readonly IReadOnlyDictionary<string, MotionControlTaskStatus> Statuses = FalVendor.Descriptor.Statuses;

    /// <inheritdoc />
    public object Api => api;

    /// <inheritdoc />
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<MotionControlTask> SubmitAsync(SubmissionContext submission, CancellationToken cancellationToken)
    {
        var request = submission.Request;

        // The model and tier are the path: a model fal does not sell here cannot be sent (and is never swapped for another).
        var endpoint = FalModels.EndpointFor(submission.Model, request.Mode)
            ?? throw new NotSupportedException($"fal has no Kling Motion Control endpoint for the model '{submission.Model}'; use {FalClient.DefaultModel} or {FalClient.KlingV3Model}. Nothing was sent.");
        var input = new FalMotionControlInput
        {
            ImageUrl = submission.ImageValue,
            VideoUrl = submission.VideoValue,

            // Required by fal: always sent.
            CharacterOrientation = submission.OrientationWire,
            KeepOriginalSound = request.KeepOriginalSound,
            Prompt = request.Prompt,
            Elements = request.Element is { IsFromImages: true } element ? [await ElementAsync(element, cancellationToken).ConfigureAwait(false)] : null,
        };

        var reply = await api.SubmitAsync(endpoint, input, request.CallbackUrl, request.AdditionalProperties, submission.CreateJsonContent, cancellationToken).ConfigureAwait(false);
        var wire = reply.Value;
        var status = wire.Status is null ? MotionControlTaskStatus.Queued : Map(wire.RequestId!, wire.Status);
        return new MotionControlTask
        {
            Id = wire.RequestId!,
            ProviderName = context.ProviderName,
            Status = status == MotionControlTaskStatus.Succeeded ? MotionControlTaskStatus.Processing : status,
            VendorStatus = wire.Status,
            QueuePosition = wire.QueuePosition is >= 0 ? wire.QueuePosition : null,
            RawJson = reply.Raw,
        };
    }

    /// <inheritdoc />
    public async Task<MotionControlTask> ReadTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        var reply = await api.GetStatusAsync(taskId, logs: false, pooledReply: false, cancellationToken).ConfigureAwait(false);
        var wire = reply.Value;
        var status = Map(taskId, wire.Status);
        if (status != MotionControlTaskStatus.Succeeded)
        {
            return Task(taskId, status, wire, reply.Raw, failure: status is MotionControlTaskStatus.Failed or MotionControlTaskStatus.Canceled ? wire.Error ?? "fal gave no reason." : null);
        }

        // COMPLETED: the request ended, but only its result says whether with a video. A status naming an error already
        // says how it ended [inferred].
        if (wire.Error is { } said)
        {
            return Task(taskId, IsCancellation(said, wire.ErrorType) ? MotionControlTaskStatus.Canceled : MotionControlTaskStatus.Failed, wire, reply.Raw, said);
        }

        var outcome = await api.GetOutcomeAsync(taskId, cancellationToken).ConfigureAwait(false);
        if (outcome.Error is { } reason)
        {
            // [inferred] fal answers a cancelled request's result with an error naming the cancellation.
            return Task(taskId, IsCancellation(reason, null) ? MotionControlTaskStatus.Canceled : MotionControlTaskStatus.Failed, wire, outcome.Raw ?? reply.Raw, reason);
        }

        var file = outcome.Result?.Video;
        if (file?.Url is not { } url)
        {
            return Task(taskId, MotionControlTaskStatus.Failed, wire, outcome.Raw, "fal completed the request without a video.");
        }

        return Task(taskId, MotionControlTaskStatus.Succeeded, wire, outcome.Raw, null) with
        {
            Videos = [new GeneratedVideo { Url = url }],
        };
    }

    /// <inheritdoc />
    /// <remarks>
    /// fal cancels a request that has not started (HTTP 202 <c>CANCELLATION_REQUESTED</c>): the task is then read, and one
    /// still shown in the queue is returned as <see cref="MotionControlTaskStatus.Canceled"/> (fal removed it). A request
    /// that started is refused (HTTP 400 <c>ALREADY_COMPLETED</c>): it is read and returned as it stands, running or ended.
    /// </remarks>
    public async Task<MotionControlTask> CancelAsync(string taskId, CancellationToken cancellationToken)
    {
        var reply = await api.CancelAsync(taskId, pooledReply: false, cancellationToken).ConfigureAwait(false);
        var task = await ReadTaskAsync(taskId, cancellationToken).ConfigureAwait(false);
        var accepted = !string.Equals(reply.Value.Status, FalCancelResponse.AlreadyCompleted, StringComparison.OrdinalIgnoreCase);
        return accepted && task.Status == MotionControlTaskStatus.Queued
            ? task with
            {
                Status = MotionControlTaskStatus.Canceled,
                VendorStatus = reply.Value.Status ?? FalCancelResponse.CancellationRequested,
                QueuePosition = null,
                FailureReason = "Cancelled before it started (fal removed it from the queue).",
                RawJson = reply.Raw,
            }
            : task;
    }

    /// <inheritdoc />
    public bool ReadsCallbacks => true;

    /// <inheritdoc />
    /// <remarks>
    /// fal's webhook body (https://docs.fal.ai/model-apis/model-endpoints/webhooks): <c>OK</c> with the result's video →
    /// Succeeded; <c>OK</c> whose payload could not be serialized (<c>payload_error</c>) → Succeeded without a video (the
    /// vendor's read, which confirms every fal callback, gives it); <c>ERROR</c> → Failed with fal's message and detail, or
    /// Canceled when they name a cancellation [inferred]. fal signs its webhooks with ED25519 keys the SDK does not check:
    /// a receiver confirms each one by reading the request.
    /// </remarks>
    public MotionControlTask ParseCallback(ReadOnlySpan<byte> body)
    {
        var json = body.ToArray();
        FalWebhook? wire;
        try
        {
            wire = System.Text.Json.JsonSerializer.Deserialize(json, FalJsonContext.Default.FalWebhook);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new MotionControlProtocolException("The fal callback body cannot be read: it is not valid JSON of a fal webhook.", ex) { ProviderName = context.ProviderName };
        }

        if (wire is not { RequestId: { Length: > 0 } id })
        {
            throw new MotionControlProtocolException("The fal callback body cannot be read: it carries no request_id.") { ProviderName = context.ProviderName };
        }

        var ok = string.Equals(wire.Status, "OK", StringComparison.OrdinalIgnoreCase);
        if (!ok && !string.Equals(wire.Status, "ERROR", StringComparison.OrdinalIgnoreCase))
        {
            throw new MotionControlProtocolException("The fal callback body cannot be read: its status is neither OK nor ERROR.") { ProviderName = context.ProviderName };
        }

        var raw = new LazyJson(json);
        if (ok && wire.Payload?.Video?.Url is { } url)
        {
            return Callback(id, MotionControlTaskStatus.Succeeded, wire, raw, null) with { Videos = [new GeneratedVideo { Url = url }] };
        }

        if (ok)
        {
            return wire.PayloadError is not null
                ? Callback(id, MotionControlTaskStatus.Succeeded, wire, raw, null)
                : Callback(id, MotionControlTaskStatus.Failed, wire, raw, "fal completed the request without a video.");
        }

        var reason = (wire.Error, wire.Payload?.Detail) switch
        {
            ({ } error, { } detail) when !string.Equals(error, detail, StringComparison.Ordinal) => error + ": " + detail,
            ({ } error, _) => error,
            (null, { } detail) => detail,
            _ => "fal gave no reason.",
        };
        return Callback(id, IsCancellation(reason, null) ? MotionControlTaskStatus.Canceled : MotionControlTaskStatus.Failed, wire, raw, reason);
    }

    /// <inheritdoc />
    public Task<MotionControlBalance> GetBalanceAsync(CancellationToken cancellationToken) => api.GetBalanceAsync(cancellationToken);

    private static bool IsCancellation(string reason, string? type) =>
        reason.Contains("cancel", StringComparison.OrdinalIgnoreCase) || (type?.Contains("cancel", StringComparison.OrdinalIgnoreCase) ?? false);

    private MotionControlTaskStatus Map(string id, string? word)
    {
        if (!VendorStatus.TryMap(word, Statuses, out var status))
        {
            context.ReportUnknownStatus(id, word);
        }

        return status;
    }

    private MotionControlTask Task(string id, MotionControlTaskStatus status, FalQueueStatus wire, LazyJson? raw, string? failure) => new()
    {
        Id = id,
        ProviderName = context.ProviderName,
        Status = status,
        VendorStatus = wire.Status,
        QueuePosition = status == MotionControlTaskStatus.Queued && wire.QueuePosition is >= 0 ? wire.QueuePosition : null,
        FailureReason = failure is null ? null : context.Redactor.Redact(failure),
        RawJson = raw,
    };

    private MotionControlTask Callback(string id, MotionControlTaskStatus status, FalWebhook wire, LazyJson raw, string? failure) => new()
    {
        Id = id,
        ProviderName = context.ProviderName,
        Status = status,
        VendorStatus = wire.Status,
        FailureReason = failure is null ? null : context.Redactor.Redact(failure),
        RawJson = raw,
    };

    /// <summary>The element's pictures as fal wants them: URLs (local pictures are uploaded like the character image).</summary>
    private async Task<FalElementInput> ElementAsync(MotionControlElement element, CancellationToken cancellationToken)
    {
        var preparer = new MediaPreparer(uploader);
        try
        {
            var frontal = await preparer.PrepareAsync(element.FrontalImage!, "Element", MediaTransport.Url, cancellationToken).ConfigureAwait(false);
            var references = new List<string>(element.ReferenceImages.Count);
            foreach (var reference in element.ReferenceImages)
            {
                references.Add(await preparer.PrepareAsync(reference, "Element", MediaTransport.Url, cancellationToken).ConfigureAwait(false));
            }

            return new FalElementInput { FrontalImageUrl = frontal, ReferenceImageUrls = references.Count == 0 ? null : references };
        }
        finally
        {
            preparer.ReleaseTemporaryFiles();
        }
    }
}
