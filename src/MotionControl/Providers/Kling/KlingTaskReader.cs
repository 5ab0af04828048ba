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
/// <c>task_info</c> objects and the strings the neutral task never uses. That is about 1.3 KB per Kling reply
/// (docs/performance.md). The rules kept to stay exactly the DTO path's reading: property names match as the DTOs'
/// (exact case, escapes allowed), a known property must have a token its DTO member accepts and may appear only once,
/// unknown properties are skipped, strings are valid UTF-8, and nothing may follow the object.
/// </remarks>
internal static class KlingTaskReader
{
    /// <summary>Status words Kling sends, so the usual ones cost no string per reply.</summary>
    private static readonly string[] KnownStatuses = ["submitted", "processing", "succeed", "failed"];

    // The members each object's DTO knows, in the order the readers below switch on.
    private static readonly string[] EnvelopeMembers = ["code", "message", "request_id", "data"];
    private static readonly string[] TaskMembers =
        ["task_id", "task_status", "task_status_msg", "task_info", "watermark_info", "final_unit_deduction", "created_at", "updated_at", "task_result", "final_balance_deduction"];

    private static readonly string[] TaskInfoMembers = ["external_task_id"];
    private static readonly string[] TaskResultMembers = ["videos"];
    private static readonly string[] VideoMembers = ["id", "url", "watermark_url", "duration"];
    private static readonly string[] BalanceDeductionMembers = ["quota", "list_price"];
    private static readonly string[] WatermarkInfoMembers = ["enabled"];

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
        if (!StartRoot(ref reader))
        {
            return false;
        }

        var seen = 0;
        var read = false;
        while (NextProperty(ref reader))
        {
            var ok = Member(ref reader, EnvelopeMembers, ref seen) switch
            {
                Unknown => true,
                0 => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var code) && code == 0,
                1 or 2 => SkipText(ref reader),
                3 => read = Task(ref reader, json, knownId, out task),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        // The code and the data were there, and nothing but white space follows the object.
        return read && (seen & 1) != 0 && EndRoot(ref reader);
    }

    /// <summary><c>data</c>: the task object (not null), its JSON kept as a slice of the reply.</summary>
    private static bool Task(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json, string? knownId, out KlingTaskRead task)
    {
        task = default;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var start = (int)reader.TokenStartIndex;
        var seen = 0;
        string? id = null, status = null, statusMessage = null, externalId = null, unitDeduction = null;
        ReadOnlyMemory<byte> externalIdUtf8 = default;
        IReadOnlyList<KlingVideo>? videos = null;
        KlingBalanceDeduction? balanceDeduction = null;
        long? createdAt = null, updatedAt = null;
        while (NextProperty(ref reader))
        {
            var ok = Member(ref reader, TaskMembers, ref seen) switch
            {
                Unknown => true,
                0 => NumberOrString(ref reader, knownId, out id),
                1 => KnownText(ref reader, KnownStatuses, out status),
                2 => Text(ref reader, out statusMessage),
                3 => TaskInfo(ref reader, json, out externalId, out externalIdUtf8),
                4 => WatermarkInfo(ref reader),
                5 => NumberOrString(ref reader, null, out unitDeduction),
                6 => Int64(ref reader, out createdAt),
                7 => Int64(ref reader, out updatedAt),
                8 => TaskResult(ref reader, out videos),
                9 => BalanceDeduction(ref reader, out balanceDeduction),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        // An empty id is the DTO path's protocol error.
        if (id is not { Length: > 0 })
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
            Raw = new LazyJson(json[start..(int)reader.BytesConsumed]),
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
        while (NextProperty(ref reader))
        {
            var member = Member(ref reader, TaskInfoMembers, ref seen);
            if (member == Unknown)
            {
                continue;
            }

            if (member != 0)
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.Length > 0)
            {
                // Kept as bytes: the mapping reuses the id the create sent when the reply echoes it.
                utf8 = json.Slice((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
                if (!Utf8.IsValid(utf8.Span))
                {
                    return false;
                }
            }
            else if (!Text(ref reader, out text))
            {
                return false;
            }
        }

        return true;
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
        while (NextProperty(ref reader))
        {
            var ok = Member(ref reader, TaskResultMembers, ref seen) switch
            {
                Unknown => true,
                0 => Videos(ref reader, out videos),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>videos</c>: null, or an array of videos and nulls.</summary>
    private static bool Videos(ref Utf8JsonReader reader, out IReadOnlyList<KlingVideo>? videos)
    {
        videos = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return reader.TokenType == JsonTokenType.Null;
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
        return true;
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
        while (NextProperty(ref reader))
        {
            var ok = Member(ref reader, VideoMembers, ref seen) switch
            {
                Unknown => true,
                0 => NumberOrString(ref reader, null, out id),
                1 => Text(ref reader, out url),
                2 => Text(ref reader, out watermarkUrl),
                3 => NumberOrString(ref reader, null, out duration),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        video = new KlingVideo { Id = id, Url = url, WatermarkUrl = watermarkUrl, Duration = duration };
        return true;
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
        while (NextProperty(ref reader))
        {
            var ok = Member(ref reader, BalanceDeductionMembers, ref seen) switch
            {
                Unknown => true,
                0 => NumberOrString(ref reader, null, out quota),
                1 => NumberOrString(ref reader, null, out listPrice),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        deduction = new KlingBalanceDeduction { Quota = quota, ListPrice = listPrice };
        return true;
    }

    /// <summary><c>watermark_info</c>: null, or an object whose <c>enabled</c> is a boolean (its DTO member is a <see cref="bool"/>).</summary>
    private static bool WatermarkInfo(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return reader.TokenType == JsonTokenType.Null;
        }

        var seen = 0;
        while (NextProperty(ref reader))
        {
            var ok = Member(ref reader, WatermarkInfoMembers, ref seen) switch
            {
                Unknown => true,
                0 => reader.TokenType is JsonTokenType.True or JsonTokenType.False,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
