using System.Runtime.CompilerServices;

namespace MotionControl.Providers.ModelsLab;

/// <summary>ModelsLab's neutral mapping: the request to ModelsLab's create body, and ModelsLab's replies to neutral tasks.</summary>
internal sealed class ModelsLabTasks(ModelsLabEndpoints api, VendorTaskContext context) : IVendorTasks
{
    private static readonly IReadOnlyDictionary<string, MotionControlTaskStatus> Statuses = ModelsLabVendor.Descriptor.Statuses;

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
        var body = new ModelsLabMotionControlRequest
        {
            ModelId = submission.Model,
            InitImage = submission.ImageValue,
            InitVideo = submission.VideoValue,

            // Validation has already refused a request without one (RequiresPrompt).
            Prompt = request.Prompt ?? string.Empty,
            CharacterOrientation = submission.OrientationWire,
            Mode = request.Mode switch
            {
                GenerationMode.Standard => "std",
                GenerationMode.Pro => "pro",
                _ => null,
            },
            Webhook = request.CallbackUrl?.AbsoluteUri,
        };

        var reply = await api.CreateAsync(body, request.AdditionalProperties, submission.CreateJsonContent, cancellationToken).ConfigureAwait(false);
        return ToTask(reply, reply.Value.Id!);
    }

    /// <inheritdoc />
    public async Task<MotionControlTask> ReadTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        var reply = await api.FetchAsync(taskId, cancellationToken).ConfigureAwait(false);
        return ToTask(reply, reply.Value.Id ?? taskId);
    }

    /// <inheritdoc />
    public bool ReadsCallbacks => true;

    /// <inheritdoc />
    /// <remarks>ModelsLab POSTs the same object as its fetch reply to the <c>webhook</c> URL, unsigned.</remarks>
    public MotionControlTask ParseCallback(ReadOnlySpan<byte> body)
    {
        var json = body.ToArray();
        ModelsLabVideoResponse? wire;
        try
        {
            wire = System.Text.Json.JsonSerializer.Deserialize(json, ModelsLabJsonContext.Default.ModelsLabVideoResponse);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new MotionControlProtocolException("The modelslab callback body cannot be read: it is not valid JSON of a ModelsLab task.", ex) { ProviderName = context.ProviderName };
        }

        return wire is { Id: { Length: > 0 } id }
            ? ToTask(new WireReply<ModelsLabVideoResponse>(wire, new MotionControl.Serialization.LazyJson(json)), id)
            : throw new MotionControlProtocolException("The modelslab callback body cannot be read: it carries no task id.") { ProviderName = context.ProviderName };
    }

    private MotionControlTask ToTask(WireReply<ModelsLabVideoResponse> reply, string id)
    {
        var wire = reply.Value;
        if (!VendorStatus.TryMap(wire.Status, Statuses, out var status))
        {
            context.ReportUnknownStatus(id, wire.Status);
        }

        var terminal = status is MotionControlTaskStatus.Succeeded or MotionControlTaskStatus.Failed;
        var video = status == MotionControlTaskStatus.Succeeded ? wire.VideoUrl : null;
        return new MotionControlTask
        {
            Id = id,
            ProviderName = context.ProviderName,
            Status = status,
            VendorStatus = wire.Status,
            FailureReason = status == MotionControlTaskStatus.Failed ? context.Redactor.Redact(wire.Message ?? wire.Tip ?? "ModelsLab gave no reason.") : null,
            Videos = video is null ? [] : [new GeneratedVideo { Url = video }],
            EstimatedCompletion = !terminal && wire.Eta is > 0 and < 86_400 ? context.TimeProvider.GetUtcNow().AddSeconds(wire.Eta.Value) : null,
            RawJson = reply.Raw,
        };
    }
}
