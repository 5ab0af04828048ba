using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MotionControl.Testing;

/// <summary>
/// AIMLAPI: <c>POST /v2/video/generations</c> and <c>GET /v2/video/generations?generation_id=</c>,
/// statuses queued / generating / completed / error, the result in <c>video.url</c>, a failure in
/// <c>error{name,message}</c>.
/// </summary>
/// <remarks>
/// (inferred) An unknown id answers 404 and a missing <c>generation_id</c> 400, in the HTTP error shape. (inferred) Failure names
/// are <c>GenerationError</c> and, for content policy, <c>ContentPolicyViolationError</c>. (inferred) Out of credits is 403.
/// Only the first of several result videos is shown: the schema has a single <c>video</c>. Generations are scoped
/// per API key's account: another account's id answers 404.
/// </remarks>
internal sealed class AimlApiEmulator : IErrorDialect, IAccountIdentifier
{
    public const string Model = "klingai/video-v2-6-pro-motion-control";

    /// <summary>The v3 model, which adds <c>mode</c> std/pro (https://github.com/aimlapi/api-docs, klingai-video-v3-motion-control-schema.json).</summary>
    public const string V3Model = "klingai/video-v3-motion-control";

    private static readonly string[] Modes = ["std", "pro"];
    private const string Path = "/v2/video/generations";

    private readonly EmulatorState _state;

