using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MotionControl.Testing;

/// <summary>
/// Vydra: <c>POST /api/v1/models/kling</c> answers 202 with a <c>jobId</c>; jobs are read, listed
/// and cancelled under <c>/api/v1/jobs</c>, with <c>progress</c> 0-100 and <c>output{videoUrl,durationSeconds}</c>.
/// </summary>
/// <remarks>
/// (inferred) The list reply is <c>{jobs, total, limit, offset}</c>; the cancel reply is <c>{id, status:"cancelled", message}</c>,
/// and cancelling a finished job answers 409 <c>JOB_NOT_CANCELLABLE</c>. (inferred) A 5xx body uses code <c>INTERNAL_ERROR</c>
/// (or <c>SERVICE_UNAVAILABLE</c> for 503). A running job shows <c>running</c> (the docs' word; S3 also mentions
/// <c>processing</c>, which a fault can show). Only the first of several result videos is shown. Jobs are scoped per
/// API key's account: another account's job answers 404 <c>JOB_NOT_FOUND</c> and is not listed.
/// </remarks>
internal sealed class VydraEmulator : IErrorDialect, IAccountIdentifier
{
    private const int CreditsPerJob = EmulatorBalances.VydraCreditsPerJob;
    private static readonly string[] ListStatuses = ["pending", "running", "completed", "failed", "cancelled"];
    private static readonly string[] MediaFields = ["image_url", "video_url"];

    private readonly EmulatorState _state;

