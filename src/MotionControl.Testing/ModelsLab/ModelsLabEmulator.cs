using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MotionControl.Testing;

/// <summary>
/// ModelsLab v7 video fusion: the key travels in the JSON body, polling is a POST to
/// <c>fetch/{id}</c>, ids are numbers, and errors come as <c>status:"error"</c>.
/// </summary>
/// <remarks>
/// (inferred) Key and body-validation errors are sent inside HTTP 200, as clients report ModelsLab doing; the documented
/// 400/401/402/429/5xx statuses are available as faults. (inferred) ModelsLab has no queued word: a queued task shows
/// <c>processing</c>. (inferred) A failed task shows <c>status:"error"</c> with <c>message</c> (the webhook's "failed" is not
/// used on fetch). Requests are scoped per key's account: another account's id is "not found".
/// </remarks>
internal sealed class ModelsLabEmulator : IErrorDialect, IAccountIdentifier
{
    private const long FirstTaskId = 155_000_000;
    private const string CreatePath = "/api/v7/video-fusion/motion-control";
    private const string FetchPath = "/api/v7/video-fusion/fetch/";
    private static readonly string[] Models = ["kling-motion-control", "kling-v3-motion-control"];
    private static readonly string[] MediaFields = ["init_image", "init_video"];

    private readonly EmulatorState _state;

