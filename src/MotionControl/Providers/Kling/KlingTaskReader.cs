using System.Text.Json;
using System.Text.Unicode;
using MotionControl.Http;
using MotionControl.Serialization;
using static MotionControl.Serialization.WireTokens;

namespace MotionControl.Providers.Kling;

/// <summary>
/// Reads the common shape of a successful legacy Kling task reply (create, query) for the neutral client straight from
/// its bytes with System.Text.Json's <see cref="Utf8JsonReader"/>: HTTP 2xx, a numeric <c>code</c> 0, and the task's
/// documented members with the tokens their DTO members accept, each once. Anything else, including every reply the
/// DTOs would refuse, is not read here (<see langword="false"/>), and goes through the DTO path as before, so errors,
/// their messages and every edge case stay that path's.
/// </summary>
/// <remarks>
/// Written by hand because no library reads into the neutral task without the wire DTOs: those are immutable public
/// records, which System.Text.Json's source-generated metadata fills through its constructor-argument path (argument
/// state, an argument array, boxed numbers, a frame stack for each nested object), on top of the envelope, task and
/// <c>task_info</c> objects and the strings the neutral task never uses. That is about 1 KB per Kling round trip
/// (docs/performance.md). The rules kept to stay exactly the DTO path's reading: property names match as the DTOs'
/// (exact case, escapes allowed), a known property must have a token its DTO member accepts and may appear only once,
/// unknown properties are skipped, strings are valid UTF-8, and nothing may follow the object.
/// </remarks>
internal static class KlingTaskReader
{
    /// <summary>Status words Kling sends, so the usual ones cost no string per reply.</summary>
    private static readonly string[] KnownStatuses = ["submitted", "processing", "succeed", "failed"];

    /// <summary>Reads <paramref name="reply"/> when it has the common shape; <see langword="false"/> sends it to the DTO path.</summary>
    /// <param name="reply">The reply (its body without a byte order mark is read).</param>
    /// <param name="task">The task's fields, and its JSON as a slice of the reply.</param>
    /// <returns>True when read.</returns>
    public static bool TryRead(VendorReply reply, out KlingTaskRead task)
    {
        task = default;
        if (!reply.IsSuccessStatusCode)
        {
            return false;
        }

        try
        {
            return TryReadEnvelope(reply.Json, reply.Context.TaskId, out task);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON, or a string that is not text: the DTO path says what is wrong with it.
            task = default;
            return false;
        }
    }

