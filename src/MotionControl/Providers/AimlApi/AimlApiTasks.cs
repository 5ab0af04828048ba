using System.Runtime.CompilerServices;

namespace MotionControl.Providers.AimlApi;

/// <summary>AIMLAPI's neutral mapping: the request to its create body, and its replies to neutral tasks.</summary>
internal sealed class AimlApiTasks(AimlApiEndpoints api, VendorTaskContext context) : IVendorTasks
{
    private static readonly IReadOnlyDictionary<string, MotionControlTaskStatus> Statuses = AimlApiVendor.Descriptor.Statuses;

    /// <inheritdoc />
    public object Api => api;

    /// <inheritdoc />
    public Task<MotionControlBalance> GetBalanceAsync(CancellationToken cancellationToken) =>
        api.GetBalanceAsync(cancellationToken).AsTask();

    /// <inheritdoc />
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<MotionControlTask> SubmitAsync(SubmissionContext submission, CancellationToken cancellationToken)
    {
        var request = submission.Request;
        var body = new AimlApiVideoGenerationRequest
        {
            Model = submission.Model,
            ImageUrl = submission.ImageValue,
            VideoUrl = submission.VideoValue,
            Prompt = request.Prompt,

            // Always sent: AIMLAPI's default (image) differs from the SDK's (video).
            CharacterOrientation = submission.OrientationWire,
            KeepAudio = request.KeepOriginalSound,

            // Only the v3 model has a mode; validation refuses Mode on the others.
            Mode = request.Mode switch
            {
                GenerationMode.Standard => "std",
                GenerationMode.Pro => "pro",
                _ => null,
            },
        };

        var reply = await api.CreateAsync(body, request.AdditionalProperties, submission.CreateJsonContent, cancellationToken).ConfigureAwait(false);
        return ToTask(reply, reply.Value.Id!);
    }

    /// <inheritdoc />
    public async Task<MotionControlTask> ReadTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        var reply = await api.GetAsync(taskId, cancellationToken).ConfigureAwait(false);
        return ToTask(reply, string.IsNullOrWhiteSpace(reply.Value.Id) ? taskId : reply.Value.Id);
    }

    private MotionControlTask ToTask(WireReply<AimlApiVideoGeneration> reply, string id)
    {
        var wire = reply.Value;
        if (!VendorStatus.TryMap(wire.Status, Statuses, out var status))
        {
            context.ReportUnknownStatus(id, wire.Status);
        }

        var video = status == MotionControlTaskStatus.Succeeded && Uri.TryCreate(wire.Video?.Url, UriKind.Absolute, out var url) ? url : null;
        return new MotionControlTask
        {
            Id = id,
            ProviderName = context.ProviderName,
            Status = status,
            VendorStatus = wire.Status,
            FailureReason = status == MotionControlTaskStatus.Failed ? context.Redactor.Redact(wire.Error?.Message ?? wire.Error?.Name ?? "AIMLAPI gave no reason.") : null,
            Videos = video is null ? [] : [new GeneratedVideo { Url = video }],
            // Dollars where AIMLAPI says them (the v3 schema), else its credits.
            Charge = VendorCharges.FromNumber(wire.Meta?.Usage?.UsdSpent, MotionControlCharge.Usd, "meta.usage.usd_spent")
                ?? VendorCharges.FromNumber(wire.Meta?.Usage?.CreditsUsed, MotionControlCharge.Credits, "meta.usage.credits_used"),
            RawJson = reply.Raw,
        };
    }
}
