using System.Runtime.CompilerServices;
using MotionControl.Diagnostics;
using MotionControl.Http;
using MotionControl.Serialization;

namespace MotionControl.Providers.Vydra;

/// <summary>
/// Kling Motion Control through Vydra (<c>api/v1/models/kling</c>, then <c>api/v1/jobs</c>), behind the provider-neutral
/// <see cref="IMotionControlClient"/>. Vydra takes media by URL only (give an <see cref="Media.IMediaUploader"/> for local files),
/// requires a prompt, lets you keep or drop the original sound, reports progress in percent and can list jobs.
/// It has no mode, element, watermark, callback or custom id on this route. Cancel a job with <see cref="IVydraApi.CancelJobAsync"/>.
/// </summary>
/// <remarks>Thread-safe; create one per account and reuse it.</remarks>
public sealed class VydraClient : MotionControlClient
{
    /// <summary>The model name Vydra's route stands for (the route is fixed: no model is sent).</summary>
    public const string DefaultModel = "kling";

    private static readonly IReadOnlyDictionary<string, MotionControlTaskStatus> Statuses = VydraVendor.Descriptor.Statuses;

    /// <summary>A result longer than a day is no duration a vendor means (1e20 would overflow <see cref="TimeSpan"/>).</summary>
    private const double MaxDurationSeconds = 86_400;

    private readonly VydraEndpoints _api;

    /// <summary>Creates a client.</summary>
    /// <param name="options">The settings; <see cref="MotionControlClientOptions.ApiKey"/> is required. Copied: later changes have no effect.</param>
    /// <param name="httpClient">
    /// Your own <see cref="HttpClient"/>, or <see langword="null"/> for the SDK's own (disposed with this client). Requests go
    /// out through your client; the SDK sets the vendor address and the credentials on each request itself.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (the message names the setting, never a key).</exception>
    public VydraClient(VydraOptions options, HttpClient? httpClient = null)
        : this(options, VydraVendor.Descriptor.Connect(options, httpClient))
    {
    }

    /// <summary>For DI (and the public constructor): options already validated, and the vendor connection.</summary>
    internal VydraClient(VydraOptions options, VendorConnection<IVydraRoutes> connection)
        : base(VydraVendor.Descriptor, options, connection)
    {
        _api = new VydraEndpoints(Transport(connection));
    }

    /// <summary>Vydra's own endpoints, with its wire types: cancel a job, list jobs with Vydra's paging.</summary>
    public IVydraApi Api => _api;

    /// <inheritdoc />
    private protected override object VendorApi => _api;

    /// <inheritdoc />
    private protected override async Task<MotionControlTask> CreateTaskAsync(SubmissionContext submission, CancellationToken cancellationToken)
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

        var reply = await _api.CreateAsync(body, request.AdditionalProperties, submission.CreateJsonContent, cancellationToken).ConfigureAwait(false);
        var wire = reply.Value;
        var id = wire.JobId!;
        if (!VendorStatus.TryMap(wire.Status, Statuses, out var status))
        {
            ReportUnknownStatus(id, wire.Status);
        }

        return new MotionControlTask
        {
            Id = id,
            ProviderName = ProviderName,
            Status = status,
            VendorStatus = wire.Status,
            FailureReason = status is MotionControlTaskStatus.Failed or MotionControlTaskStatus.Canceled ? Redactor.Redact(wire.Message) : null,
            RawJson = reply.Raw,
        };
    }

    /// <inheritdoc />
    private protected override async Task<MotionControlTask> ReadTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        var reply = await _api.GetAsync(taskId, cancellationToken).ConfigureAwait(false);
        return ToTask(reply.Value, reply.Raw, taskId);
    }

    /// <inheritdoc />
    private protected override async IAsyncEnumerable<MotionControlTask> ListTasksCoreAsync(MotionControlListOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
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
                var task = ToTask(jobs[i], LazyJson.Part(reply.Raw, items, i), null);
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

    private MotionControlTask ToTask(VydraJob wire, LazyJson? raw, string? knownId)
    {
        var id = wire.Id ?? knownId ?? throw new MotionControlProtocolException("A Vydra job in the list carries no id.") { ProviderName = ProviderName };
        if (!VendorStatus.TryMap(wire.Status, Statuses, out var status))
        {
            ReportUnknownStatus(id, wire.Status);
        }

        var video = status == MotionControlTaskStatus.Succeeded ? wire.VideoUrl : null;
        return new MotionControlTask
        {
            Id = id,
            ProviderName = ProviderName,
            Status = status,
            VendorStatus = wire.Status,
            FailureReason = status is MotionControlTaskStatus.Failed or MotionControlTaskStatus.Canceled ? Redactor.Redact(wire.Error ?? "Vydra gave no reason.") : null,
            Videos = video is null ? [] : [new GeneratedVideo { Url = video, Duration = wire.Output?.DurationSeconds is { } seconds && seconds is > 0 and < MaxDurationSeconds ? TimeSpan.FromSeconds(seconds) : null }],
            Progress = wire.Progress is { } progress && double.IsFinite(progress) ? (int)Math.Clamp(Math.Round(progress), 0, 100) : null,
            CreatedAt = wire.CreatedAt,
            UpdatedAt = wire.CompletedAt ?? wire.UpdatedAt,
            RawJson = raw,
        };
    }
}
