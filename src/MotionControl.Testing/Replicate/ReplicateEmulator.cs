using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace MotionControl.Testing;

/// <summary>
/// Replicate: <c>POST /v1/models/kwaivgi/{kling-v2.6-motion-control|kling-v3-motion-control}/predictions</c> answers 201
/// with a <c>starting</c> prediction; <c>GET /v1/predictions/{id}</c> shows it <c>starting</c>, <c>processing</c>, then
/// <c>succeeded</c> (one output URI), <c>failed</c> (<c>error</c>) or <c>canceled</c>; <c>POST /v1/predictions/{id}/cancel</c>
/// cancels it; <c>POST /v1/files</c> stores an upload, whose <c>urls.get</c> a prediction takes as input and whose bytes
/// <c>GET /v1/files/{id}/download</c> serves.
/// </summary>
/// <remarks>
/// As strict as the reference (https://replicate.com/docs/reference/http) and the model schema
/// (https://replicate.com/kwaivgi/kling-v2.6-motion-control/api): the exact <c>Authorization: Bearer &lt;token&gt;</c>;
/// <c>input.image</c> and <c>input.video</c> required URIs (http(s), <c>data:</c>, or a file of this account);
/// <c>mode</c> std|pro, <c>character_orientation</c> image|video, <c>keep_original_sound</c> a boolean, <c>prompt</c> a
/// string; <c>webhook</c> an absolute URL and <c>webhook_events_filter</c> of start|output|logs|completed; a
/// <c>Cancel-After</c> of seconds, minutes and hours (<c>30</c>, <c>90s</c>, <c>1h30m45s</c>), at least 5 s, after which a
/// prediction still running is <c>canceled</c> and one never started <c>aborted</c>; <c>Prefer: wait[=1..60]</c> is
/// checked, not honoured (the reply never waits). Other input fields are accepted and ignored. (inferred) The 400 and 422
/// bodies' titles and <c>invalid_fields</c>, the 402 and 429 texts, a <c>version</c> of <c>hidden</c>, and cancelling an
/// ended prediction returning it as it ended (200). Predictions and files are scoped per account.
/// </remarks>
internal sealed partial class ReplicateEmulator : IErrorDialect, IAccountIdentifier
{
    private const string Owner = "kwaivgi";
    private static readonly string[] Models = ["kling-v2.6-motion-control", "kling-v3-motion-control"];
    private static readonly string[] Modes = ["std", "pro"];
    private static readonly string[] WebhookEvents = ["start", "output", "logs", "completed"];
    private static readonly TimeSpan MinCancelAfter = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FileLifetime = TimeSpan.FromDays(1);

    private readonly EmulatorState _state;
    private readonly ConcurrentDictionary<string, Prediction> _predictions = new(StringComparer.Ordinal);

