using System.Runtime.CompilerServices;
using System.Text.Json;
using MotionControl.Diagnostics;
using MotionControl.Http;
using MotionControl.Media;
using MotionControl.Serialization;

namespace MotionControl.Providers.Vydra;

/// <summary>
/// Kling Motion Control through Vydra (<c>api/v1/models/kling</c>, then <c>api/v1/jobs</c>), behind the provider-neutral
/// <see cref="IMotionControlClient"/>. Vydra takes media by URL only (give an <see cref="IMediaUploader"/> for local files),
/// requires a prompt, lets you keep or drop the original sound, reports progress in percent and can list jobs.
/// It has no mode, element, watermark, callback or custom id on this route. Cancel a job with <see cref="IVydraApi.CancelJobAsync"/>.
/// </summary>
/// <remarks>Thread-safe; create one per account and reuse it.</remarks>
public sealed class VydraClient : MotionControlClient
{
    /// <summary>The model name Vydra's route stands for (the route is fixed: no model is sent).</summary>
    public const string DefaultModel = "kling";

    private static readonly Dictionary<string, MotionControlTaskStatus> Statuses = VendorStatus.Map(
        ("pending", MotionControlTaskStatus.Queued),
        ("running", MotionControlTaskStatus.Processing),
        ("processing", MotionControlTaskStatus.Processing),
        ("completed", MotionControlTaskStatus.Succeeded),
        ("failed", MotionControlTaskStatus.Failed),
        ("error", MotionControlTaskStatus.Failed),
        ("cancelled", MotionControlTaskStatus.Canceled),
        ("canceled", MotionControlTaskStatus.Canceled));

    private static readonly MotionControlCapabilities VydraCapabilities = new()
    {
        ProviderName = MotionControlProviders.Vydra,
        DisplayName = "Vydra",
        DefaultModel = DefaultModel,
        Models = [DefaultModel],
        ImageTransports = MediaTransport.Url,
        VideoTransports = MediaTransport.Url,
        RequiresPrompt = true,
        SupportsModelChoice = false,
        SupportsKeepOriginalSound = true,
        SupportsList = true,
        ReportsProgress = true,
        VendorDefaultOrientation = CharacterOrientation.Video,
    };

    private readonly VydraApi _api;

    /// <summary>Creates a client.</summary>
    /// <param name="options">The settings; <see cref="MotionControlClientOptions.ApiKey"/> is required. Copied: later changes have no effect.</param>
    /// <param name="httpClient">Your own <see cref="HttpClient"/>, or <see langword="null"/> for the SDK's own (disposed with this client).</param>
    /// <exception cref="ArgumentException">The options are invalid (the message names the setting, never a key).</exception>
    public VydraClient(VydraOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, httpClientAuthenticates: false)
    {
    }

    /// <summary>Creates a client on an <see cref="HttpClient"/> that may already carry the authentication handler (dependency injection).</summary>
    internal VydraClient(VydraOptions options, HttpClient? httpClient, bool httpClientAuthenticates)
        : base(MotionControlProviders.Vydra, CredentialCheck.ThrowIfMissing(options, MotionControlProviders.Vydra), CreateAuthenticator(options), CreateRedactor(options), httpClient, httpClientAuthenticates)
    {
        _api = new VydraApi(Transport);
    }

    /// <summary>Creates a client whose HTTP clients come from a source that authenticates them (IHttpClientFactory under dependency injection).</summary>
    internal VydraClient(VydraOptions options, IRequestAuthenticator authenticator, Func<HttpClient> httpClientSource)
        : base(MotionControlProviders.Vydra, CredentialCheck.ThrowIfMissing(options, MotionControlProviders.Vydra), authenticator, CreateRedactor(options), httpClientSource, httpClientAuthenticates: true)
    {
        _api = new VydraApi(Transport);
    }

    /// <inheritdoc />
    public override MotionControlCapabilities Capabilities => VydraCapabilities;

    /// <summary>Vydra's own endpoints, with its wire types: cancel a job, list jobs with Vydra's paging.</summary>
    public IVydraApi Api => _api;

    /// <summary>The bearer-key authenticator of these options.</summary>
    internal static IRequestAuthenticator CreateAuthenticator(VydraOptions options) =>
        new BearerKeyAuthenticator(CredentialCheck.ThrowIfMissing(options, MotionControlProviders.Vydra).ApiKey!);

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
        var id = wire.ResolveId()!;
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
        var pageSize = Math.Min(options.PageSize ?? VydraApi.DefaultPageSize, VydraApi.MaxPageSize);

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
            var jobs = reply.Value.ResolveJobs();
            var raws = RawItems(reply.Raw.Element);
            for (var i = 0; i < jobs.Count; i++)
            {
                var task = ToTask(jobs[i], i < raws.Count ? LazyJson.FromElement(raws[i]) : null, null);
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

            // Without paging facts, a short page is the last one.
            if (jobs.Count == 0 || !(reply.Value.ResolveHasMore(offset, jobs.Count) ?? jobs.Count >= pageSize))
            {
                yield break;
            }
        }
    }

    private static SecretRedactor CreateRedactor(VydraOptions options) => new(options.ApiKey);

    private static List<JsonElement> RawItems(JsonElement page)
    {
        foreach (var name in (ReadOnlySpan<string>)["data", "jobs"])
        {
            if (page.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array)
            {
                return [.. items.EnumerateArray()];
            }
        }

        return [];
    }

    private MotionControlTask ToTask(VydraJob wire, LazyJson? raw, string? knownId)
    {
        var id = wire.ResolveId() ?? knownId ?? throw new MotionControlProtocolException("A Vydra job in the list carries no id.") { ProviderName = ProviderName };
        if (!VendorStatus.TryMap(wire.Status, Statuses, out var status))
        {
            ReportUnknownStatus(id, wire.Status);
        }

        var video = status == MotionControlTaskStatus.Succeeded ? wire.ResolveVideoUrl() : null;
        return new MotionControlTask
        {
            Id = id,
            ProviderName = ProviderName,
            Status = status,
            VendorStatus = wire.Status,
            FailureReason = status is MotionControlTaskStatus.Failed or MotionControlTaskStatus.Canceled ? Redactor.Redact(wire.ResolveFailureReason() ?? "Vydra gave no reason.") : null,
            Videos = video is null ? [] : [new GeneratedVideo { Url = video, Duration = wire.Output?.DurationSeconds is { } seconds && seconds > 0 ? TimeSpan.FromSeconds(seconds) : null }],
            Progress = wire.Progress is { } progress && double.IsFinite(progress) ? (int)Math.Clamp(Math.Round(progress), 0, 100) : null,
            CreatedAt = wire.CreatedAt,
            UpdatedAt = wire.CompletedAt ?? wire.UpdatedAt,
            RawJson = raw,
        };
    }
}
