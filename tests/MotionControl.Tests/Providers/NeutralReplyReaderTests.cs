using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MotionControl.Diagnostics;
using MotionControl.Http;
using MotionControl.Providers;
using MotionControl.Providers.Kling;
using MotionControl.Providers.Vydra;
using MotionControl.Serialization;

namespace MotionControl.Tests.Providers;

/// <summary>
/// The neutral client reads the common shape of Kling's and Vydra's replies straight from their bytes
/// (<see cref="KlingTaskReader"/>, <see cref="VydraReplyReader"/>) and leaves everything else to the DTO path. These hold
/// the readers to that path: whenever a reader reads a reply, the DTO path reads the same reply without error into the
/// same neutral fields, over documented replies and thousands of mutations of them (every truncation, every value
/// replaced by every kind of token, duplicated members, escapes, invalid UTF-8, trailing text). And the readers do read
/// the documented shapes, with fewer bytes allocated than the DTO path.
/// </summary>
public sealed class NeutralReplyReaderTests
{
    private const string SentExternalId = "mc-0f8fad5bd9cb469fa16570867728950e";

    private static readonly string[] KlingReplies =
    [
        """{"code":0,"message":"SUCCEED","request_id":"3c1e1f4a-6b2d-4d8e-9f10-1a2b3c4d5e01","data":{"task_id":"860000000000000042","task_status":"submitted","task_info":{"external_task_id":"mc-0f8fad5bd9cb469fa16570867728950e"},"created_at":1767323045000,"updated_at":1767323045000}}""",
        """{"code":0,"message":"SUCCEED","request_id":"r2","data":{"task_id":"860000000000000042","task_status":"processing","task_status_msg":"","task_info":{},"watermark_info":{"enabled":false},"created_at":1767323045000,"updated_at":1767323050000}}""",
        """{"code":0,"message":"SUCCEED","request_id":"r3","data":{"task_id":860000000000000042,"task_status":"succeed","task_status_msg":"","task_info":{"external_task_id":"mine-1"},"task_result":{"videos":[{"id":"v1","url":"https://cdn.example.com/v1.mp4","watermark_url":"https://cdn.example.com/v1-wm.mp4","duration":"5.0"},null,{"id":42,"url":"not a url","duration":7}]},"final_unit_deduction":"10","created_at":1767323045000,"updated_at":1767323095000}}""",
        """{"code":0,"message":"SUCCEED","request_id":"r4","data":{"task_id":"155262350.0","task_status":"failed","task_status_msg":"content risk control","final_unit_deduction":0,"final_balance_deduction":{"quota":"1.25","list_price":2.5},"created_at":1767323045000,"updated_at":null}}""",
        """{"data":{"updated_at":1,"task_status":"Queued-Weird","task_id":"t\u0031","task_info":{"external_task_id":" "},"extra":{"nested":[1,{"a":null}]}},"request_id":null,"message":null,"code":0,"trailing_member":true}""",
        """{"c\u006fde":0,"data":{"task_id":"t2","task_status":"process\u0069ng","task_info":{"external_task_id":"mc-\u00e9"},"task_result":{"videos":null},"watermark_info":null}}""",
        """{"code":0,"data":{"task_id":"t3","task_status":"succeed","task_result":{},"final_balance_deduction":null,"task_info":null}}""",
    ];

    private static readonly string[] VydraCreateReplies =
    [
        """{"jobId":"5f0c2a1e-8d43-4b8a-9a57-3c2b1d0e9f11","status":"pending","message":"Motion control job created. Poll /api/v1/jobs/{jobId} for status.","creditsCharged":50,"externalJobId":"fal-1a2b3c4d5e6f","input":{"image_url":"https://example.com/character.png","video_url":"https://example.com/dance.mp4","character_orientation":"video"}}""",
        """{"id":"5f0c2a1e","status":"failed","message":"refused: content policy","creditsCharged":0.5,"input":null}""",
        """{"jobId":" ","id":"alias-id","status":"Queued","message":"esc\u0061ped","unknown":[{}]}""",
    ];