    public ModelsLabEmulator(EmulatorState state)
    {
        _state = state;
    }

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapPost(CreatePath, VendorEndpoint.Create(_state, EmulatorProviders.ModelsLab, EmulatorOperation.Create, this, this, Create));
        routes.MapPost(FetchPath + "{id}", VendorEndpoint.Create(_state, EmulatorProviders.ModelsLab, EmulatorOperation.Fetch, this, this, Fetch));
        routes.MapPost("/api/wallet_balance", VendorEndpoint.Create(_state, EmulatorProviders.ModelsLab, EmulatorOperation.Balance, this, this, WalletBalance));
    }

    public EmulatorReply RateLimited(VendorCall call, TimeSpan retryAfter, int? klingCode) =>
        EmulatorReply.FromJson(
            new JsonObject
            {
                ["status"] = "error",
                ["message"] = "Your queue is full. Please try again after some time.",
                ["retry_after"] = (long)Math.Ceiling(retryAfter.TotalSeconds),
            },
            429);

    public EmulatorReply ServerError(VendorCall call, int statusCode) =>
        ModelsLabReplies.Error(statusCode == 503 ? "Service unavailable, please try again later." : "Server error, please try again later.", statusCode);

    public EmulatorReply InsufficientCredits(VendorCall call) =>
        ModelsLabReplies.Error("Insufficient credits: please top up your wallet to continue.", 402);

    private static string? Validate(JsonElement body)
    {
        string? model = BodyFields.GetString(body, "model_id");
        if (model is null)
        {
            return "The model_id field is required.";
        }

        if (!Models.Contains(model, StringComparer.Ordinal))
        {
            return $"Model not found: {model}";
        }

        foreach (string field in MediaFields)
        {
            if (!BodyFields.TryGet(body, field, out var value))
            {
                return $"The {field} field is required.";
            }

            // (inferred) The page documents URLs only (no Base64), and real clients send a plain string, not an array.
            if (value.ValueKind != JsonValueKind.String || !BodyFields.IsHttpUrl(value.GetString()))
            {
                return $"The {field} field must be a valid http(s) URL.";
            }
        }

        if (BodyFields.GetString(body, "prompt") is not { Length: > 0 })
        {
            return "The prompt field is required.";
        }

        if (BodyFields.CheckEnum(body, "character_orientation", BodyFields.Orientations, required: false) is { } orientationProblem)
        {
            return orientationProblem;
        }

        if (BodyFields.CheckEnum(body, "mode", BodyFields.Modes, required: false) is { } modeProblem)
        {
            return modeProblem;
        }

        if (BodyFields.TryGet(body, "webhook", out var webhook) &&
            (webhook.ValueKind != JsonValueKind.String || !BodyFields.IsHttpUrl(webhook.GetString())))
        {
            return "The webhook field must be a valid http(s) URL.";
        }

        if (BodyFields.TryGet(body, "track_id", out var trackId) && trackId.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
        {
            return "The track_id field must be a string or a number.";
        }

        return null;
    }

    private EmulatorReply Create(VendorCall call)
    {
        if (!JsonWire.TryParseObject(call.Body, out var body))
        {
            return ModelsLabReplies.Error("Invalid request: the body must be a JSON object.");
        }

        if (FindAccount(body) is not { } account)
        {
            return InvalidKey();
        }

        if (Validate(body) is { } problem)
        {
            return ModelsLabReplies.Error(problem);
        }

        long sequence = _state.Tasks.NextSequence();
        var now = call.Now;
        var record = new EmulatedTaskRecord(
            EmulatorProviders.ModelsLab,
            account.Name,
            (FirstTaskId + sequence).ToString(CultureInfo.InvariantCulture),
            externalTaskId: null,
            sequence,
            now,
            _state.Tasks.NextLifecycle(EmulatorProviders.ModelsLab, _state.DefaultLifecycle),
            body,
            call.RecordedBody);
        _state.Tasks.For(EmulatorProviders.ModelsLab).TryAdd(record);
        _state.Callbacks.Track(record, BodyFields.GetString(body, "webhook"), CallbackBody, signed: false);
        var observation = record.Observe(now, countAsPoll: false);

        var reply = new JsonObject
        {
            ["status"] = call.StatusWord("processing"),
            ["eta"] = observation.EtaSeconds,
            ["fetch_result"] = FetchUrl(record),
            ["future_links"] = FutureLinks(record, call),
        };

        // A real sample carried only status, eta, fetch_result and future_links; the id then comes from fetch_result.
        if (!call.Has(FaultKind.ModelsLabReplyWithoutId))
        {
            reply["id"] = Id(record, call);
            reply["tip"] = "Your request is processing in the background; get the result with the fetch_result URL.";
            reply["message"] = "Request processing in the background.";
            reply["output"] = new JsonArray();
            reply["meta"] = Meta(record);
            AddTrackId(reply, record);
        }

        return EmulatorReply.FromJson(reply);
    }

    /// <summary><c>POST /api/wallet_balance</c> with the key in the body: the wallet in USD, less 0.50 per succeeded job (inferred).</summary>
    private EmulatorReply WalletBalance(VendorCall call)
    {
        if (!JsonWire.TryParseObject(call.Body, out var body) || FindAccount(body) is not { } account)
        {
            return InvalidKey();
        }

        var usd = EmulatorBalances.Of(_state, EmulatorProviders.ModelsLab, account.Name, call.Now);
        return EmulatorReply.FromJson(new JsonObject
        {
            ["status"] = "success",
            ["data"] = new JsonObject { ["balance"] = usd, ["currency"] = "USD" },
        });
    }

    private EmulatorReply Fetch(VendorCall call)
    {
        if (!JsonWire.TryParseObject(call.Body, out var body) || FindAccount(body) is not { } account)
        {
            return InvalidKey();
        }

        string id = call.RouteValue("id") ?? string.Empty;
        var record = _state.Tasks.Find(EmulatorProviders.ModelsLab, id, matchExternalId: false, account.Name);
        if (record is null)
        {
            // (inferred) Wording of ModelsLab's "unknown id" reply.
            return ModelsLabReplies.Error($"Request not found: no request with id {id}.");
        }

        var observation = record.Observe(call.Now, countAsPoll: true);
        var reply = new JsonObject();
        switch (observation.Status)
        {
            case EmulatedTaskStatus.Succeeded:
                var links = VideoLinks(record, call);
                reply["status"] = call.StatusWord("success");
                reply["generationTime"] = Math.Round((observation.UpdatedAt - record.CreatedAt).TotalSeconds, 2);
                reply["output"] = links;
                reply["proxy_links"] = VideoLinks(record, call);
                reply["meta"] = Meta(record);
                break;
            case EmulatedTaskStatus.Failed or EmulatedTaskStatus.Canceled:
                reply["status"] = call.StatusWord("error");
                reply["message"] = record.Outcome.Message ?? "Request failed.";
                reply["output"] = new JsonArray();
                break;
            default:
                reply["status"] = call.StatusWord("processing");
                reply["eta"] = observation.EtaSeconds;
                reply["message"] = "Request processing in the background.";
                reply["fetch_result"] = FetchUrl(record);
                reply["output"] = new JsonArray();
                reply["future_links"] = FutureLinks(record, call);
                break;
        }

        if (!call.Has(FaultKind.ModelsLabReplyWithoutId))
        {
            reply["id"] = Id(record, call);
        }

        AddTrackId(reply, record);
        return EmulatorReply.FromJson(reply);
    }

    /// <summary>
    /// The webhook body: "the same object as fetch", with <c>status:"failed"</c> on failure (https://docs.modelslab.com/webhooks);
    /// the emulator sends it when the task ends.
    /// </summary>
    private JsonObject CallbackBody(EmulatedTaskRecord record, TaskObservation observation)
    {
        var reply = new JsonObject();
        switch (observation.Status)
        {
            case EmulatedTaskStatus.Succeeded:
                reply["status"] = "success";
                reply["generationTime"] = Math.Round((observation.UpdatedAt - record.CreatedAt).TotalSeconds, 2);
                reply["output"] = VideoLinks(record, _state);
                reply["proxy_links"] = VideoLinks(record, _state);
                reply["meta"] = Meta(record);
                break;
            case EmulatedTaskStatus.Failed or EmulatedTaskStatus.Canceled:
                reply["status"] = "failed";
                reply["message"] = record.Outcome.Message ?? "Request failed.";
                reply["output"] = new JsonArray();
                break;
            default:
                reply["status"] = "processing";
                reply["eta"] = observation.EtaSeconds;
                reply["output"] = new JsonArray();
                break;
        }

        reply["id"] = long.Parse(record.Id, CultureInfo.InvariantCulture);
        AddTrackId(reply, record);
        return reply;
    }

    public EmulatorAccount? Identify(HttpRequest request, string body, DateTimeOffset now) =>
        JsonWire.TryParseObject(body, out var json) ? FindAccount(json) : null;

    private EmulatorAccount? FindAccount(JsonElement body) =>
        _state.Accounts.FindByKey(EmulatorProviders.ModelsLab, BodyFields.GetString(body, "key"));

    // (inferred) Key errors inside HTTP 200, as ModelsLab is reported to answer them (401 is documented; use a fault for it).
    private static EmulatorReply InvalidKey() => ModelsLabReplies.Error("Invalid Api Key");

    private static JsonValue Id(EmulatedTaskRecord record, VendorCall call) =>
        call.Has(FaultKind.ModelsLabIdAsString)
            ? JsonValue.Create(record.Id)
            : JsonValue.Create(long.Parse(record.Id, CultureInfo.InvariantCulture));

    private string FetchUrl(EmulatedTaskRecord record) => _state.AbsoluteUrl(FetchPath.TrimStart('/') + record.Id);

    // Where the files will appear; they answer 404 until the task succeeds, as real future links do.
    private static JsonArray FutureLinks(EmulatedTaskRecord record, VendorCall call) => VideoLinks(record, call.State, Math.Max(1, record.Outcome.VideoCount));

    private static JsonArray VideoLinks(EmulatedTaskRecord record, VendorCall call) => VideoLinks(record, call.State);

    private static JsonArray VideoLinks(EmulatedTaskRecord record, EmulatorState state, int? count = null)
    {
        var links = new JsonArray();
        for (int i = 0; i < (count ?? record.Outcome.VideoCount); i++)
        {
            links.Add(state.VideoUrl(EmulatorProviders.ModelsLab, record.Id, i, watermarked: false));
        }

        return links;
    }

    private static JsonObject Meta(EmulatedTaskRecord record) => new()
    {
        ["model_id"] = BodyFields.GetString(record.Request, "model_id"),
        ["prompt"] = BodyFields.GetString(record.Request, "prompt"),
        ["character_orientation"] = BodyFields.GetString(record.Request, "character_orientation"),
        ["mode"] = BodyFields.GetString(record.Request, "mode"),
    };

    private static void AddTrackId(JsonObject reply, EmulatedTaskRecord record)
    {
        if (BodyFields.TryGet(record.Request, "track_id", out var trackId))
        {
            reply["track_id"] = JsonValue.Create(trackId);
        }
    }
}
