using System.Net;
using System.Runtime.CompilerServices;

namespace MotionControl.Providers.Replicate;

/// <summary>Replicate's neutral mapping: the request to a prediction's create body, and predictions to neutral tasks.</summary>
internal sealed class ReplicateTasks(ReplicateEndpoints api, VendorTaskContext context) : IVendorTasks
{
    /// <summary>
    /// The webhook events a callback asks for: <c>completed</c> only (a terminal state: succeeded, failed or canceled), so a
    /// receiver is called once per task with its outcome, not on every log line.
    /// </summary>
    internal static readonly IReadOnlyList<string> CallbackEvents = ["completed"];

    /// <summary>How long Replicate keeps a prediction's output after it ended: "automatically removed after an hour" (https://replicate.com/docs/reference/http, "predictions.get").</summary>
    private static readonly TimeSpan OutputLifetime = TimeSpan.FromHours(1);

    private static readonly IReadOnlyDictionary<string, MotionControlTaskStatus> Statuses = ReplicateVendor.Descriptor.Statuses;

    /// <inheritdoc />
    public object Api => api;

    /// <inheritdoc />
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<MotionControlTask> SubmitAsync(SubmissionContext submission, CancellationToken cancellationToken)
    {
        var request = submission.Request;
        var body = new ReplicatePredictionRequest
        {
            Input = new ReplicateMotionControlInput
            {
                Image = submission.ImageValue,
                Video = submission.VideoValue,
                Prompt = request.Prompt,
                Mode = request.Mode switch
                {
                    GenerationMode.Standard => "std",
                    GenerationMode.Pro => "pro",
                    _ => null,
                },
                KeepOriginalSound = request.KeepOriginalSound,

                // Always sent: Replicate's default is image, the SDK's is video.
                CharacterOrientation = submission.OrientationWire,
            },
            Webhook = request.CallbackUrl?.AbsoluteUri,
            WebhookEventsFilter = request.CallbackUrl is null ? null : CallbackEvents,
        };

        var reply = await api.CreateAsync(submission.Model, body, request.AdditionalProperties, submission.CreateJsonContent, cancellationToken).ConfigureAwait(false);
        return ToTask(reply.Value, reply.Raw, null);
    }

    /// <inheritdoc />
    public async Task<MotionControlTask> ReadTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        var reply = await api.GetAsync(taskId, requireVideo: true, cancellationToken).ConfigureAwait(false);
        return ToTask(reply.Value, reply.Raw, taskId);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Replicate's cancel answers with the prediction; one that has already ended comes back as it ended. Should Replicate
    /// refuse the cancel of an ended prediction with a 4xx instead [inferred: the reference documents no such reply], the
    /// prediction is read and returned as it ended.
    /// </remarks>
    public async Task<MotionControlTask> CancelAsync(string taskId, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await api.CancelAsync(taskId, requireVideo: true, cancellationToken).ConfigureAwait(false);
            return ToTask(reply.Value, reply.Raw, taskId);
        }
        catch (MotionControlRequestRejectedException ex) when (ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity)
        {
            return await ReadTaskAsync(taskId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public bool ReadsCallbacks => true;

    /// <inheritdoc />
    /// <remarks>Replicate's webhook body is the prediction object, as a read returns it (https://replicate.com/docs/topics/webhooks).</remarks>
    public MotionControlTask ParseCallback(ReadOnlySpan<byte> body)
    {
        var json = body.ToArray();
        ReplicatePrediction? wire;
        try
        {
            wire = System.Text.Json.JsonSerializer.Deserialize(json, ReplicateJsonContext.Default.ReplicatePrediction);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new MotionControlProtocolException("The replicate callback body cannot be read: it is not valid JSON of a prediction.", ex) { ProviderName = context.ProviderName };
        }

        return wire is { Id: { Length: > 0 } }
            ? ToTask(wire, new MotionControl.Serialization.LazyJson(json), null)
            : throw new MotionControlProtocolException("The replicate callback body cannot be read: it carries no prediction id.") { ProviderName = context.ProviderName };
    }

    private MotionControlTask ToTask(ReplicatePrediction wire, MotionControl.Serialization.LazyJson raw, string? knownId)
    {
        var id = wire.Id ?? knownId ?? throw new MotionControlProtocolException("A Replicate prediction carries no id.") { ProviderName = context.ProviderName };
        if (!VendorStatus.TryMap(wire.Status, Statuses, out var status))
        {
            context.ReportUnknownStatus(id, wire.Status);
        }

        var expires = wire.CompletedAt is { } completed ? completed + OutputLifetime : (DateTimeOffset?)null;
        return new MotionControlTask
        {
            Id = id,
            ProviderName = context.ProviderName,
            Status = status,
            VendorStatus = wire.Status,
            FailureReason = status switch
            {
                MotionControlTaskStatus.Failed => context.Redactor.Redact(wire.Error ?? "Replicate gave no reason."),
                MotionControlTaskStatus.Canceled => context.Redactor.Redact(wire.Error ?? (string.Equals(wire.Status, "aborted", StringComparison.OrdinalIgnoreCase)
                    ? "Replicate aborted the prediction: its Cancel-After deadline passed before it started."
                    : "The prediction was canceled.")),
                _ => null,
            },
            Videos = status == MotionControlTaskStatus.Succeeded ? [.. wire.OutputUrls.Select(url => new GeneratedVideo { Url = url, ExpiresAt = expires })] : [],
            CreatedAt = wire.CreatedAt,
            UpdatedAt = wire.CompletedAt ?? wire.StartedAt ?? wire.CreatedAt,

            // Replicate reports predict_time (seconds of compute), not money: no charge.
            Charge = null,
            RawJson = raw,
        };
    }
}