    private static readonly string[] VydraJobReplies =
    [
        """{"id":"5f0c2a1e-8d43-4b8a-9a57-3c2b1d0e9f11","status":"processing","progress":40,"statusMessage":"Generating video","creditsCharged":50,"output":null,"createdAt":"2026-12-01T21:40:00.000Z","completedAt":null}""",
        """{"id":"5f0c2a1e-8d43-4b8a-9a57-3c2b1d0e9f11","status":"completed","progress":100,"statusMessage":"Done","creditsCharged":50,"output":{"videoUrl":"https://cdn.example.com/out.mp4","durationSeconds":5.5},"createdAt":"2026-12-01T21:40:00.000Z","completedAt":"2026-12-01T21:45:00+01:00","workflowSlug":"kling-motion-control"}""",
        """{"jobId":"j2","status":"failed","statusMessage":"Upstream refused the image","message":"fallback words","error":null,"createdAt":"2026-12-01T21:40:00Z","updatedAt":"2026-12-01T21:41:00Z"}""",
        """{"id":"j3","status":"completed","videoUrl":"relative/out.mp4","url":"https://cdn.example.com/top.mp4","output":{"url":"https://cdn.example.com/alias.mp4"}}""",
        """{"id":"j4","status":"error","error":"quota exceeded","message":"m","progress":12.75,"creditsCharged":null}""",
        """{"id":"j5","status":"cancelled","statusMessage":"stopped by user"}""",
    ];

    private static readonly string[] Replacements =
        ["null", "0", "-1", "1.5", "1e400", "9223372036854775808", "\"\"", "\" \"", "\"x\"", "\"0\"", "\"2026-12-01T21:40:00Z\"", "\"https://h.example/x\"", "true", "false", "{}", "[]", "[null]", "{\"message\":\"m\"}"];

    public static TheoryData<string> KlingCases => Cases(KlingReplies);

    public static TheoryData<string> VydraCreateCases => Cases(VydraCreateReplies);

    public static TheoryData<string> VydraJobCases => Cases(VydraJobReplies);

    [Theory]
    [MemberData(nameof(KlingCases))]
    public void Kling_reader_reads_a_documented_reply_like_the_DTO_path(string json)
    {
        Assert.True(KlingTaskReader.TryRead(Reply(json, null), out _), "the reader should read the documented shape");
        AssertKlingAgrees(Encoding.UTF8.GetBytes(json));
    }

    [Theory]
    [MemberData(nameof(KlingCases))]
    public void Kling_reader_reads_no_mutation_of_a_reply_unlike_the_DTO_path(string json)
    {
        var read = 0;
        foreach (var mutation in Mutations(json))
        {
            read += AssertKlingAgrees(mutation) ? 1 : 0;
        }

        // Most mutations keep the shape (a changed unknown member, another id...): the reader is no mere fallback.
        Assert.True(read > 0);
    }

    [Theory]
    [MemberData(nameof(VydraCreateCases))]
    public void Vydra_reader_reads_a_documented_create_reply_like_the_DTO_path(string json)
    {
        Assert.True(VydraReplyReader.TryReadCreated(Reply(json, null), out _), "the reader should read the documented shape");
        AssertVydraCreateAgrees(Encoding.UTF8.GetBytes(json));
    }

    [Theory]
    [MemberData(nameof(VydraCreateCases))]
    public void Vydra_reader_reads_no_mutation_of_a_create_reply_unlike_the_DTO_path(string json)
    {
        var read = 0;
        foreach (var mutation in Mutations(json))
        {
            read += AssertVydraCreateAgrees(mutation) ? 1 : 0;
        }

        Assert.True(read > 0);
    }

    [Theory]
    [MemberData(nameof(VydraJobCases))]
    public void Vydra_reader_reads_a_documented_job_like_the_DTO_path(string json)
    {
        Assert.True(VydraReplyReader.TryReadJob(Reply(json, "j2"), out _), "the reader should read the documented shape");
        AssertVydraJobAgrees(Encoding.UTF8.GetBytes(json));
    }