    public AimlApiEmulator(EmulatorState state)
    {
        _state = state;
    }

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapPost(Path, VendorEndpoint.Create(_state, EmulatorProviders.AimlApi, EmulatorOperation.Create, this, this, Create));
        routes.MapGet(Path, VendorEndpoint.Create(_state, EmulatorProviders.AimlApi, EmulatorOperation.Get, this, this, Get));
        routes.MapGet("/v2/billing", VendorEndpoint.Create(_state, EmulatorProviders.AimlApi, EmulatorOperation.Balance, this, this, Billing));
    }

    /// <summary><c>GET /v2/billing</c>: the balance in USD, less 0.63 per succeeded job (inferred).</summary>
    private EmulatorReply Billing(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        var usd = EmulatorBalances.Of(_state, EmulatorProviders.AimlApi, account.Name, call.Now);
        return EmulatorReply.FromJson(new JsonObject { ["current_balance"] = usd, ["currency"] = "USD" });
    }

    public EmulatorReply RateLimited(VendorCall call, TimeSpan retryAfter, int? klingCode) =>
        AimlApiReplies.Error(call, 429, "Too many requests: the rate limit of your plan was reached. Please retry later.");

    public EmulatorReply ServerError(VendorCall call, int statusCode) =>
        AimlApiReplies.Error(call, statusCode, "Internal server error");

    public EmulatorReply InsufficientCredits(VendorCall call) =>
        AimlApiReplies.Error(call, 403, "Insufficient credits: top up your balance to continue.");

    private static string? Validate(JsonElement body)
    {
        string? model = BodyFields.GetString(body, "model");
        if (model is not (Model or V3Model))
        {
            return model is null ? "model is required" : $"model must be {Model} or {V3Model}";
        }

        // Only the v3 model has a mode; the v2.6 schema has no such field.
        if (BodyFields.TryGet(body, "mode", out _))
        {
            if (model != V3Model)
            {
                return $"mode is not a parameter of {model}";
            }

            if (BodyFields.CheckEnum(body, "mode", Modes, required: false) is { } modeProblem)
            {
                return modeProblem;
            }
        }

        if (BodyFields.GetString(body, "image_url") is not { Length: > 0 } image)
        {
            return "image_url is required and must be a string";
        }

        if (!BodyFields.IsHttpUrl(image) && !BodyFields.IsDataUri(image) && !BodyFields.IsRawBase64(image))
        {
            return "image_url must be a URL or a Base64-encoded image";
        }

        if (!BodyFields.TryGet(body, "video_url", out var video))
        {
            return "video_url is required";
        }

        if (video.ValueKind != JsonValueKind.String || !(BodyFields.IsHttpUrl(video.GetString(), httpsOnly: true) || BodyFields.IsDataUri(video.GetString())))
        {
            return "video_url must be an HTTPS URL or a data: URI";
        }

        if (BodyFields.TryGet(body, "prompt", out var prompt) && prompt.ValueKind != JsonValueKind.String)
        {
            return $"prompt must be a string, not {BodyFields.Describe(prompt)}";
        }

        if (BodyFields.CheckEnum(body, "character_orientation", BodyFields.Orientations, required: false) is { } orientationProblem)
        {
            return orientationProblem;
        }

        if (BodyFields.TryGet(body, "keep_audio", out var keepAudio) && keepAudio.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return $"keep_audio must be a boolean, not {BodyFields.Describe(keepAudio)}";
        }

        return null;
    }

    // AIMLAPI ids look like nanoids ("NVOeetazzu2Xlca6ghTMx"): 21 URL-safe characters.
    private static string NewId() =>
        Convert.ToBase64String(Guid.NewGuid().ToByteArray()).Replace('+', 'x').Replace('/', 'y')[..21];

    public EmulatorAccount? Identify(HttpRequest request, string body, DateTimeOffset now) =>
        BearerAuthenticator.Check(VendorCall.AuthorizationOf(request), _state.Accounts, EmulatorProviders.AimlApi).Account;

    private EmulatorReply? Authenticate(VendorCall call, out EmulatorAccount account)
    {
        var (_, found) = BearerAuthenticator.Check(call.Authorization, _state.Accounts, EmulatorProviders.AimlApi);
        account = found!;
        return found is not null
            ? null
            : AimlApiReplies.Error(call, 401, "Unauthorized: a valid API key is required in the Authorization header (Bearer <key>).");
    }

    private EmulatorReply Create(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        if (!JsonWire.TryParseObject(call.Body, out var body))
        {
            return AimlApiReplies.Error(call, 400, "Invalid payload provided: the body must be a JSON object");
        }

        if (Validate(body) is { } problem)
        {
            return AimlApiReplies.Error(call, 400, $"Invalid payload provided: {problem}");
        }

        var record = new EmulatedTaskRecord(
            EmulatorProviders.AimlApi,
            account.Name,
            NewId(),
            externalTaskId: null,
            _state.Tasks.NextSequence(),
            call.Now,
            _state.Tasks.NextLifecycle(EmulatorProviders.AimlApi, _state.DefaultLifecycle),
            body,
            call.RecordedBody);
        _state.Tasks.For(EmulatorProviders.AimlApi).TryAdd(record);

        // The real create reply was just {id, status}.
        return EmulatorReply.FromJson(new JsonObject { ["id"] = record.Id, ["status"] = call.StatusWord("queued") });
    }

    private EmulatorReply Get(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        if (call.Query("generation_id") is not { Length: > 0 } id)
        {
            return AimlApiReplies.Error(call, 400, "generation_id is required");
        }

        var record = _state.Tasks.Find(EmulatorProviders.AimlApi, id, matchExternalId: false, account.Name);
        if (record is null)
        {
            return AimlApiReplies.Error(call, 404, $"Generation {id} not found");
        }

        var observation = record.Observe(call.Now, countAsPoll: true);
        string status = observation.Status switch
        {
            EmulatedTaskStatus.Queued => "queued",
            EmulatedTaskStatus.Processing => "generating",
            EmulatedTaskStatus.Succeeded => "completed",
            _ => "error",
        };

        var reply = new JsonObject
        {
            ["id"] = record.Id,
            ["status"] = call.StatusWord(status),
            ["video"] = null,
            ["error"] = null,
        };

        if (observation.Status == EmulatedTaskStatus.Succeeded)
        {
            if (record.Outcome.VideoCount > 0)
            {
                reply["video"] = new JsonObject { ["url"] = _state.VideoUrl(EmulatorProviders.AimlApi, record.Id, 0, watermarked: false) };
            }

            reply["meta"] = new JsonObject { ["usage"] = new JsonObject { ["credits_used"] = 1_260_000 } };
        }
        else if (observation.IsTerminal)
        {
            reply["error"] = new JsonObject
            {
                ["name"] = record.Outcome.Kind == TaskOutcomeKind.ContentPolicyViolation ? "ContentPolicyViolationError" : "GenerationError",
                ["message"] = record.Outcome.Message,
            };
        }

        return EmulatorReply.FromJson(reply);
    }
}
