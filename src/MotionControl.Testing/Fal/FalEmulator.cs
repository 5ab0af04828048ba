using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MotionControl.Testing;

/// <summary>
/// fal.ai's queue for Kling Motion Control: <c>POST /fal-ai/kling-video/{v2.6|v3}/{standard|pro}/motion-control</c> answers
/// a <c>request_id</c> and the status, result and cancel URLs under the app id (<c>/fal-ai/kling-video/requests/{id}</c>);
/// the status is <c>IN_QUEUE</c> (with <c>queue_position</c>), <c>IN_PROGRESS</c> or <c>COMPLETED</c>; the result is
/// <c>{video:{url, content_type, file_name, file_size}}</c>. Also the platform's <c>GET /v1/account/billing</c> and the
/// storage's <c>POST /storage/upload/initiate</c> with its pre-signed PUT.
/// </summary>
/// <remarks>
/// Auth is <c>Authorization: Key &lt;key&gt;</c>. (inferred) Unknown body fields are ignored, as fal's Pydantic models do;
/// wrong types and missing required fields answer 422 with FastAPI's <c>detail</c> list. (inferred) The queue position
/// counts the account's fal requests created earlier that still wait. (inferred) A failed request is <c>COMPLETED</c>
/// and its result answers 422 with the reason; a cancelled one is <c>COMPLETED</c> and its result answers 400
/// <c>{"detail":"Request was cancelled"}</c>. Cancelling a queued request answers 202 <c>CANCELLATION_REQUESTED</c>, a
/// started or ended one 400 <c>ALREADY_COMPLETED</c>. A locked account answers 403 "Exhausted balance".
/// </remarks>
internal sealed class FalEmulator : IErrorDialect, IAccountIdentifier
{
    public const string AppPath = "/fal-ai/kling-video";

    /// <summary>What a succeeded request takes from the balance, in USD (inferred: 5 s at an inferred $0.07/s).</summary>
    public const decimal UsdPerJob = EmulatorBalances.FalUsdPerJob;

    private const string KeyPrefix = "Key ";
    private static readonly string[] Versions = ["v2.6", "v3"];
    private static readonly string[] Tiers = ["standard", "pro"];

    private readonly EmulatorState _state;
    private readonly ConcurrentDictionary<string, Upload> _uploads = new(StringComparer.Ordinal);

