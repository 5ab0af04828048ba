using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MotionControl.Testing;

/// <summary>
/// Kling's two deduction ledgers (<c>POST /account/billing/package</c> and <c>/account/billing/balance</c>,
/// https://kling.ai/document-api/api/assets/billing-deduction/balance), as strict as the pages: without a cursor,
/// <c>start_time</c> and <c>end_time</c> (Unix ms, numbers or numeric strings) are required and increasing, <c>limit</c>
/// is 1–500 (default 500), filters name only the keys the ledger takes, and <c>package_name</c> excludes
/// <c>package_id</c>. The unit ledger holds one entry per succeeded task of the account created in the window, oldest
/// first, with the running balance of the one emulated resource pack; the emulated accounts pay in units, so the balance
/// ledger is always empty. A cursor carries the first page's query and the offset (it overrides everything else).
/// </summary>
internal static class KlingLedgers
{
    public const string PackageId = "509f3fd3d4ab4a3f9eec5db27aa44f27";

    public const string PackageName = "Video Generation - 10,000 entries";

    private const int MaxLimit = 500;

    private static readonly string[] BalanceKeys = ["api_key_name"];

    private static readonly string[] UnitKeys = ["api_key_name", "product_type", "package_name", "package_id"];

    public static EmulatorReply Units(VendorCall call, EmulatorState state, string provider, EmulatorAccount account) =>
        Page(call, UnitKeys, query => UnitEntries(state, provider, account, call.Now, query));

    public static EmulatorReply Balance(VendorCall call) =>
        Page(call, BalanceKeys, static _ => []);

    private static EmulatorReply Page(VendorCall call, string[] keys, Func<LedgerQuery, List<JsonObject>> entries)
    {
        if (!JsonWire.TryParseObject(call.Body, out var body))
        {
            return KlingReplies.Error(call, KlingErrorCodes.InvalidRequest, "Invalid request body: expected a JSON object");
        }

        int offset = 0;
        string queryJson = call.Body;
        if (BodyFields.GetString(body, "cursor") is { Length: > 0 } cursor)
        {
            if (!TryReadCursor(cursor, out offset, out queryJson) || !JsonWire.TryParseObject(queryJson, out body))
            {
                return KlingReplies.Error(call, KlingErrorCodes.InvalidParameter, "cursor is invalid");
            }
        }

        if (Read(body, keys) is not { } query)
        {
            return KlingReplies.Error(call, KlingErrorCodes.InvalidParameter, Problem(body, keys));
        }

        var all = entries(query);
        var page = all.Skip(offset).Take(query.Limit).ToList();
        bool hasMore = offset + page.Count < all.Count;
        var detail = new JsonArray();
        foreach (var entry in page)
        {
            detail.Add(entry);
        }

        return KlingReplies.Success(call, new JsonObject
        {
            ["result"] = new JsonObject { ["detail"] = detail, ["count"] = page.Count },
            ["next_cursor"] = hasMore ? WriteCursor(offset + page.Count, queryJson) : string.Empty,
            ["has_more"] = hasMore,
        });
    }