    public ReplicateEmulator(EmulatorState state)
    {
        _state = state;
    }

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/models/{owner}/{name}/predictions", VendorEndpoint.Create(_state, EmulatorProviders.Replicate, EmulatorOperation.Create, this, this, Create));
        routes.MapGet("/v1/predictions/{id}", VendorEndpoint.Create(_state, EmulatorProviders.Replicate, EmulatorOperation.Get, this, this, Get));
        routes.MapPost("/v1/predictions/{id}/cancel", VendorEndpoint.Create(_state, EmulatorProviders.Replicate, EmulatorOperation.Cancel, this, this, Cancel));
        routes.MapPost("/v1/files", VendorEndpoint.Create(_state, EmulatorProviders.Replicate, EmulatorOperation.Upload, this, this, Upload, binaryBody: true));
        routes.MapGet("/v1/files/{id}", VendorEndpoint.Create(_state, EmulatorProviders.Replicate, EmulatorOperation.Get, this, this, FileInfo));
        routes.MapGet("/v1/files/{id}/download", VendorEndpoint.Create(_state, EmulatorProviders.Replicate, EmulatorOperation.Download, this, this, Download));
    }

    public EmulatorReply RateLimited(VendorCall call, TimeSpan retryAfter, int? klingCode)
    {
        long seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        return ReplicateReplies.Problem(429, "Request was throttled.", $"Request was throttled. Expected available in {seconds.ToString(CultureInfo.InvariantCulture)} second{(seconds == 1 ? string.Empty : "s")}.");
    }

    public EmulatorReply ServerError(VendorCall call, int statusCode) =>
        ReplicateReplies.Problem(statusCode, statusCode == 503 ? "Service Unavailable" : "Internal Server Error", "Something went wrong on our end. Please try again.");

    public EmulatorReply InsufficientCredits(VendorCall call) =>
        ReplicateReplies.Problem(402, "Insufficient credit", "You have insufficient credit to run this model. Go to https://replicate.com/account/billing#billing to purchase credit. Once you purchase credit, please wait a few minutes before retrying.");

    public EmulatorAccount? Identify(HttpRequest request, string body, DateTimeOffset now) =>
        BearerAuthenticator.Check(VendorCall.AuthorizationOf(request), _state.Accounts, EmulatorProviders.Replicate).Account;

    /// <summary>Reads <c>Cancel-After</c>: a bare number of seconds, or numbers with <c>h</c>, <c>m</c>, <c>s</c> combined; null when malformed.</summary>
    internal static TimeSpan? ParseCancelAfter(string text)
    {
        text = text.Trim();
        if (BareSeconds().IsMatch(text))
        {
            return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var bare) && bare < 1e9 ? TimeSpan.FromSeconds(bare) : null;
        }

        var parts = DurationParts().Matches(text);
        if (parts.Count == 0 || parts.Sum(p => p.Length) != text.Length)
        {
            return null;
        }

        double seconds = 0;
        foreach (Match part in parts)
        {
            var value = double.Parse(part.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            seconds += part.Groups[2].Value switch { "h" => value * 3600, "m" => value * 60, _ => value };
        }

        return seconds < 1e9 ? TimeSpan.FromSeconds(seconds) : null;
    }

    [GeneratedRegex(@"^\d+(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex BareSeconds();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(h|m|s)", RegexOptions.CultureInvariant)]
    private static partial Regex DurationParts();

    private static string NewId()
    {
        // Replicate's ids: 26 lowercase base-32 characters (a-z, 2-7).
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var random = RandomNumberGenerator.GetBytes(26);
        return string.Create(26, random, static (chars, bytes) =>
        {
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[bytes[i] % 32];
            }
        });
    }

    private EmulatorReply? Authenticate(VendorCall call, out EmulatorAccount account)
    {
        var (outcome, found) = BearerAuthenticator.Check(call.Authorization, _state.Accounts, EmulatorProviders.Replicate);
        account = found!;
        return outcome switch
        {
            BearerOutcome.Accepted => null,
            BearerOutcome.Missing => ReplicateReplies.Problem(401, "Unauthenticated", "You did not pass an authentication token"),
            _ => ReplicateReplies.Problem(401, "Unauthenticated", "You did not pass a valid authentication token"),
        };
    }

    private EmulatorReply Create(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        string owner = call.RouteValue("owner") ?? string.Empty;
        string name = call.RouteValue("name") ?? string.Empty;
        if (owner != Owner || !Models.Contains(name, StringComparer.Ordinal))
        {
            return ReplicateReplies.NotFound();
        }

        TimeSpan? cancelAfter = null;
        if (call.HttpContext.Request.Headers.TryGetValue("Cancel-After", out var deadlineHeader))
        {
            var text = deadlineHeader.ToString();
            cancelAfter = ParseCancelAfter(text);
            if (cancelAfter is null)
            {
                return ReplicateReplies.Problem(400, "Invalid Cancel-After header", $"'{text}' is not a duration: use seconds (30), or numbers with s, m and h (90s, 5m, 1h30m45s).");
            }

            if (cancelAfter < MinCancelAfter)
            {
                return ReplicateReplies.Problem(400, "Invalid Cancel-After header", $"'{text}' is shorter than the minimum of 5 seconds.");
            }
        }

        if (call.HttpContext.Request.Headers.TryGetValue("Prefer", out var prefer) && !IsValidPrefer(prefer.ToString()))
        {
            return ReplicateReplies.Problem(400, "Invalid Prefer header", "Prefer must be 'wait' or 'wait=n' with n between 1 and 60.");
        }

        if (!JsonWire.TryParseObject(call.Body, out var body))
        {
            return ReplicateReplies.Problem(400, "Bad request", "The request body must be a JSON object.");
        }

        if (Validate(body, account) is { } rejected)
        {
            return rejected;
        }

        var record = new EmulatedTaskRecord(
            EmulatorProviders.Replicate,
            account.Name,
            NewId(),
            externalTaskId: null,
            _state.Tasks.NextSequence(),
            call.Now,
            _state.Tasks.NextLifecycle(EmulatorProviders.Replicate, _state.DefaultLifecycle),
            body,
            call.RecordedBody);
        _predictions[record.Id] = new Prediction($"{Owner}/{name}", call.Now + cancelAfter);
        _state.Tasks.For(EmulatorProviders.Replicate).TryAdd(record);

        // Replicate posts the prediction to the webhook, signed with the account's secret; the emulator sends the
        // "completed" event only, so a filter without it gets nothing.
        _state.Callbacks.Track(
            record,
            SendsCompleted(body) ? BodyFields.GetString(body, "webhook") : null,
            (task, seen) => Json(task, seen, static word => word, _predictions.GetValueOrDefault(task.Id)?.Aborted == true),
            signed: true);

        var reply = Json(record, new TaskObservation(EmulatedTaskStatus.Queued, 0, 0, 0, call.Now, null), call);
        return EmulatorReply.FromJson(reply, 201);
    }

    private static bool SendsCompleted(JsonElement body) =>
        !body.TryGetProperty("webhook_events_filter", out var events) || events.ValueKind != JsonValueKind.Array ||
        events.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && e.GetString() == "completed");

    private static bool IsValidPrefer(string prefer)
    {
        if (prefer == "wait")
        {
            return true;
        }

        return prefer.StartsWith("wait=", StringComparison.Ordinal) &&
               int.TryParse(prefer.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out int seconds) &&
               seconds is >= 1 and <= 60;
    }

    private EmulatorReply? Validate(JsonElement body, EmulatorAccount account)
    {
        if (!body.TryGetProperty("input", out var input) || input.ValueKind != JsonValueKind.Object)
        {
            return ReplicateReplies.InvalidInput("input", "input is required and must be an object");
        }

        foreach (string field in (string[])["image", "video"])
        {
            if (!BodyFields.TryGet(input, field, out var value))
            {
                return ReplicateReplies.InvalidInput($"input.{field}", $"{field} is required");
            }

            if (value.ValueKind != JsonValueKind.String || CheckUri(value.GetString()!, account) is not null)
            {
                return ReplicateReplies.InvalidInput($"input.{field}", value.ValueKind == JsonValueKind.String
                    ? CheckUri(value.GetString()!, account)!
                    : $"Invalid type. Expected: string, given: {JsonKind(value)}");
            }
        }

        if (BodyFields.TryGet(input, "prompt", out var prompt) && prompt.ValueKind != JsonValueKind.String)
        {
            return ReplicateReplies.InvalidInput("input.prompt", $"Invalid type. Expected: string, given: {JsonKind(prompt)}");
        }

        if (BodyFields.CheckEnum(input, "mode", Modes, required: false) is not null)
        {
            return ReplicateReplies.InvalidInput("input.mode", "mode must be one of the following: \"std\", \"pro\"");
        }

        if (BodyFields.CheckEnum(input, "character_orientation", BodyFields.Orientations, required: false) is not null)
        {
            return ReplicateReplies.InvalidInput("input.character_orientation", "character_orientation must be one of the following: \"image\", \"video\"");
        }

        if (BodyFields.TryGet(input, "keep_original_sound", out var sound) && sound.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return ReplicateReplies.InvalidInput("input.keep_original_sound", $"Invalid type. Expected: boolean, given: {JsonKind(sound)}");
        }

        if (BodyFields.TryGet(body, "webhook", out var webhook) && (webhook.ValueKind != JsonValueKind.String || !BodyFields.IsHttpUrl(webhook.GetString())))
        {
            return ReplicateReplies.Problem(400, "Invalid webhook", "webhook must be an absolute HTTPS URL.");
        }

        if (BodyFields.TryGet(body, "webhook_events_filter", out var events) &&
            (events.ValueKind != JsonValueKind.Array || events.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String || !WebhookEvents.Contains(e.GetString(), StringComparer.Ordinal))))
        {
            return ReplicateReplies.Problem(400, "Invalid webhook_events_filter", "webhook_events_filter must be an array of: start, output, logs, completed.");
        }

        return null;
    }

    /// <summary>Why a URI input is refused, or null: http(s) anywhere (a file of this emulator must exist for the account), or a Base64 <c>data:</c> URL.</summary>
    private string? CheckUri(string text, EmulatorAccount account)
    {
        if (BodyFields.IsDataUri(text))
        {
            int comma = text.IndexOf(',', StringComparison.Ordinal);
            bool base64 = text[..comma].EndsWith(";base64", StringComparison.OrdinalIgnoreCase);
            return !base64 || !IsBase64(text.AsSpan(comma + 1)) ? "the data URL is not valid Base64" : null;
        }

        if (!BodyFields.IsHttpUrl(text))
        {
            return "Does not match format 'uri'";
        }

        var files = _state.AbsoluteUrl("v1/files/");
        if (text.StartsWith(files, StringComparison.Ordinal))
        {
            var id = text[files.Length..];
            return _state.ReplicateFiles.Find(id, account.Name) is null ? $"the file {id} does not exist" : null;
        }

        return null;
    }

    private static bool IsBase64(ReadOnlySpan<char> text)
    {
        var buffer = new byte[(text.Length / 4 * 3) + 3];
        return text.Length > 0 && Convert.TryFromBase64Chars(text, buffer, out _);
    }

    private static string JsonKind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => "number",
        JsonValueKind.String => "string",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => "null",
    };

    /// <summary>Observes a prediction, applying its <c>Cancel-After</c> deadline first: a task still running then is canceled at that instant, one not yet started aborted.</summary>
    private (TaskObservation Observation, bool Aborted) Observe(EmulatedTaskRecord record, DateTimeOffset now, bool countAsPoll)
    {
        var prediction = _predictions.GetValueOrDefault(record.Id);
        if (prediction?.Deadline is { } deadline && now >= deadline && !prediction.DeadlineApplied)
        {
            lock (prediction)
            {
                if (!prediction.DeadlineApplied)
                {
                    var before = record.Observe(deadline, countAsPoll: false);
                    if (!before.IsTerminal && record.TryCancel(deadline, out _))
                    {
                        prediction.Aborted = before.Status == EmulatedTaskStatus.Queued;
                    }

                    prediction.DeadlineApplied = true;
                }
            }
        }

        var observation = record.Observe(now, countAsPoll);
        if (observation.Status == EmulatedTaskStatus.Processing && prediction is not null)
        {
            prediction.StartedAt ??= observation.UpdatedAt;
        }

        return (observation, prediction?.Aborted == true);
    }

    private JsonObject Json(EmulatedTaskRecord record, TaskObservation observation, VendorCall call, bool aborted = false) =>
        Json(record, observation, call.StatusWord, aborted);

    /// <summary>The prediction as a read, the create and a webhook show it; <paramref name="statusWord"/> lets a fault change the word.</summary>
    private JsonObject Json(EmulatedTaskRecord record, TaskObservation observation, Func<string, string> statusWord, bool aborted)
    {
        var prediction = _predictions.GetValueOrDefault(record.Id);
        var word = observation.Status switch
        {
            EmulatedTaskStatus.Queued => "starting",
            EmulatedTaskStatus.Processing => "processing",
            EmulatedTaskStatus.Succeeded => "succeeded",
            EmulatedTaskStatus.Canceled => aborted ? "aborted" : "canceled",
            _ => "failed",
        };
        var getUrl = _state.AbsoluteUrl($"v1/predictions/{record.Id}");
        var json = new JsonObject
        {
            ["id"] = record.Id,
            ["model"] = prediction?.Model ?? $"{Owner}/{Models[0]}",
            ["version"] = "hidden",
            ["input"] = record.Request.TryGetProperty("input", out var input) ? JsonNode.Parse(input.GetRawText()) : null,
            ["logs"] = observation.Status switch
            {
                EmulatedTaskStatus.Queued => string.Empty,
                EmulatedTaskStatus.Processing => "Generating video...\n",
                _ => "Generating video...\nDone.\n",
            },
            ["output"] = null,
            ["data_removed"] = false,
            ["error"] = null,
            ["status"] = statusWord(word),
            ["created_at"] = JsonWire.Iso8601(record.CreatedAt),
            ["urls"] = new JsonObject
            {
                ["cancel"] = getUrl + "/cancel",
                ["get"] = getUrl,
                ["web"] = $"https://replicate.com/p/{record.Id}",
            },
        };

        var started = prediction?.StartedAt ?? (observation.Status == EmulatedTaskStatus.Processing ? observation.UpdatedAt : (DateTimeOffset?)null);
        if (observation.IsTerminal && !aborted)
        {
            started ??= record.CreatedAt;
        }

        if (started is { } startedAt)
        {
            json["started_at"] = JsonWire.Iso8601(startedAt);
        }

        if (observation.CompletedAt is { } completedAt)
        {
            json["completed_at"] = JsonWire.Iso8601(completedAt);
            json["metrics"] = new JsonObject
            {
                ["predict_time"] = Math.Round(((completedAt - (started ?? completedAt)).TotalSeconds), 6),
                ["total_time"] = Math.Round((completedAt - record.CreatedAt).TotalSeconds, 6),
            };
        }

        if (observation.Status == EmulatedTaskStatus.Succeeded)
        {
            int count = record.Outcome.VideoCount;
            json["output"] = count switch
            {
                0 => null,
                1 => _state.VideoUrl(EmulatorProviders.Replicate, record.Id, 0, watermarked: false),
                _ => new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode?)_state.VideoUrl(EmulatorProviders.Replicate, record.Id, i, watermarked: false))]),
            };
        }
        else if (observation.Status == EmulatedTaskStatus.Failed)
        {
            json["error"] = record.Outcome.Message ?? "Prediction failed.";
        }

        return json;
    }

    private EmulatorReply Get(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        var record = _state.Tasks.Find(EmulatorProviders.Replicate, call.RouteValue("id") ?? string.Empty, matchExternalId: false, account.Name);
        if (record is null)
        {
            return ReplicateReplies.NotFound();
        }

        var (observation, aborted) = Observe(record, call.Now, countAsPoll: true);
        return EmulatorReply.FromJson(Json(record, observation, call, aborted));
    }

    private EmulatorReply Cancel(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        var record = _state.Tasks.Find(EmulatorProviders.Replicate, call.RouteValue("id") ?? string.Empty, matchExternalId: false, account.Name);
        if (record is null)
        {
            return ReplicateReplies.NotFound();
        }

        // The deadline first (a prediction it already ended stays as it ended), then the cancel, which leaves an ended one as it is.
        var (_, aborted) = Observe(record, call.Now, countAsPoll: false);
        record.TryCancel(call.Now, out var observation);
        return EmulatorReply.FromJson(Json(record, observation, call, aborted));
    }

    private EmulatorReply Upload(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        if (!MediaTypeHeaderValue.TryParse(call.HttpContext.Request.ContentType, out var type) ||
            !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) ||
            HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return ReplicateReplies.Problem(400, "Bad request", "The request must be multipart/form-data.");
        }

        string? fileName = null;
        string? contentType = null;
        byte[]? content = null;
        var parts = MultipartParts(call.BodyBytes ?? [], boundary);
        if (parts is null)
        {
            return ReplicateReplies.Problem(400, "Bad request", "The multipart body could not be read.");
        }

        foreach (var (headers, bytes) in parts)
        {
            var dispositionText = headers.GetValueOrDefault("content-disposition");
            if (!ContentDispositionHeaderValue.TryParse(dispositionText, out var disposition))
            {
                continue;
            }

            switch (HeaderUtilities.RemoveQuotes(disposition.Name).Value)
            {
                case "content":
                    content = bytes;
                    fileName ??= HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value is { Length: > 0 } star ? star : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    contentType ??= headers.GetValueOrDefault("content-type");
                    break;
                case "filename":
                    fileName = System.Text.Encoding.UTF8.GetString(bytes);
                    break;
                case "type":
                    contentType = System.Text.Encoding.UTF8.GetString(bytes);
                    break;
            }
        }

        if (content is null)
        {
            return ReplicateReplies.Problem(400, "Bad request", "The content part is required.");
        }

        if (string.IsNullOrEmpty(fileName) || System.Text.Encoding.UTF8.GetByteCount(fileName) > 255)
        {
            return ReplicateReplies.Problem(400, "Bad request", "A filename of at most 255 bytes is required.");
        }

        var file = new ReplicateStoredFile(NewId(), account.Name, fileName, contentType ?? "application/octet-stream", content, call.Now);
        _state.ReplicateFiles.Add(file);
        return EmulatorReply.FromJson(FileJson(file), 201);
    }