    [Theory]
    [MemberData(nameof(VydraJobCases))]
    public void Vydra_reader_reads_no_mutation_of_a_job_unlike_the_DTO_path(string json)
    {
        var read = 0;
        foreach (var mutation in Mutations(json))
        {
            read += AssertVydraJobAgrees(mutation) ? 1 : 0;
        }

        Assert.True(read > 0);
    }

    [Fact]
    public void Kling_reader_reuses_the_sent_external_id_and_the_asked_task_id()
    {
        var json = KlingReplies[0];
        Assert.True(KlingTaskReader.TryRead(Reply(json, "860000000000000042"), out var read));
        var sent = new string(SentExternalId.AsSpan());
        var task = KlingTaskMapper.ToTask("kling", read, static (_, _) => { }, SecretRedactor.PatternsOnly, sent);

        Assert.Same(sent, task.ExternalTaskId);
        Assert.Equal("860000000000000042", task.Id);
        Assert.Equal("{\"task_id\":\"860000000000000042\"", task.Raw!.Value.GetRawText()[..31]);
    }

    [Fact]
    public void Kling_reader_leaves_replies_it_does_not_read_to_the_DTO_path()
    {
        string[] others =
        [
            """{"code":"0","data":{"task_id":"t"}}""",
            """{"code":1201,"message":"Task not found","data":null}""",
            """{"code":0,"data":null}""",
            """{"code":0,"data":{"task_id":""}}""",
            """{"code":0,"code":0,"data":{"task_id":"t"}}""",
            """{"code":0,"data":{"task_id":"t","created_at":"1767323045000"}}""",
            """{"code":0,"data":{"task_id":"t","watermark_info":{"enabled":null}}}""",
            """{"code":0,"data":{"task_id":"t"}} x""",
            """{"code":0,"data":{"task_id":"t"}""",
            """["code",0]""",
        ];
        foreach (var json in others)
        {
            Assert.False(KlingTaskReader.TryRead(Reply(json, null), out _), json);
        }

        Assert.False(KlingTaskReader.TryRead(Reply(KlingReplies[0], null, HttpStatusCode.BadRequest), out _));
    }

    [Fact]
    public void Kling_reader_allocates_less_than_half_of_the_DTO_path()
    {
        var reply = Reply(KlingReplies[1], "860000000000000042");
        var fast = Allocated(() => KlingTaskMapper.ToTask("kling", Fast(reply), static (_, _) => { }, SecretRedactor.PatternsOnly));
        var dto = Allocated(() => KlingTaskMapper.ToTask("kling", KlingDto(reply)!.Value, static (_, _) => { }, SecretRedactor.PatternsOnly));

        Assert.True(fast * 2 < dto, $"reader {fast} B, DTO path {dto} B");

        static KlingTaskRead Fast(VendorReply reply) => KlingTaskReader.TryRead(reply, out var read) ? read : throw new InvalidOperationException("not read");
    }

    [Fact]
    public void Vydra_reader_allocates_less_than_half_of_the_DTO_path()
    {
        var reply = Reply(VydraCreateReplies[0], null);
        var fast = Allocated(() => VydraReplyReader.TryReadCreated(reply, out var created) ? created.JobId : throw new InvalidOperationException("not read"));
        var dto = Allocated(() => VydraCreatedRead.Of(VydraCreateDto(reply) ?? throw new InvalidOperationException("not read")).JobId);

        Assert.True(fast * 2 < dto, $"reader {fast} B, DTO path {dto} B");
    }

    private static bool AssertKlingAgrees(byte[] body)
    {
        foreach (var reply in Replies(body, "860000000000000042"))
        {
            if (!KlingTaskReader.TryRead(reply, out var read))
            {
                continue;
            }

            var dto = KlingDto(reply);
            Assert.True(dto is not null, "the reader read a reply the DTO path refuses: " + Text(body));
            Assert.Equal(Describe(KlingTask(dto!.Value)), Describe(KlingTask(read)));
            return true;
        }

        return false;

        static MotionControlTask KlingTask(in KlingTaskRead read) =>
            KlingTaskMapper.ToTask("kling", read, static (_, _) => { }, SecretRedactor.PatternsOnly, SentExternalId);
    }