    private static List<JsonObject> UnitEntries(EmulatorState state, string provider, EmulatorAccount account, DateTimeOffset now, LedgerQuery query)
    {
        var result = new List<JsonObject>();
        decimal units = EmulatorBalances.StartOf(state, provider);
        var records = state.Tasks.Newest(provider, account.Name);
        records.Reverse();
        foreach (var record in records)
        {
            var seen = record.Observe(now, countAsPoll: false);
            if (seen.Status != EmulatedTaskStatus.Succeeded)
            {
                continue;
            }

            decimal charged = EmulatorBalances.KlingUnitsFor(record);
            decimal before = units;
            units -= charged;
            long created = record.CreatedAt.ToUnixTimeMilliseconds();
            if (created < query.Start || created > query.End || !query.Matches("api_key_name", account.Name)
                || !query.Matches("product_type", "video") || !query.Matches("package_id", PackageId) || !query.Matches("package_name", PackageName))
            {
                continue;
            }

            bool high = charged > 5;
            var entry = new JsonObject
            {
                ["package_id"] = PackageId,
                ["product_type"] = "video",
                ["task_id"] = record.Id,
                ["api_key_name"] = account.Name,
                ["product_function"] = "Motion Control",
                ["resolution"] = high ? "1080p" : "720p",
                ["duration"] = record.Outcome.VideoDurationSeconds.ToString("0.0#", CultureInfo.InvariantCulture),
                ["refer_video_input"] = true,
                ["video_sound"] = KeepsSound(record.Request) ? "original" : "off",
                ["voice_control"] = false,
                ["deduction_time"] = (seen.CompletedAt ?? seen.UpdatedAt).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                ["unit_before_deduction"] = before,
                ["deduction_amount"] = charged,
                ["unit_after_deduction"] = units,
            };
            if (BodyFields.GetString(record.Request, "model_name") is { } model)
            {
                entry["model_name"] = model;
            }

            result.Add(entry);
        }

        return result;
    }

    // Legacy keep_original_sound "yes"/"no"; API 2.0 settings.audio "original"/"off".
    private static bool KeepsSound(JsonElement request) =>
        BodyFields.GetString(request, "keep_original_sound") == "yes"
        || (BodyFields.TryGet(request, "settings", out var settings) && settings.ValueKind == JsonValueKind.Object && BodyFields.GetString(settings, "audio") == "original");

    private static LedgerQuery? Read(JsonElement body, string[] keys)
    {
        if (!TryLong(body, "start_time", out long start) || !TryLong(body, "end_time", out long end) || end <= start)
        {
            return null;
        }

        int limit = MaxLimit;
        if (BodyFields.TryGet(body, "limit", out var limitValue) && limitValue.ValueKind != JsonValueKind.Null
            && (limitValue.ValueKind != JsonValueKind.Number || !limitValue.TryGetInt32(out limit) || limit is < 1 or > MaxLimit))
        {
            return null;
        }

        var filters = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        if (BodyFields.TryGet(body, "filters", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            foreach (var filter in list.EnumerateArray())
            {
                if (filter.ValueKind != JsonValueKind.Object || BodyFields.GetString(filter, "key") is not { } key || !keys.Contains(key)
                    || !BodyFields.TryGet(filter, "values", out var values) || values.ValueKind != JsonValueKind.Array
                    || values.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
                {
                    return null;
                }

                var set = values.EnumerateArray().Select(v => v.GetString()!).ToHashSet(StringComparer.Ordinal);
                if (set.Count > 0)
                {
                    filters[key] = set;
                }
            }
        }

        return filters.ContainsKey("package_name") && filters.ContainsKey("package_id") ? null : new LedgerQuery(start, end, limit, filters);
    }

    private static string Problem(JsonElement body, string[] keys) =>
        !TryLong(body, "start_time", out long start) || !TryLong(body, "end_time", out long end)
            ? "start_time and end_time are required when cursor is empty (Unix ms)"
            : end <= start
                ? "end_time must be later than start_time"
                : $"limit must be 1-{MaxLimit}; filters[].key must be one of {string.Join(", ", keys)} with string values; package_name and package_id are mutually exclusive";

    private static bool TryLong(JsonElement body, string name, out long value)
    {
        value = 0;
        return BodyFields.TryGet(body, name, out var element) && element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt64(out value),
            JsonValueKind.String => long.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    private static string WriteCursor(int offset, string queryJson) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(offset.ToString(CultureInfo.InvariantCulture) + "|" + queryJson));

    private static bool TryReadCursor(string cursor, out int offset, out string queryJson)
    {
        offset = 0;
        queryJson = string.Empty;
        try
        {
            string text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            int bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar <= 0 || !int.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out offset))
            {
                return false;
            }

            queryJson = text[(bar + 1)..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private sealed record LedgerQuery(long Start, long End, int Limit, Dictionary<string, HashSet<string>> Filters)
    {
        public bool Matches(string key, string value) => !Filters.TryGetValue(key, out var values) || values.Contains(value);
    }
}