    private static bool TryReadEnvelope(ReadOnlyMemory<byte> json, string? knownId, out KlingTaskRead task)
    {
        task = default;
        var reader = new Utf8JsonReader(json.Span);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var seen = 0;
        var read = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("code"u8))
            {
                if (!First(ref seen, 1) || !reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var code) || code != 0)
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                if (!First(ref seen, 2) || !reader.Read() || !SkipText(ref reader))
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("request_id"u8))
            {
                if (!First(ref seen, 4) || !reader.Read() || !SkipText(ref reader))
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                if (!First(ref seen, 8) || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return false;
                }

                var start = (int)reader.TokenStartIndex;
                if (!TryReadTask(ref reader, json, knownId, out var fields))
                {
                    return false;
                }

                task = fields with { Raw = new LazyJson(json[start..(int)reader.BytesConsumed]) };
                read = true;
            }
            else
            {
                reader.Skip();
            }
        }

        // The code and the data were there, the object ended, and nothing but white space follows it.
        return read && (seen & 1) != 0 && reader.TokenType == JsonTokenType.EndObject && !reader.Read();
    }

    private static bool TryReadTask(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json, string? knownId, out KlingTaskRead task)
    {
        task = default;
        var seen = 0;
        string? id = null;
        string? status = null;
        string? statusMessage = null;
        string? externalId = null;
        ReadOnlyMemory<byte> externalIdUtf8 = default;
        string? unitDeduction = null;
        IReadOnlyList<KlingVideo>? videos = null;
        KlingBalanceDeduction? balanceDeduction = null;
        long? createdAt = null;
        long? updatedAt = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("task_id"u8))
            {
                ok = First(ref seen, 1) && reader.Read() && NumberOrString(ref reader, knownId, out id);
            }
            else if (reader.ValueTextEquals("task_status"u8))
            {
                ok = First(ref seen, 2) && reader.Read() && KnownText(ref reader, KnownStatuses, out status);
            }
            else if (reader.ValueTextEquals("task_status_msg"u8))
            {
                ok = First(ref seen, 4) && reader.Read() && Text(ref reader, out statusMessage);
            }
            else if (reader.ValueTextEquals("task_info"u8))
            {
                ok = First(ref seen, 8) && reader.Read() && TaskInfo(ref reader, json, out externalId, out externalIdUtf8);
            }
            else if (reader.ValueTextEquals("watermark_info"u8))
            {
                ok = First(ref seen, 16) && reader.Read() && WatermarkInfo(ref reader);
            }
            else if (reader.ValueTextEquals("final_unit_deduction"u8))
            {
                ok = First(ref seen, 32) && reader.Read() && NumberOrString(ref reader, null, out unitDeduction);
            }
            else if (reader.ValueTextEquals("created_at"u8))
            {
                ok = First(ref seen, 64) && reader.Read() && Int64(ref reader, out createdAt);
            }
            else if (reader.ValueTextEquals("updated_at"u8))
            {
                ok = First(ref seen, 128) && reader.Read() && Int64(ref reader, out updatedAt);
            }
            else if (reader.ValueTextEquals("task_result"u8))
            {
                ok = First(ref seen, 256) && reader.Read() && TaskResult(ref reader, out videos);
            }
            else if (reader.ValueTextEquals("final_balance_deduction"u8))
            {
                ok = First(ref seen, 512) && reader.Read() && BalanceDeduction(ref reader, out balanceDeduction);
            }
            else
            {
                reader.Skip();
                ok = true;
            }

            if (!ok)
            {
                return false;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || id is not { Length: > 0 })
        {
            return false;
        }

        task = new KlingTaskRead
        {
            TaskId = id,
            TaskStatus = status,
            TaskStatusMessage = statusMessage,
            ExternalTaskId = externalId,
            ExternalTaskIdUtf8 = externalIdUtf8,
            Videos = videos,
            FinalUnitDeduction = unitDeduction,
            FinalBalanceDeduction = balanceDeduction,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
            Raw = null!,
        };
        return true;
    }

    /// <summary><c>task_info</c>: null, or an object whose <c>external_task_id</c> is a string or null.</summary>
    private static bool TaskInfo(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json, out string? text, out ReadOnlyMemory<byte> utf8)
    {
        text = null;
        utf8 = default;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return reader.TokenType == JsonTokenType.Null;
        }

        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("external_task_id"u8))
            {
                reader.Skip();
                continue;
            }

            if (!First(ref seen, 1) || !reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.Length > 0)
            {
                // Kept as bytes: the mapping reuses the id the create sent when the reply echoes it.
                if (!Utf8.IsValid(reader.ValueSpan))
                {
                    return false;
                }

                utf8 = json.Slice((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
            }
            else if (!Text(ref reader, out text))
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    /// <summary><c>task_result</c>: null, or an object whose <c>videos</c> is null or an array of videos (or nulls).</summary>
    private static bool TaskResult(ref Utf8JsonReader reader, out IReadOnlyList<KlingVideo>? videos)
    {
        videos = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return reader.TokenType == JsonTokenType.Null;
        }

        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("videos"u8))
            {
                reader.Skip();
                continue;
            }

            if (!First(ref seen, 1) || !reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return false;
            }

            var list = new List<KlingVideo>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (!Video(ref reader, out var video))
                {
                    return false;
                }

                list.Add(video!);
            }

            videos = list;
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    /// <summary>One item of <c>task_result.videos</c>: null, or a video.</summary>
    private static bool Video(ref Utf8JsonReader reader, out KlingVideo? video)
    {
        video = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return reader.TokenType == JsonTokenType.Null;
        }

        var seen = 0;
        string? id = null, url = null, watermarkUrl = null, duration = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("id"u8))
            {
                ok = First(ref seen, 1) && reader.Read() && NumberOrString(ref reader, null, out id);
            }
            else if (reader.ValueTextEquals("url"u8))
            {
                ok = First(ref seen, 2) && reader.Read() && Text(ref reader, out url);
            }
            else if (reader.ValueTextEquals("watermark_url"u8))
            {
                ok = First(ref seen, 4) && reader.Read() && Text(ref reader, out watermarkUrl);
            }
            else if (reader.ValueTextEquals("duration"u8))
            {
                ok = First(ref seen, 8) && reader.Read() && NumberOrString(ref reader, null, out duration);
            }
            else
            {
                reader.Skip();
                ok = true;
            }

            if (!ok)
            {
                return false;
            }
        }

        video = new KlingVideo { Id = id, Url = url, WatermarkUrl = watermarkUrl, Duration = duration };
        return reader.TokenType == JsonTokenType.EndObject;
    }

    /// <summary><c>final_balance_deduction</c>: null, or an object whose <c>quota</c> and <c>list_price</c> are numbers, strings or null.</summary>
    private static bool BalanceDeduction(ref Utf8JsonReader reader, out KlingBalanceDeduction? deduction)
    {
        deduction = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return reader.TokenType == JsonTokenType.Null;
        }

        var seen = 0;
        string? quota = null, listPrice = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool ok;
            if (reader.ValueTextEquals("quota"u8))
            {
                ok = First(ref seen, 1) && reader.Read() && NumberOrString(ref reader, null, out quota);
            }
            else if (reader.ValueTextEquals("list_price"u8))
            {
                ok = First(ref seen, 2) && reader.Read() && NumberOrString(ref reader, null, out listPrice);
            }
            else
            {
                reader.Skip();
                ok = true;
            }

            if (!ok)
            {
                return false;
            }
        }

        deduction = new KlingBalanceDeduction { Quota = quota, ListPrice = listPrice };
        return reader.TokenType == JsonTokenType.EndObject;
    }

    /// <summary><c>watermark_info</c>: null, or an object whose <c>enabled</c> is a boolean (its DTO member is a <see cref="bool"/>).</summary>
    private static bool WatermarkInfo(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return reader.TokenType == JsonTokenType.Null;
        }

        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("enabled"u8))
            {
                reader.Skip();
            }
            else if (!First(ref seen, 1) || !reader.Read() || reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }
}