    private static bool AssertVydraCreateAgrees(byte[] body)
    {
        var reply = Reply(body, null);
        if (!VydraReplyReader.TryReadCreated(reply, out var created))
        {
            return false;
        }

        var dto = VydraCreateDto(reply);
        Assert.True(dto is not null, "the reader read a reply the DTO path refuses: " + Text(body));
        Assert.Equal(Describe(VydraCreatedRead.Of(dto!)), Describe(created));
        return true;

        static string Describe(VydraCreatedRead r) =>
            string.Join("|", r.JobId, r.Status, r.Message, Number(r.CreditsCharged));
    }

    private static bool AssertVydraJobAgrees(byte[] body)
    {
        foreach (var reply in Replies(body, "j2"))
        {
            if (!VydraReplyReader.TryReadJob(reply, out var job))
            {
                continue;
            }

            VydraJob? dto;
            try
            {
                dto = WireReply<VydraJob>.Read(reply, VydraJsonContext.Default.VydraJob, VydraVendor.Descriptor.Errors).Value;
            }
            catch (MotionControlException)
            {
                dto = null;
            }

            Assert.True(dto is not null, "the reader read a reply the DTO path refuses: " + Text(body));
            Assert.Equal(Describe(VydraJobRead.Of(dto!)), Describe(job));
            return true;
        }

        return false;

        // What the neutral mapping reads of a job (VydraTasks.ToTask).
        static string Describe(VydraJobRead j) => string.Join(
            "|",
            j.Id,
            j.Status,
            Number(j.Progress),
            j.Error,
            Number(j.CreditsCharged),
            j.VideoUrl?.OriginalString,
            Number(j.DurationSeconds),
            j.CreatedAt?.ToString("O", CultureInfo.InvariantCulture),
            j.UpdatedAt?.ToString("O", CultureInfo.InvariantCulture),
            j.CompletedAt?.ToString("O", CultureInfo.InvariantCulture));
    }

    private static KlingTaskRead? KlingDto(VendorReply reply)
    {
        try
        {
            var (envelope, raw) = KlingEnvelopes.Read(reply, KlingVendor.Descriptor.Errors, KlingJsonContext.Default.KlingEnvelopeKlingTask);
            return envelope.Data is { TaskId.Length: > 0 } task ? KlingTaskRead.Of(task, LazyJson.Part(raw, "data")) : null;
        }
        catch (MotionControlException)
        {
            return null;
        }
    }

    private static VydraCreateJobResponse? VydraCreateDto(VendorReply reply)
    {
        try
        {
            var created = WireReply<VydraCreateJobResponse>.Read(reply, VydraJsonContext.Default.VydraCreateJobResponse, VydraVendor.Descriptor.Errors).Value;
            return created.JobId is null ? null : created;
        }
        catch (MotionControlException)
        {
            return null;
        }
    }

    /// <summary>Everything a caller sees of a neutral task.</summary>
    private static string Describe(MotionControlTask task) => string.Join(
        "|",
        task.Id,
        task.Status,
        task.VendorStatus,
        task.FailureReason,
        task.ExternalTaskId,
        string.Join(";", task.Videos.Select(v => $"{v.Url}/{v.Id}/{v.WatermarkUrl}/{v.Duration}/{v.ExpiresAt:O}")),
        task.Charge is { } c ? $"{c.Amount}/{c.Unit}/{c.ListPrice}/{c.Source}" : "-",
        task.CreatedAt?.ToString("O", CultureInfo.InvariantCulture),
        task.UpdatedAt?.ToString("O", CultureInfo.InvariantCulture),
        task.Raw is { } raw ? Convert.ToHexString(JsonMarshal.GetRawUtf8Value(raw)) : "-");

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "-";

    private static string Text(byte[] body) => Encoding.UTF8.GetString(body);

