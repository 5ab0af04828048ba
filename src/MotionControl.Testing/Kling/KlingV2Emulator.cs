using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MotionControl.Testing;

/// <summary>
/// Kling's API 2.0 motion-control contract, beside the legacy one on the same host and under the same provider name:
/// <c>POST /motion-control/kling-3.0|kling-2.6</c> (create), <c>GET /tasks?task_ids=…|external_task_ids=…</c> (batch
/// get) and <c>POST /tasks</c> (cursor list). API key bearer only. The tasks are Kling's, in the same per-account store,
/// with the same scripted lifecycles, faults and request log as the legacy routes (so a legacy task shows here too, and
/// an API 2.0 task on the legacy get).
/// </summary>
internal sealed class KlingV2Emulator : IAccountIdentifier
{
    /// <summary>The documented most ids a batch get takes.</summary>
    public const int MaxBatchIds = 20;

    public const int DefaultListLimit = 100;

    public const int MaxListLimit = 500;

    private static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(30);
    private static readonly string[] ListFields = ["start_time", "end_time", "cursor", "limit", "filters"];
    private static readonly string[] FilterFields = ["key", "values"];

    private readonly EmulatorState _state;
    private readonly IErrorDialect _dialect;

    /// <param name="state">The emulator's state.</param>
    /// <param name="dialect">How injected faults are worded: the legacy Kling routes' dialect, so both contracts answer alike.</param>
    public KlingV2Emulator(EmulatorState state, IErrorDialect dialect)
    {
        _state = state;
        _dialect = dialect;
    }