#pragma warning disable CA5351 // MD5 is Replicate's etag and checksum, not a security measure.
    private JsonObject FileJson(ReplicateStoredFile file) => new()
    {
        ["id"] = file.Id,
        ["name"] = file.Name,
        ["content_type"] = file.ContentType,
        ["size"] = file.Content.Length,
        ["etag"] = Hex(MD5.HashData(file.Content)),
        ["checksums"] = new JsonObject
        {
            ["sha256"] = Hex(SHA256.HashData(file.Content)),
            ["md5"] = Hex(MD5.HashData(file.Content)),
        },
        ["metadata"] = new JsonObject(),
        ["created_at"] = JsonWire.Iso8601(file.CreatedAt),
        ["expires_at"] = JsonWire.Iso8601(file.CreatedAt + FileLifetime),
        ["urls"] = new JsonObject { ["get"] = _state.AbsoluteUrl($"v1/files/{file.Id}") },
    };
#pragma warning restore CA5351

    private EmulatorReply FileInfo(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        return _state.ReplicateFiles.Find(call.RouteValue("id") ?? string.Empty, account.Name) is { } file
            ? EmulatorReply.FromJson(FileJson(file))
            : ReplicateReplies.NotFound();
    }

    private EmulatorReply Download(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        return _state.ReplicateFiles.Find(call.RouteValue("id") ?? string.Empty, account.Name) is { } file
            ? EmulatorReply.FromBytes(200, file.Content, file.ContentType)
            : ReplicateReplies.NotFound();
    }

    /// <summary>The parts of a <c>multipart/form-data</c> body (RFC 7578): each part's headers (lower-case names) and bytes; null when malformed.</summary>
    private static List<(Dictionary<string, string> Headers, byte[] Body)>? MultipartParts(byte[] body, string boundary)
    {
        var delimiter = System.Text.Encoding.ASCII.GetBytes("--" + boundary);
        var parts = new List<(Dictionary<string, string>, byte[])>();
        int position = IndexOf(body, delimiter, 0);
        if (position < 0)
        {
            return null;
        }

        while (true)
        {
            position += delimiter.Length;
            if (position + 2 <= body.Length && body[position] == '-' && body[position + 1] == '-')
            {
                return parts;
            }

            // Past the CRLF that ends the delimiter line: the part's headers, a blank line, then its body up to CRLF--boundary.
            position = IndexOf(body, "\r\n"u8.ToArray(), position);
            int headersEnd = position < 0 ? -1 : IndexOf(body, "\r\n\r\n"u8.ToArray(), position);
            if (headersEnd < 0)
            {
                return null;
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in System.Text.Encoding.UTF8.GetString(body, position + 2, Math.Max(0, headersEnd - position - 2)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
            {
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
                }
            }

            int bodyStart = headersEnd + 4;
            int next = IndexOf(body, [.. "\r\n"u8, .. delimiter], bodyStart);
            if (next < 0)
            {
                return null;
            }

            parts.Add((headers, body[bodyStart..next]));
            position = next + 2;
        }
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int start) =>
        start > haystack.Length ? -1 : haystack.AsSpan(start).IndexOf(needle) is var found and >= 0 ? start + found : -1;

    private static string Hex(byte[] hash) => string.Concat(hash.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    /// <summary>What the emulator keeps of a prediction beyond its task record.</summary>
    private sealed class Prediction(string model, DateTimeOffset? deadline)
    {
        public string Model { get; } = model;

        public DateTimeOffset? Deadline { get; } = deadline;

        public bool DeadlineApplied { get; set; }

        public bool Aborted { get; set; }

        public DateTimeOffset? StartedAt { get; set; }
    }
}