    /// <summary>The reply as a read of <paramref name="taskId"/> and as a create.</summary>
    private static IEnumerable<VendorReply> Replies(byte[] body, string taskId) => [Reply(body, taskId), Reply(body, null)];

    private static VendorReply Reply(string json, string? taskId, HttpStatusCode status = HttpStatusCode.OK) => Reply(Encoding.UTF8.GetBytes(json), taskId, status);

    private static VendorReply Reply(byte[] body, string? taskId, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status, body, null, null, new VendorCallContext("test", taskId is null ? VendorOperations.Create : VendorOperations.Get, taskId, SecretRedactor.PatternsOnly));

    private static TheoryData<string> Cases(string[] replies)
    {
        var data = new TheoryData<string>();
        foreach (var reply in replies)
        {
            data.Add(reply);
        }

        return data;
    }

    /// <summary>
    /// The reply with a byte order mark; every truncation; every value (at any depth) replaced by each of
    /// <see cref="Replacements"/>; each member duplicated; a string made invalid UTF-8; text after the object.
    /// </summary>
    private static IEnumerable<byte[]> Mutations(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        yield return [0xEF, 0xBB, 0xBF, .. utf8];
        yield return [.. utf8, (byte)' ', (byte)'\n'];
        yield return [.. utf8, (byte)'x'];
        yield return [.. utf8, .. "{}"u8];
        for (var length = 0; length < utf8.Length; length++)
        {
            yield return utf8[..length];
        }

        var quote = Array.IndexOf(utf8, (byte)'"', Array.IndexOf(utf8, (byte)':') + 1);
        while (quote >= 0 && quote + 1 < utf8.Length)
        {
            var invalid = (byte[])utf8.Clone();
            invalid[quote + 1] = 0xFF;
            yield return invalid;
            quote = Array.IndexOf(utf8, (byte)'"', quote + 2);
        }

        var root = JsonNode.Parse(json)!;
        foreach (var path in Paths(root, []))
        {
            foreach (var replacement in Replacements)
            {
                var copy = root.DeepClone();
                Replace(copy, path, JsonNode.Parse(replacement));
                yield return Encoding.UTF8.GetBytes(copy.ToJsonString());
            }

            if (path[^1] is string name && Parent(root, path) is JsonObject parent)
            {
                // The member twice: the first copy with another value, as a gateway that merges bodies might send.
                var text = parent.ToJsonString();
                var duplicate = "{" + JsonSerializer.Serialize(name) + ":null," + text[1..];
                var copy = root.DeepClone();
                if (path.Count == 1)
                {
                    yield return Encoding.UTF8.GetBytes(duplicate);
                }
                else
                {
                    Replace(copy, path[..^1], JsonNode.Parse("\"@@\""));
                    yield return Encoding.UTF8.GetBytes(copy.ToJsonString().Replace("\"@@\"", duplicate, StringComparison.Ordinal));
                }
            }
        }
    }

    private static IEnumerable<List<object>> Paths(JsonNode? node, List<object> path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    List<object> inner = [.. path, name];
                    yield return inner;
                    foreach (var deeper in Paths(value, inner))
                    {
                        yield return deeper;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    List<object> inner = [.. path, i];
                    yield return inner;
                    foreach (var deeper in Paths(array[i], inner))
                    {
                        yield return deeper;
                    }
                }

                break;
        }
    }

    private static JsonNode? Parent(JsonNode root, List<object> path)
    {
        var node = root;
        foreach (var step in path[..^1])
        {
            node = step is string name ? node![name] : node![(int)step];
        }

        return node;
    }

    private static void Replace(JsonNode root, List<object> path, JsonNode? value)
    {
        var parent = Parent(root, path)!;
        if (path[^1] is string name)
        {
            parent[name] = value;
        }
        else
        {
            parent[(int)path[^1]] = value;
        }
    }

    private static long Allocated(Func<object> read)
    {
        for (var i = 0; i < 20; i++)
        {
            read();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            read();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / 100;
    }
}