    private static string Provider => EmulatorProviders.Kling;

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/motion-control/kling-3.0", Endpoint(EmulatorOperation.Create, call => Create(call, elementsAllowed: true)));
        routes.MapPost("/motion-control/kling-2.6", Endpoint(EmulatorOperation.Create, call => Create(call, elementsAllowed: false)));
        routes.MapGet("/tasks", Endpoint(EmulatorOperation.Get, BatchGet));
        routes.MapPost("/tasks", Endpoint(EmulatorOperation.List, List));
    }

    public EmulatorAccount? Identify(HttpRequest request, string body, DateTimeOffset now) =>
        KlingAuthenticator.CheckApiKey(VendorCall.AuthorizationOf(request), _state.Accounts).Account;

    private RequestDelegate Endpoint(EmulatorOperation operation, Func<VendorCall, EmulatorReply> handler) =>
        VendorEndpoint.Create(_state, Provider, operation, _dialect, this, handler);

    private EmulatorReply? Authenticate(VendorCall call, out EmulatorAccount account)
    {
        var result = KlingAuthenticator.CheckApiKey(call.Authorization, _state.Accounts);
        account = result.Account!;
        return result.Account is null ? KlingReplies.Error(call, result.Code, result.Message, StatusCodes.Status401Unauthorized) : null;
    }

    private EmulatorReply Create(VendorCall call, bool elementsAllowed)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        if (!JsonWire.TryParseObject(call.Body, out var body))
        {
            return KlingReplies.Error(call, KlingErrorCodes.InvalidRequest, "Invalid request body: expected a JSON object");
        }

        if (KlingV2BodyValidator.Validate(body, elementsAllowed) is { } problem)
        {
            return Invalid(call, problem);
        }

        if (_state.RequireKnownElements && KlingElementStore.V2ElementId(body) is { } elementId && !_state.Elements.IsBindable(elementId, account.Name, call.Now))
        {
            return KlingEmulator.ElementNotFound(call, elementId);
        }

        string? externalId = BodyFields.TryGet(body, "options", out var options) ? BodyFields.GetString(options, "external_task_id") : null;
        var tasks = _state.Tasks.For(Provider);

        // Checked before a scripted lifecycle is taken, so a rejected duplicate does not use up the next script.
        if (externalId is not null && tasks.ByExternalId.ContainsKey((account.Name, externalId)))
        {
            return DuplicateExternalId(call, externalId);
        }

        long sequence = _state.Tasks.NextSequence();
        var record = new EmulatedTaskRecord(
            Provider,
            account.Name,
            KlingEmulator.TaskIdFor(sequence),
            externalId,
            sequence,
            call.Now,
            _state.Tasks.NextLifecycle(Provider, _state.DefaultLifecycle),
            body,
            call.RecordedBody);
        if (!tasks.TryAdd(record))
        {
            return DuplicateExternalId(call, externalId!);
        }

        var callbackUrl = BodyFields.TryGet(body, "options", out var taskOptions) && taskOptions.ValueKind == JsonValueKind.Object ? BodyFields.GetString(taskOptions, "callback_url") : null;
        _state.Callbacks.Track(record, callbackUrl, (task, seen) => KlingV2TaskJson.Write(task, seen, _state), signed: true);

        return KlingReplies.Success(call, KlingV2TaskJson.Created(record, call));
    }

    // Every task found counts as a poll; an id of no task of the caller's is left out, in the order the ids were asked.
    private EmulatorReply BatchGet(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        var query = call.HttpContext.Request.Query;
        bool byTaskId = query.ContainsKey("task_ids");
        bool byExternalId = query.ContainsKey("external_task_ids");
        if (byTaskId == byExternalId)
        {
            return Invalid(call, byTaskId
                ? "Invalid parameter: task_ids and external_task_ids are mutually exclusive; give one"
                : "Invalid parameter: task_ids or external_task_ids is required");
        }

        string name = byTaskId ? "task_ids" : "external_task_ids";
        var ids = query[name].ToString()
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (ids.Count == 0)
        {
            return Invalid(call, $"Invalid parameter: {name} is empty");
        }

        if (ids.Count > MaxBatchIds)
        {
            return Invalid(call, $"Invalid parameter: {name} takes at most {MaxBatchIds} ids, not {ids.Count}");
        }

        var tasks = _state.Tasks.For(Provider);
        var now = call.Now;
        var data = new JsonArray();
        foreach (string id in ids)
        {
            EmulatedTaskRecord? record = byTaskId
                ? _state.Tasks.Find(Provider, id, matchExternalId: false, account.Name)
                : tasks.ByExternalId.TryGetValue((account.Name, id), out var byExternal) ? byExternal : null;
            if (record is not null)
            {
                data.Add(KlingV2TaskJson.Write(record, record.Observe(now, countAsPoll: true), call));
            }
        }

        return KlingReplies.Success(call, data);
    }

    private EmulatorReply List(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        JsonElement body = default;
        bool hasBody = !string.IsNullOrWhiteSpace(call.Body);
        if (hasBody && !JsonWire.TryParseObject(call.Body, out body))
        {
            return KlingReplies.Error(call, KlingErrorCodes.InvalidRequest, "Invalid request body: expected a JSON object");
        }

        ListQuery query;
        if (hasBody)
        {
            if (ReadListQuery(body, call.Now, out query) is { } problem)
            {
                return Invalid(call, problem);
            }
        }
        else
        {
            long nowMs = call.Now.ToUnixTimeMilliseconds();
            query = new ListQuery(nowMs - (long)DefaultWindow.TotalMilliseconds, nowMs, long.MaxValue, DefaultListLimit, null, null);
        }

        var now = call.Now;
        var page = new List<(EmulatedTaskRecord Record, TaskObservation Observation)>(Math.Min(query.Limit, 64) + 1);
        foreach (var record in _state.Tasks.Newest(Provider, account.Name))
        {
            long created = record.CreatedAt.ToUnixTimeMilliseconds();
            if (record.Sequence >= query.Before || created < query.Start || created > query.End)
            {
                continue;
            }

            if (query.ProductTypes is { } productTypes && !productTypes.Contains(KlingV2TaskJson.ProductType))
            {
                continue;
            }

            var observation = record.Observe(now, countAsPoll: false);
            if (query.Statuses is { } statuses && !statuses.Contains(KlingV2TaskJson.StatusWord(observation.Status)))
            {
                continue;
            }

            page.Add((record, observation));
            if (page.Count > query.Limit)
            {
                break;
            }
        }

        bool hasMore = page.Count > query.Limit;
        if (hasMore)
        {
            page.RemoveAt(page.Count - 1);
        }

        var result = new JsonArray();
        foreach (var (record, observation) in page)
        {
            result.Add(KlingV2TaskJson.Write(record, observation, call));
        }

        return KlingReplies.Success(call, new JsonObject
        {
            ["result"] = result,
            ["count"] = page.Count,
            ["next_cursor"] = hasMore ? EncodeCursor(page[^1].Record.Sequence, query.Start, query.End) : string.Empty,
            ["has_more"] = hasMore,
        });
    }

    private static string? ReadListQuery(JsonElement body, DateTimeOffset now, out ListQuery query)
    {
        query = default;
        foreach (var property in body.EnumerateObject())
        {
            if (!ListFields.Contains(property.Name, StringComparer.Ordinal))
            {
                return $"unknown field: {property.Name}";
            }
        }

        if (ReadMilliseconds(body, "start_time", out long? startMs) is { } startProblem)
        {
            return startProblem;
        }

        if (ReadMilliseconds(body, "end_time", out long? endMs) is { } endProblem)
        {
            return endProblem;
        }

        int limit = DefaultListLimit;
        if (BodyFields.TryGet(body, "limit", out var limitValue) &&
            (limitValue.ValueKind != JsonValueKind.Number || !limitValue.TryGetInt32(out limit) || limit < 1 || limit > MaxListLimit))
        {
            return $"Invalid parameter: limit must be an integer in [1, {MaxListLimit}]";
        }

        HashSet<string>? statuses = null, productTypes = null;
        if (BodyFields.TryGet(body, "filters", out var filters) && ReadFilters(filters, ref statuses, ref productTypes) is { } filterProblem)
        {
            return filterProblem;
        }

        string? cursor = null;
        if (BodyFields.TryGet(body, "cursor", out var cursorValue))
        {
            if (cursorValue.ValueKind != JsonValueKind.String)
            {
                return $"cursor must be a string, not {BodyFields.Describe(cursorValue)}";
            }

            cursor = cursorValue.GetString();
        }

        // A cursor carries the window of the first page; start_time and end_time are then ignored, as documented.
        if (!string.IsNullOrEmpty(cursor))
        {
            if (!TryDecodeCursor(cursor, out long before, out long cursorStart, out long cursorEnd))
            {
                return "Invalid parameter: cursor is not a next_cursor this API returned";
            }

            query = new ListQuery(cursorStart, cursorEnd, before, limit, statuses, productTypes);
            return null;
        }

        long end = endMs ?? now.ToUnixTimeMilliseconds();
        long start = startMs ?? end - (long)DefaultWindow.TotalMilliseconds;
        if (start >= end)
        {
            return "Invalid parameter: start_time must be before end_time";
        }

        query = new ListQuery(start, end, long.MaxValue, limit, statuses, productTypes);
        return null;
    }

    // Milliseconds since the epoch, as a JSON number or a string of digits (the documented form).
    private static string? ReadMilliseconds(JsonElement body, string name, out long? milliseconds)
    {
        milliseconds = null;
        if (!BodyFields.TryGet(body, name, out var value))
        {
            return null;
        }

        long parsed = -1;
        bool ok = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out parsed),
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out parsed),
            _ => false,
        };

        if (!ok || parsed < 0)
        {
            return $"Invalid parameter: {name} must be Unix milliseconds, a string of digits or an integer";
        }

        milliseconds = parsed;
        return null;
    }

    private static string? ReadFilters(JsonElement filters, ref HashSet<string>? statuses, ref HashSet<string>? productTypes)
    {
        if (filters.ValueKind != JsonValueKind.Array)
        {
            return $"filters must be an array, not {BodyFields.Describe(filters)}";
        }

        int index = 0;
        foreach (var filter in filters.EnumerateArray())
        {
            string at = $"filters[{index++}]";
            if (filter.ValueKind != JsonValueKind.Object)
            {
                return $"{at} must be an object {{\"key\", \"values\"}}, not {BodyFields.Describe(filter)}";
            }

            foreach (var property in filter.EnumerateObject())
            {
                if (!FilterFields.Contains(property.Name, StringComparer.Ordinal))
                {
                    return $"unknown field: {at}.{property.Name}";
                }
            }

            string? key = BodyFields.GetString(filter, "key");
            if (key is not ("status" or "product_type"))
            {
                return $"Invalid parameter: {at}.key must be one of: status, product_type";
            }

            if (!BodyFields.TryGet(filter, "values", out var values) || values.ValueKind != JsonValueKind.Array || values.GetArrayLength() == 0 ||
                values.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
            {
                return $"Invalid parameter: {at}.values must be a non-empty array of strings";
            }

            var words = values.EnumerateArray().Select(v => v.GetString()!).ToHashSet(StringComparer.Ordinal);
            if (key == "status")
            {
                if (words.FirstOrDefault(w => !KlingV2TaskJson.StatusWords.Contains(w, StringComparer.Ordinal)) is { } unknown)
                {
                    return $"Invalid parameter: {at}: unknown status '{unknown}'; use {string.Join(", ", KlingV2TaskJson.StatusWords)}";
                }

                // Two filters on one key must both hold.
                statuses = statuses is null ? words : [.. statuses.Intersect(words, StringComparer.Ordinal)];
            }
            else
            {
                productTypes = productTypes is null ? words : [.. productTypes.Intersect(words, StringComparer.Ordinal)];
            }
        }

        return null;
    }

    // Opaque to clients: Base64url of "<sequence of the last task shown>.<window start ms>.<window end ms>". A keyset
    // rather than an offset, so tasks created while a client pages do not shift the pages it has not read yet.
    private static string EncodeCursor(long lastSequence, long start, long end)
    {
        string text = string.Create(CultureInfo.InvariantCulture, $"{lastSequence}.{start}.{end}");
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static bool TryDecodeCursor(string cursor, out long before, out long start, out long end)
    {
        before = start = end = 0;
        string base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 += (base64.Length % 4) switch { 2 => "==", 3 => "=", _ => string.Empty };
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out int written))
        {
            return false;
        }

        string[] parts = Encoding.ASCII.GetString(bytes, 0, written).Split('.');
        return parts.Length == 3 &&
               long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out before) &&
               long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out start) &&
               long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out end);
    }

    private static EmulatorReply Invalid(VendorCall call, string message) =>
        KlingReplies.Error(call, KlingErrorCodes.InvalidParameter, message);

    private static EmulatorReply DuplicateExternalId(VendorCall call, string externalId) =>
        Invalid(call, $"Invalid parameter: external_task_id '{externalId}' already exists");

    /// <summary>One cursor-list request: the creation window in Unix milliseconds (inclusive), the keyset bound, the page size and the filters (null: any).</summary>
    private readonly record struct ListQuery(
        long Start,
        long End,
        long Before,
        int Limit,
        HashSet<string>? Statuses,
        HashSet<string>? ProductTypes);
}