    public FalEmulator(EmulatorState state)
    {
        _state = state;
    }

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapPost(AppPath + "/{version}/{tier}/motion-control", VendorEndpoint.Create(_state, EmulatorProviders.Fal, EmulatorOperation.Create, this, this, Create));
        routes.MapGet(AppPath + "/requests/{id}/status", VendorEndpoint.Create(_state, EmulatorProviders.Fal, EmulatorOperation.Get, this, this, Status));
        routes.MapGet(AppPath + "/requests/{id}", VendorEndpoint.Create(_state, EmulatorProviders.Fal, EmulatorOperation.Get, this, this, Result));
        routes.MapPut(AppPath + "/requests/{id}/cancel", VendorEndpoint.Create(_state, EmulatorProviders.Fal, EmulatorOperation.Cancel, this, this, Cancel));
        routes.MapGet("/v1/account/billing", VendorEndpoint.Create(_state, EmulatorProviders.Fal, EmulatorOperation.Balance, this, this, Billing));
        routes.MapPost("/storage/upload/initiate", VendorEndpoint.Create(_state, EmulatorProviders.Fal, EmulatorOperation.Upload, this, this, call => InitiateUpload(call, multipart: false)));
        routes.MapPost("/storage/upload/initiate-multipart", VendorEndpoint.Create(_state, EmulatorProviders.Fal, EmulatorOperation.Upload, this, this, call => InitiateUpload(call, multipart: true)));
        routes.MapPut("/fal-storage/uploads/{token}", PutUploadAsync);
        routes.MapPut("/fal-storage/multipart/{token}/{part:int}", PutPartAsync);
        routes.MapPost("/fal-storage/multipart/{token}/complete", CompleteMultipartAsync);
        routes.MapGet("/fal-storage/files/{token}/{name}", VendorEndpoint.Create(_state, EmulatorProviders.Fal, EmulatorOperation.Download, CdnErrorDialect.Instance, accounts: null, UploadedFile));
    }

    /// <summary>Gets the files uploaded through the storage routes so far (name, content type, bytes).</summary>
    public IReadOnlyList<(string FileName, string ContentType, byte[] Bytes)> Uploaded =>
        [.. _uploads.Values.Where(u => u.Bytes is not null).OrderBy(u => u.Sequence).Select(u => (u.FileName, u.ContentType, u.Bytes!))];

    public EmulatorReply RateLimited(VendorCall call, TimeSpan retryAfter, int? klingCode) =>
        FalReplies.Detail(429, "Rate limit exceeded. Please try again later.")
            .WithHeader("Retry-After", ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture));

    public EmulatorReply ServerError(VendorCall call, int statusCode) =>
        FalReplies.Detail(statusCode, statusCode == 503 ? "Service Unavailable" : "Internal Server Error");

    public EmulatorReply InsufficientCredits(VendorCall call) =>
        FalReplies.Detail(403, "User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.");

    public EmulatorAccount? Identify(HttpRequest request, string body, DateTimeOffset now) => Check(VendorCall.AuthorizationOf(request)).Account;

    internal void Clear() => _uploads.Clear();

    private (EmulatorReply? Denied, EmulatorAccount? Account) Check(string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return (FalReplies.Detail(401, "Missing authorization header"), null);
        }

        if (!authorization.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return (FalReplies.Detail(401, "Invalid authorization header: expected 'Key <FAL_KEY>'"), null);
        }

        return _state.Accounts.FindByKey(EmulatorProviders.Fal, authorization[KeyPrefix.Length..]) is { } account
            ? (null, account)
            : (FalReplies.Detail(401, "No user found for Key ID and Secret"), null);
    }

    private EmulatorReply? Authenticate(VendorCall call, out EmulatorAccount account)
    {
        var (denied, found) = Check(call.Authorization);
        account = found!;
        return denied;
    }

    private static EmulatorReply? Validate(JsonElement body, bool isV3)
    {
        foreach (string field in (ReadOnlySpan<string>)["image_url", "video_url"])
        {
            if (!BodyFields.TryGet(body, field, out var value))
            {
                return FalReplies.Invalid(field, "field required", "value_error.missing");
            }

            if (value.ValueKind != JsonValueKind.String || !(BodyFields.IsHttpUrl(value.GetString()) || BodyFields.IsDataUri(value.GetString())))
            {
                return FalReplies.Invalid(field, $"{field} must be a URL (http, https or data)", "value_error.url");
            }
        }

        if (!BodyFields.TryGet(body, "character_orientation", out _))
        {
            return FalReplies.Invalid("character_orientation", "field required", "value_error.missing");
        }

        if (BodyFields.CheckEnum(body, "character_orientation", BodyFields.Orientations, required: true) is { } orientation)
        {
            return FalReplies.Invalid("character_orientation", orientation, "type_error.enum");
        }

        if (BodyFields.TryGet(body, "keep_original_sound", out var sound) && sound.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return FalReplies.Invalid("keep_original_sound", $"value could not be parsed to a boolean ({BodyFields.Describe(sound)})", "type_error.bool");
        }

        if (BodyFields.TryGet(body, "prompt", out var prompt) && prompt.ValueKind != JsonValueKind.String)
        {
            return FalReplies.Invalid("prompt", "str type expected", "type_error.str");
        }

        // v2.6's model has no elements: the field is ignored there like any other unknown one.
        return isV3 && BodyFields.TryGet(body, "elements", out var elements) ? ValidateElements(body, elements) : null;
    }

    private static EmulatorReply? ValidateElements(JsonElement body, JsonElement elements)
    {
        if (elements.ValueKind != JsonValueKind.Array)
        {
            return FalReplies.Invalid("elements", "value is not a valid list", "type_error.list");
        }

        if (elements.GetArrayLength() > 1)
        {
            return FalReplies.Invalid("elements", "Only 1 element is supported", "value_error.list.max_items");
        }

        if (elements.GetArrayLength() == 1 && BodyFields.GetString(body, "character_orientation") != "video")
        {
            return FalReplies.Invalid("elements", "Element binding is only supported when character_orientation is 'video'", "value_error");
        }

        foreach (var element in elements.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return FalReplies.Invalid("elements", "value is not a valid dict", "type_error.dict");
            }

            if (BodyFields.TryGet(element, "frontal_image_url", out var frontal) && (frontal.ValueKind != JsonValueKind.String || !BodyFields.IsHttpUrl(frontal.GetString())))
            {
                return FalReplies.Invalid("frontal_image_url", "frontal_image_url must be a URL", "value_error.url");
            }

            if (BodyFields.TryGet(element, "reference_image_urls", out var references))
            {
                if (references.ValueKind != JsonValueKind.Array || references.GetArrayLength() > 3)
                {
                    return FalReplies.Invalid("reference_image_urls", "0-3 reference images are supported", "value_error.list.max_items");
                }

                foreach (var reference in references.EnumerateArray())
                {
                    if (reference.ValueKind != JsonValueKind.String || !BodyFields.IsHttpUrl(reference.GetString()))
                    {
                        return FalReplies.Invalid("reference_image_urls", "each reference image must be a URL", "value_error.url");
                    }
                }
            }
        }

        return null;
    }

    private static string StatusWord(EmulatedTaskStatus status) => status switch
    {
        EmulatedTaskStatus.Queued => "IN_QUEUE",
        EmulatedTaskStatus.Processing => "IN_PROGRESS",
        _ => "COMPLETED",
    };

    private JsonObject Urls(string id, JsonObject target)
    {
        var root = _state.AbsoluteUrl(AppPath.TrimStart('/') + "/requests/" + Uri.EscapeDataString(id));
        target["response_url"] = root;
        target["status_url"] = root + "/status";
        target["cancel_url"] = root + "/cancel";
        return target;
    }

    /// <summary>The account's fal requests created before <paramref name="record"/> that still wait.</summary>
    private int QueuePosition(EmulatedTaskRecord record, DateTimeOffset now) =>
        _state.Tasks.Newest(EmulatorProviders.Fal, record.Account)
            .Count(other => other.Sequence < record.Sequence && other.Observe(now, countAsPoll: false).Status == EmulatedTaskStatus.Queued);

    private EmulatorReply Create(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        string version = call.RouteValue("version") ?? string.Empty;
        string tier = call.RouteValue("tier") ?? string.Empty;
        if (!Versions.Contains(version, StringComparer.Ordinal) || !Tiers.Contains(tier, StringComparer.Ordinal))
        {
            return FalReplies.Detail(404, $"Application 'kling-video/{version}/{tier}/motion-control' not found");
        }

        if (!JsonWire.TryParseObject(call.Body, out var body))
        {
            return FalReplies.Invalid("body", "value is not a valid dict", "type_error.dict");
        }

        if (Validate(body, isV3: version == "v3") is { } rejected)
        {
            return rejected;
        }

        var record = new EmulatedTaskRecord(
            EmulatorProviders.Fal,
            account.Name,
            Guid.NewGuid().ToString(),
            externalTaskId: null,
            _state.Tasks.NextSequence(),
            call.Now,
            _state.Tasks.NextLifecycle(EmulatorProviders.Fal, _state.DefaultLifecycle),
            body,
            call.RecordedBody);
        _state.Tasks.For(EmulatorProviders.Fal).TryAdd(record);

        // fal posts the outcome to the fal_webhook query's URL when the request ends, unsigned here (fal signs with
        // ED25519 keys the emulator does not model).
        _state.Callbacks.Track(record, call.Query("fal_webhook"), WebhookBody, signed: false);

        var reply = new JsonObject
        {
            ["status"] = call.StatusWord("IN_QUEUE"),
            ["request_id"] = record.Id,
        };
        Urls(record.Id, reply);
        reply["queue_position"] = QueuePosition(record, call.Now);
        return EmulatorReply.FromJson(reply);
    }

    private EmulatorReply Status(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        string id = call.RouteValue("id") ?? string.Empty;
        if (_state.Tasks.Find(EmulatorProviders.Fal, id, matchExternalId: false, account.Name) is not { } record)
        {
            return RequestNotFound(id);
        }

        var observation = record.Observe(call.Now, countAsPoll: true);
        var reply = new JsonObject
        {
            ["status"] = call.StatusWord(StatusWord(observation.Status)),
            ["request_id"] = record.Id,
        };
        Urls(record.Id, reply);
        switch (observation.Status)
        {
            case EmulatedTaskStatus.Queued:
                reply["queue_position"] = QueuePosition(record, call.Now);
                break;
            case EmulatedTaskStatus.Processing:
                reply["logs"] = call.Query("logs") == "1" ? new JsonArray(Log("Generating video", observation.UpdatedAt)) : null;
                break;
            default:
                reply["logs"] = call.Query("logs") == "1" ? new JsonArray(Log("Done", observation.CompletedAt ?? call.Now)) : null;
                reply["metrics"] = new JsonObject { ["inference_time"] = Math.Max(0, ((observation.CompletedAt ?? call.Now) - record.CreatedAt).TotalSeconds) };
                break;
        }

        return EmulatorReply.FromJson(reply);
    }

    private static JsonObject Log(string message, DateTimeOffset at) => new()
    {
        ["message"] = message,
        ["level"] = "INFO",
        ["source"] = "stdout",
        ["timestamp"] = JsonWire.Iso8601(at),
    };

    private EmulatorReply Result(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        string id = call.RouteValue("id") ?? string.Empty;
        if (_state.Tasks.Find(EmulatorProviders.Fal, id, matchExternalId: false, account.Name) is not { } record)
        {
            return RequestNotFound(id);
        }

        var observation = record.Observe(call.Now, countAsPoll: false);
        return observation.Status switch
        {
            EmulatedTaskStatus.Queued or EmulatedTaskStatus.Processing => FalReplies.Detail(400, "Request is still in progress"),
            EmulatedTaskStatus.Canceled => FalReplies.Detail(400, "Request was cancelled"),
            EmulatedTaskStatus.Failed => FalReplies.Invalid("image_url", record.Outcome.Message ?? "The generation failed", record.Outcome.Kind == TaskOutcomeKind.ContentPolicyViolation ? "content_policy_violation" : "generation_error"),
            _ when record.Outcome.VideoCount == 0 => FalReplies.Detail(500, "The model returned no video"),
            _ => EmulatorReply.FromJson(new JsonObject
            {
                ["video"] = new JsonObject
                {
                    ["url"] = _state.VideoUrl(EmulatorProviders.Fal, record.Id, 0, watermarked: false),
                    ["content_type"] = "video/mp4",
                    ["file_name"] = "output.mp4",
                    ["file_size"] = SampleVideo.Bytes.Length,
                },
            }),
        };
    }

    /// <summary>
    /// fal's webhook body (https://docs.fal.ai/model-apis/model-endpoints/webhooks): the request ids, <c>OK</c> with the
    /// result as <c>payload</c>, or <c>ERROR</c> with a message in <c>error</c> and the error body as <c>payload</c>.
    /// </summary>
    private JsonObject WebhookBody(EmulatedTaskRecord record, TaskObservation observation)
    {
        var (status, error, payload) = observation.Status switch
        {
            EmulatedTaskStatus.Succeeded when record.Outcome.VideoCount > 0 => ("OK", null, new JsonObject
            {
                ["video"] = new JsonObject
                {
                    ["url"] = _state.VideoUrl(EmulatorProviders.Fal, record.Id, 0, watermarked: false),
                    ["content_type"] = "video/mp4",
                    ["file_name"] = "output.mp4",
                    ["file_size"] = SampleVideo.Bytes.Length,
                },
            }),
            EmulatedTaskStatus.Succeeded => ("ERROR", "Invalid status code: 500", new JsonObject { ["detail"] = "The model returned no video" }),
            EmulatedTaskStatus.Canceled => ("ERROR", "Request was cancelled", new JsonObject { ["detail"] = "Request was cancelled" }),
            _ => ("ERROR", "Invalid status code: 422", new JsonObject
            {
                ["detail"] = new JsonArray(new JsonObject
                {
                    ["loc"] = new JsonArray("body", "image_url"),
                    ["msg"] = record.Outcome.Message ?? "The generation failed",
                    ["type"] = record.Outcome.Kind == TaskOutcomeKind.ContentPolicyViolation ? "content_policy_violation" : "generation_error",
                }),
            }),
        };

        return new JsonObject
        {
            ["request_id"] = record.Id,
            ["gateway_request_id"] = record.Id,
            ["status"] = status,
            ["payload"] = payload,
            ["error"] = error,
            ["payload_error"] = null,
        };
    }

    private EmulatorReply Cancel(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        string id = call.RouteValue("id") ?? string.Empty;
        if (_state.Tasks.Find(EmulatorProviders.Fal, id, matchExternalId: false, account.Name) is not { } record)
        {
            return EmulatorReply.FromJson(new JsonObject { ["status"] = "NOT_FOUND" }, 404);
        }

        // Only a request still in the queue can be cancelled.
        if (record.Observe(call.Now, countAsPoll: false).Status != EmulatedTaskStatus.Queued || !record.TryCancel(call.Now, out _))
        {
            return EmulatorReply.FromJson(new JsonObject { ["status"] = "ALREADY_COMPLETED" }, 400);
        }

        return EmulatorReply.FromJson(new JsonObject { ["status"] = "CANCELLATION_REQUESTED" }, 202);
    }

    /// <summary>The account's billing; its credits (with <c>expand=credits</c>) less <see cref="UsdPerJob"/> per succeeded request.</summary>
    private EmulatorReply Billing(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        var reply = new JsonObject { ["username"] = account.Name };
        var expand = call.HttpContext.Request.Query["expand"];
        if (expand.Any(e => e is not null && e.Split(',').Contains("credits", StringComparer.Ordinal)))
        {
            reply["credits"] = new JsonObject
            {
                ["current_balance"] = EmulatorBalances.Of(_state, EmulatorProviders.Fal, account.Name, call.Now),
                ["currency"] = "USD",
            };
        }

        return EmulatorReply.FromJson(reply);
    }

    private EmulatorReply InitiateUpload(VendorCall call, bool multipart)
    {
        if (Authenticate(call, out _) is { } denied)
        {
            return denied;
        }

        if (!JsonWire.TryParseObject(call.Body, out var body))
        {
            return FalReplies.Invalid("body", "value is not a valid dict", "type_error.dict");
        }

        foreach (string field in (ReadOnlySpan<string>)["content_type", "file_name"])
        {
            if (BodyFields.GetString(body, field) is not { Length: > 0 })
            {
                return FalReplies.Invalid(field, "field required", "value_error.missing");
            }
        }

        var token = Guid.NewGuid().ToString("N");
        var name = BodyFields.GetString(body, "file_name")!;
        _uploads[token] = new Upload(_state.Tasks.NextSequence(), name, BodyFields.GetString(body, "content_type")!) { Multipart = multipart };
        return EmulatorReply.FromJson(new JsonObject
        {
            ["upload_url"] = _state.AbsoluteUrl($"fal-storage/{(multipart ? "multipart" : "uploads")}/{token}?X-Signature=emulated"),
            ["file_url"] = _state.AbsoluteUrl($"fal-storage/files/{token}/{Uri.EscapeDataString(name)}"),
        });
    }

    /// <summary>The pre-signed PUT: bytes in, no fal key (a signed URL refuses a second credential, as object stores do).</summary>
    private async Task PutUploadAsync(HttpContext context)
    {
        var token = context.Request.RouteValues["token"]?.ToString() ?? string.Empty;
        var (callNumber, _) = _state.Faults.NextCall(EmulatorProviders.Fal, EmulatorOperation.Upload);
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        _state.Log.Record(context.Request, EmulatorProviders.Fal, EmulatorOperation.Upload, callNumber, $"({buffer.Length} bytes)", _state.TimeProvider.GetUtcNow(), null);

        EmulatorReply reply;
        if (!_uploads.TryGetValue(token, out var upload) || upload.Multipart || upload.Bytes is not null)
        {
            reply = EmulatorReply.FromText(403, "The upload URL is unknown or already used.", "text/plain; charset=utf-8");
        }
        else if (context.Request.Headers.Authorization.Count > 0)
        {
            reply = EmulatorReply.FromText(400, "Only one auth mechanism allowed: the URL is signed.", "text/plain; charset=utf-8");
        }
        else if (context.Request.Query["X-Signature"] != "emulated")
        {
            reply = EmulatorReply.FromText(403, "The URL's signature is missing.", "text/plain; charset=utf-8");
        }
        else
        {
            _uploads[token] = upload with { Bytes = buffer.ToArray(), ContentType = context.Request.ContentType ?? upload.ContentType };
            reply = EmulatorReply.FromText(200, string.Empty, "text/plain; charset=utf-8");
        }

        await WriteAsync(context, reply).ConfigureAwait(false);
    }

    /// <summary>One part of a multipart upload (signed like the single PUT): stored, answered with its <c>{partNumber, etag}</c>.</summary>
    private async Task PutPartAsync(HttpContext context)
    {
        var token = context.Request.RouteValues["token"]?.ToString() ?? string.Empty;
        var part = int.Parse(context.Request.RouteValues["part"]?.ToString() ?? "0", CultureInfo.InvariantCulture);
        var (callNumber, _) = _state.Faults.NextCall(EmulatorProviders.Fal, EmulatorOperation.Upload);
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        _state.Log.Record(context.Request, EmulatorProviders.Fal, EmulatorOperation.Upload, callNumber, $"({buffer.Length} bytes)", _state.TimeProvider.GetUtcNow(), null);

        EmulatorReply reply;
        if (!_uploads.TryGetValue(token, out var upload) || !upload.Multipart || upload.Bytes is not null || part < 1)
        {
            reply = EmulatorReply.FromText(403, "The upload URL is unknown or already completed.", "text/plain; charset=utf-8");
        }
        else if (context.Request.Headers.Authorization.Count > 0 || context.Request.Query["X-Signature"] != "emulated")
        {
            reply = EmulatorReply.FromText(400, "The URL is signed: no other credential, and its signature is required.", "text/plain; charset=utf-8");
        }
        else
        {
            var etag = $"\"{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..16]}\"";
            upload.Parts[part] = (etag, buffer.ToArray());
            reply = EmulatorReply.FromJson(new JsonObject { ["partNumber"] = part, ["etag"] = etag });
        }

        await WriteAsync(context, reply).ConfigureAwait(false);
    }

    /// <summary>The completion of a multipart upload: every part named with its etag, in order from 1; the file is then served.</summary>
    private async Task CompleteMultipartAsync(HttpContext context)
    {
        var token = context.Request.RouteValues["token"]?.ToString() ?? string.Empty;
        var (callNumber, _) = _state.Faults.NextCall(EmulatorProviders.Fal, EmulatorOperation.Upload);
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        _state.Log.Record(context.Request, EmulatorProviders.Fal, EmulatorOperation.Upload, callNumber, text, _state.TimeProvider.GetUtcNow(), null);

        EmulatorReply reply;
        if (!_uploads.TryGetValue(token, out var upload) || !upload.Multipart || upload.Bytes is not null)
        {
            reply = EmulatorReply.FromText(403, "The upload URL is unknown or already completed.", "text/plain; charset=utf-8");
        }
        else if (context.Request.Headers.Authorization.Count > 0 || context.Request.Query["X-Signature"] != "emulated")
        {
            reply = EmulatorReply.FromText(400, "The URL is signed: no other credential, and its signature is required.", "text/plain; charset=utf-8");
        }
        else if (!JsonWire.TryParseObject(text, out var body) || !body.TryGetProperty("parts", out var parts) || parts.ValueKind != JsonValueKind.Array
            || !PartsMatch(parts, upload))
        {
            reply = EmulatorReply.FromText(400, "The parts must list every uploaded part, from 1, with its etag.", "text/plain; charset=utf-8");
        }
        else
        {
            using var whole = new MemoryStream();
            foreach (var (_, (_, bytes)) in upload.Parts.OrderBy(p => p.Key))
            {
                whole.Write(bytes);
            }

            _uploads[token] = upload with { Bytes = whole.ToArray() };
            reply = EmulatorReply.FromJson(new JsonObject { ["status"] = "ok" });
        }

        await WriteAsync(context, reply).ConfigureAwait(false);
    }

    private static bool PartsMatch(JsonElement parts, Upload upload)
    {
        int expected = 1;
        foreach (var part in parts.EnumerateArray())
        {
            if (part.ValueKind != JsonValueKind.Object || !part.TryGetProperty("partNumber", out var number) || !number.TryGetInt32(out int n) || n != expected
                || !upload.Parts.TryGetValue(n, out var stored) || BodyFields.GetString(part, "etag") != stored.Etag)
            {
                return false;
            }

            expected++;
        }

        return expected - 1 == upload.Parts.Count && expected > 1;
    }

    private static async Task WriteAsync(HttpContext context, EmulatorReply reply)
    {
        context.Response.StatusCode = reply.StatusCode;
        context.Response.ContentType = reply.ContentType;
        await context.Response.Body.WriteAsync(reply.GetBody(), context.RequestAborted).ConfigureAwait(false);
    }

    private EmulatorReply UploadedFile(VendorCall call)
    {
        var token = call.RouteValue("token") ?? string.Empty;
        return _uploads.TryGetValue(token, out var upload) && upload.Bytes is { } bytes
            ? EmulatorReply.FromBytes(200, bytes, upload.ContentType)
            : EmulatorReply.FromText(404, "Not Found", "text/plain; charset=utf-8");
    }

    private static EmulatorReply RequestNotFound(string id) => FalReplies.Detail(404, $"Request {id} not found");

    private sealed record Upload(long Sequence, string FileName, string ContentType)
    {
        public byte[]? Bytes { get; init; }

        /// <summary>Gets a value indicating whether the upload goes in parts (initiated with <c>initiate-multipart</c>).</summary>
        public bool Multipart { get; init; }

        /// <summary>Gets the parts received so far, by number: their etag and bytes.</summary>
        public ConcurrentDictionary<int, (string Etag, byte[] Bytes)> Parts { get; } = new();
    }
}