    public VydraEmulator(EmulatorState state)
    {
        _state = state;
    }

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/models/kling", VendorEndpoint.Create(_state, EmulatorProviders.Vydra, EmulatorOperation.Create, this, this, Create));
        routes.MapGet("/api/v1/jobs/{id}", VendorEndpoint.Create(_state, EmulatorProviders.Vydra, EmulatorOperation.Get, this, this, Get));
        routes.MapGet("/api/v1/jobs", VendorEndpoint.Create(_state, EmulatorProviders.Vydra, EmulatorOperation.List, this, this, List));
        routes.MapGet("/api/v1/organization", VendorEndpoint.Create(_state, EmulatorProviders.Vydra, EmulatorOperation.Balance, this, this, Organization));
        routes.MapDelete("/api/v1/jobs/{id}", VendorEndpoint.Create(_state, EmulatorProviders.Vydra, EmulatorOperation.Cancel, this, this, Cancel));
    }

    public EmulatorReply RateLimited(VendorCall call, TimeSpan retryAfter, int? klingCode)
    {
        long seconds = (long)Math.Ceiling(retryAfter.TotalSeconds);
        var body = new JsonObject
        {
            ["error"] = "Rate limit exceeded",
            ["code"] = "RATE_LIMIT_EXCEEDED",
            ["retryAfter"] = seconds,
            ["limits"] = new JsonObject { ["type"] = "minute", ["limit"] = 10, ["used"] = 10 },
        };
        return EmulatorReply.FromJson(body, 429)
            .WithHeader("X-RateLimit-Limit", "10")
            .WithHeader("X-RateLimit-Remaining", "0")
            .WithHeader("X-RateLimit-Reset", (call.Now.ToUnixTimeSeconds() + seconds).ToString(CultureInfo.InvariantCulture));
    }

    public EmulatorReply ServerError(VendorCall call, int statusCode) =>
        statusCode == 503
            ? VydraReplies.Error(503, "SERVICE_UNAVAILABLE", "Service temporarily unavailable")
            : VydraReplies.Error(statusCode, "INTERNAL_ERROR", "Internal server error");

    public EmulatorReply InsufficientCredits(VendorCall call) =>
        EmulatorReply.FromJson(
            new JsonObject
            {
                ["error"] = "Insufficient credits",
                ["code"] = "INSUFFICIENT_CREDITS",
                ["creditsRequired"] = CreditsPerJob,
                ["creditsRemaining"] = 0,
            },
            402);

    private static EmulatorReply? Validate(JsonElement body)
    {
        foreach (string field in MediaFields)
        {
            if (!BodyFields.TryGet(body, field, out var value))
            {
                return VydraReplies.InvalidInput(field, $"{field} is required");
            }

            // Vydra takes remote URLs only: no uploads, no Base64, no data: URIs.
            if (value.ValueKind != JsonValueKind.String || !BodyFields.IsHttpUrl(value.GetString()))
            {
                return VydraReplies.InvalidInput(field, $"{field} must be a remote http(s) URL", "INVALID_URL");
            }
        }

        if (BodyFields.GetString(body, "prompt") is not { Length: > 0 })
        {
            return VydraReplies.InvalidInput("prompt", "prompt is required");
        }

        if (BodyFields.CheckEnum(body, "character_orientation", BodyFields.Orientations, required: false) is { } orientationProblem)
        {
            return VydraReplies.InvalidInput("character_orientation", orientationProblem);
        }

        // Vydra's flag is a JSON boolean (Kling's is the string "yes"/"no").
        if (BodyFields.TryGet(body, "keep_original_sound", out var sound) && sound.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return VydraReplies.InvalidInput("keep_original_sound", $"keep_original_sound must be a boolean, not {BodyFields.Describe(sound)}");
        }

        return null;
    }

    private static string StatusWord(EmulatedTaskStatus status) => status switch
    {
        EmulatedTaskStatus.Queued => "pending",
        EmulatedTaskStatus.Processing => "running",
        EmulatedTaskStatus.Succeeded => "completed",
        EmulatedTaskStatus.Canceled => "cancelled",
        _ => "failed",
    };

    private static string StatusMessage(EmulatedTaskRecord record, TaskObservation observation) => observation.Status switch
    {
        EmulatedTaskStatus.Queued => "Job is queued",
        EmulatedTaskStatus.Processing => "Generating video",
        EmulatedTaskStatus.Succeeded => "Video generated",
        EmulatedTaskStatus.Canceled => "Job cancelled",
        _ => record.Outcome.Message ?? "Job failed",
    };

    public EmulatorAccount? Identify(HttpRequest request, string body, DateTimeOffset now) =>
        BearerAuthenticator.Check(VendorCall.AuthorizationOf(request), _state.Accounts, EmulatorProviders.Vydra).Account;

    private EmulatorReply? Authenticate(VendorCall call, out EmulatorAccount account)
    {
        var (outcome, found) = BearerAuthenticator.Check(call.Authorization, _state.Accounts, EmulatorProviders.Vydra);
        account = found!;
        return outcome switch
        {
            BearerOutcome.Accepted => null,
            BearerOutcome.Missing => VydraReplies.Error(401, "MISSING_AUTH", "Missing Authorization header"),
            BearerOutcome.NotBearer => VydraReplies.Error(401, "INVALID_FORMAT", "Authorization header must be 'Bearer <api key>'"),
            _ => VydraReplies.Error(401, "KEY_NOT_FOUND", "API key not found"),
        };
    }

    private JsonObject Job(EmulatedTaskRecord record, TaskObservation observation, VendorCall call)
    {
        var job = new JsonObject
        {
            ["id"] = record.Id,
            ["status"] = call.StatusWord(StatusWord(observation.Status)),
            ["progress"] = observation.Progress,
            ["statusMessage"] = StatusMessage(record, observation),
            ["creditsCharged"] = CreditsPerJob,
            ["output"] = null,
            ["createdAt"] = JsonWire.Iso8601(record.CreatedAt),
            ["completedAt"] = observation.CompletedAt is { } completedAt ? JsonWire.Iso8601(completedAt) : null,
        };

        if (observation.Status == EmulatedTaskStatus.Succeeded && record.Outcome.VideoCount > 0)
        {
            job["output"] = new JsonObject
            {
                ["videoUrl"] = _state.VideoUrl(EmulatorProviders.Vydra, record.Id, 0, watermarked: false),
                ["durationSeconds"] = record.Outcome.VideoDurationSeconds,
            };
        }
        else if (observation.Status == EmulatedTaskStatus.Failed)
        {
            job["error"] = record.Outcome.Message;
        }

        return job;
    }

    private EmulatorReply Create(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        if (!JsonWire.TryParseObject(call.Body, out var body))
        {
            return VydraReplies.Error(400, "INVALID_INPUT", "Request body must be a JSON object");
        }

        if (Validate(body) is { } rejected)
        {
            return rejected;
        }

        var record = new EmulatedTaskRecord(
            EmulatorProviders.Vydra,
            account.Name,
            Guid.NewGuid().ToString(),
            externalTaskId: null,
            _state.Tasks.NextSequence(),
            call.Now,
            _state.Tasks.NextLifecycle(EmulatorProviders.Vydra, _state.DefaultLifecycle),
            body,
            call.RecordedBody);
        if (_state.Tasks.For(EmulatorProviders.Vydra).TryAdd(record, _state.MaxConcurrentTasksPerAccount) == TaskAddResult.OverConcurrencyLimit)
        {
            return RateLimited(call, TimeSpan.FromSeconds(1), klingCode: null);
        }

        var reply = new JsonObject
        {
            ["jobId"] = record.Id,
            ["status"] = call.StatusWord("pending"),
            ["message"] = "Motion control job created. Poll /api/v1/jobs/{jobId} for status.",
            ["creditsCharged"] = CreditsPerJob,
            // Vydra's upstream (fal.ai) id, not a client id.
            ["externalJobId"] = "fal-" + Guid.NewGuid().ToString("N")[..12],
            ["input"] = new JsonObject
            {
                ["image_url"] = BodyFields.GetString(body, "image_url"),
                ["video_url"] = BodyFields.GetString(body, "video_url"),
                ["character_orientation"] = BodyFields.GetString(body, "character_orientation") ?? "video",
            },
        };
        return EmulatorReply.FromJson(reply, 202);
    }

    private EmulatorReply Get(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        string id = call.RouteValue("id") ?? string.Empty;
        var record = _state.Tasks.Find(EmulatorProviders.Vydra, id, matchExternalId: false, account.Name);
        return record is null
            ? JobNotFound(id)
            : EmulatorReply.FromJson(Job(record, record.Observe(call.Now, countAsPoll: true), call));
    }

    /// <summary>The organization (the account page's example fields), its credits less 40 per succeeded job.</summary>
    private EmulatorReply Organization(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        var credits = EmulatorBalances.Of(_state, EmulatorProviders.Vydra, account.Name, call.Now);
        return EmulatorReply.FromJson(new JsonObject
        {
            ["id"] = "org_" + account.Name,
            ["name"] = account.Name,
            ["plan"] = "starter",
            ["creditsRemaining"] = credits,
            ["createdAt"] = "2026-01-01T00:00:00.000Z",
            ["updatedAt"] = call.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        });
    }

    private EmulatorReply List(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        if (!TryReadInt(call.Query("limit"), 20, 1, 100, out int limit))
        {
            return VydraReplies.InvalidInput("limit", "limit must be an integer from 1 to 100");
        }

        if (!TryReadInt(call.Query("offset"), 0, 0, int.MaxValue, out int offset))
        {
            return VydraReplies.InvalidInput("offset", "offset must be a non-negative integer");
        }

        string? status = call.Query("status");
        if (status is not null && !ListStatuses.Contains(status, StringComparer.Ordinal))
        {
            return VydraReplies.InvalidInput("status", $"status must be one of: {string.Join(", ", ListStatuses)}");
        }

        var now = call.Now;
        var matching = new List<JsonObject>();
        foreach (var record in _state.Tasks.Newest(EmulatorProviders.Vydra, account.Name))
        {
            var observation = record.Observe(now, countAsPoll: false);
            if (status is null || StatusWord(observation.Status) == status)
            {
                matching.Add(Job(record, observation, call));
            }
        }

        var jobs = new JsonArray();
        foreach (var job in matching.Skip(offset).Take(limit))
        {
            jobs.Add(job);
        }

        return EmulatorReply.FromJson(new JsonObject
        {
            ["jobs"] = jobs,
            ["total"] = matching.Count,
            ["limit"] = limit,
            ["offset"] = offset,
        });
    }

    private EmulatorReply Cancel(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        string id = call.RouteValue("id") ?? string.Empty;
        var record = _state.Tasks.Find(EmulatorProviders.Vydra, id, matchExternalId: false, account.Name);
        if (record is null)
        {
            return JobNotFound(id);
        }

        if (!record.TryCancel(call.Now, out var observation))
        {
            return VydraReplies.Error(409, "JOB_NOT_CANCELLABLE", $"Job {id} is already {StatusWord(observation.Status)} and cannot be cancelled");
        }

        return EmulatorReply.FromJson(new JsonObject
        {
            ["id"] = record.Id,
            ["status"] = call.StatusWord("cancelled"),
            ["message"] = "Job cancelled",
        });
    }

    private static EmulatorReply JobNotFound(string id) => VydraReplies.Error(404, "JOB_NOT_FOUND", $"Job {id} not found");

    private static bool TryReadInt(string? text, int fallback, int min, int max, out int value)
    {
        if (text is null)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }
}
