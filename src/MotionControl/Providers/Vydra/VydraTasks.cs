using System.Runtime.CompilerServices;
using MotionControl.Http;
using MotionControl.Serialization;

namespace MotionControl.Providers.Vydra;

/// <summary>Vydra's neutral mapping: the request to Vydra's create body, and Vydra's replies to neutral tasks.</summary>
internal sealed class VydraTasks : IVendorTasks
{
    private static readonly IReadOnlyDictionary<string, MotionControlTaskStatus> Statuses = VydraVendor.Descriptor.Statuses;

    /// <summary>A result longer than a day is no duration a vendor means (1e20 would overflow <see cref="TimeSpan"/>).</summary>
    private const double MaxDurationSeconds = 86_400;

    private readonly VydraEndpoints _api;
    private readonly VendorTaskContext _context;

    // The neutral readers, made once: each maps the reply to the task inside the call, so a read needs no state machine of its own.
    private readonly Func<VendorReply, MotionControlTask> _readCreated;
    private readonly Func<VendorReply, MotionControlTask> _readJob;

    public VydraTasks(VydraEndpoints api, VendorTaskContext context)
    {
        _api = api;
        _context = context;
        _readCreated = reply => ToTask(VydraEndpoints.ReadCreatedForTask(reply));
        _readJob = reply => ToTask(VydraEndpoints.ReadJobForTask(reply), reply.Context.TaskId);
    }

    /// <inheritdoc />
    public object Api => _api;

    /// <inheritdoc />
    public ValueTask<MotionControlTask> SubmitAsync(SubmissionContext submission, CancellationToken cancellationToken)
    {
        var request = submission.Request;
        var body = new VydraMotionControlRequest
        {
            ImageUrl = submission.ImageValue,
            VideoUrl = submission.VideoValue,

            // Validation has already refused a request without one (RequiresPrompt).
            Prompt = request.Prompt ?? string.Empty,
            CharacterOrientation = submission.OrientationWire,
            KeepOriginalSound = request.KeepOriginalSound,
        };

        return _api.CreateAsync(body, request.AdditionalProperties, submission.CreateJsonContent, _readCreated, cancellationToken);
    }

    /// <inheritdoc />
    public Task<MotionControlBalance> GetBalanceAsync(CancellationToken cancellationToken) =>
        _api.GetBalanceAsync(cancellationToken).AsTask();

    /// <inheritdoc />
    public Task<MotionControlTask> ReadTaskAsync(string taskId, CancellationToken cancellationToken) =>
        _api.GetAsync(taskId, _readJob, cancellationToken).AsTask();

    /// <inheritdoc />
    /// <remarks>
    /// Vydra answers a job that has already ended with HTTP 409 [inferred: the jobs page documents the route, not this
    /// reply]; the job is then read and returned as it ended. A reply without a body is followed by a read.
    /// </remarks>
    public async Task<MotionControlTask> CancelAsync(string taskId, CancellationToken cancellationToken)
    {
        WireReply<VydraJob>? reply;
        try
        {
            reply = await _api.CancelAsync(taskId, cancellationToken).ConfigureAwait(false);
        }
        catch (MotionControlException ex) when (ex.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            reply = null;
        }

        return reply is { } cancelled ? ToTask(new(VydraJobRead.Of(cancelled.Value), cancelled.Raw), taskId) : await ReadTaskAsync(taskId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<MotionControlTask> ListTasksAsync(MotionControlListOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pageSize = Math.Min(options.PageSize ?? VydraEndpoints.DefaultPageSize, VydraEndpoints.MaxPageSize);

        // Vydra filters on pending, running, completed and failed; anything else (and every word Vydra's filter may
        // not cover, such as "processing" under running) is also checked here.
        var statusFilter = options.Status switch
        {
            MotionControlTaskStatus.Queued => "pending",
            MotionControlTaskStatus.Processing => "running",
            MotionControlTaskStatus.Succeeded => "completed",
            MotionControlTaskStatus.Failed => "failed",
            _ => null,
        };

        var returned = 0;
        for (var offset = 0; options.MaxItems is not { } max || returned < max; offset += pageSize)
        {
            var reply = await _api.ListAsync(pageSize, offset, statusFilter, cancellationToken).ConfigureAwait(false);
            var page = reply.Value;
            var jobs = page.Data;
            var items = page.DataPropertyName;
            for (var i = 0; i < jobs.Count; i++)
            {
                var task = ToTask(new(VydraJobRead.Of(jobs[i]), LazyJson.Part(reply.Raw, items, i)), null);
                if (options.Status is { } wanted && task.Status != wanted)
                {
                    continue;
                }

                yield return task;
                if (++returned == options.MaxItems)
                {
                    yield break;
                }
            }

            // The page says whether more follow (hasMore, else total); without paging facts, a short page is the last one.
            var hasMore = page.HasMore ?? (page.Total is { } total ? offset + jobs.Count < total : null);
            if (jobs.Count == 0 || !(hasMore ?? jobs.Count >= pageSize))
            {
                yield break;
            }
        }
    }

    private MotionControlTask ToTask(WireReply<VydraCreatedRead> reply)
    {
        var wire = reply.Value;
        var id = wire.JobId;
        if (!VendorStatus.TryMap(wire.Status, Statuses, out var status))
        {
            _context.ReportUnknownStatus(id, wire.Status);
        }

        return new MotionControlTask
        {
            Id = id,
            ProviderName = _context.ProviderName,
            Status = status,
            VendorStatus = wire.Status,
            FailureReason = status is MotionControlTaskStatus.Failed or MotionControlTaskStatus.Canceled ? _context.Redactor.Redact(wire.Message) : null,
            Charge = VendorCharges.FromNumber(wire.CreditsCharged, MotionControlCharge.Credits, "creditsCharged"),
            RawJson = reply.Raw,
        };
    }

    private MotionControlTask ToTask(WireReply<VydraJobRead> reply, string? knownId)
    {
        var (wire, raw) = reply;
        var id = wire.Id ?? knownId ?? throw new MotionControlProtocolException("A Vydra job in the list carries no id.") { ProviderName = _context.ProviderName };
        if (!VendorStatus.TryMap(wire.Status, Statuses, out var status))
        {
            _context.ReportUnknownStatus(id, wire.Status);
        }

        var video = status == MotionControlTaskStatus.Succeeded ? wire.VideoUrl : null;
        return new MotionControlTask
        {
            Id = id,
            ProviderName = _context.ProviderName,
            Status = status,
            VendorStatus = wire.Status,
            FailureReason = status is MotionControlTaskStatus.Failed or MotionControlTaskStatus.Canceled ? _context.Redactor.Redact(wire.Error ?? "Vydra gave no reason.") : null,
            Videos = video is null ? [] : [new GeneratedVideo { Url = video, Duration = wire.DurationSeconds is { } seconds && seconds is > 0 and < MaxDurationSeconds ? TimeSpan.FromSeconds(seconds) : null }],
            Progress = wire.Progress is { } progress && double.IsFinite(progress) ? (int)Math.Clamp(Math.Round(progress), 0, 100) : null,
            CreatedAt = wire.CreatedAt,
            UpdatedAt = wire.CompletedAt ?? wire.UpdatedAt,
            Charge = VendorCharges.FromNumber(wire.CreditsCharged, MotionControlCharge.Credits, "creditsCharged"),
            RawJson = raw,
        };
    }
}
