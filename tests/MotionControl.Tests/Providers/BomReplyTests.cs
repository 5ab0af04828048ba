using System.Net;
using System.Text;
using MotionControl.Testing;

namespace MotionControl.Tests.Providers;

/// <summary>
/// A UTF-8 byte order mark (EF BB BF) is legal before JSON text and some gateways send one. Every vendor's reply that
/// starts with one is read exactly as the same reply without it: a create gives the task id of the reply, a get its id
/// and status, a list its items, and an error reply its typed exception with the vendor's code, words and request id.
/// </summary>
/// <remarks>
/// Written against the public surface only (<see cref="IMotionControlClient"/>, the exceptions and their properties), so
/// it holds whichever way the SDK reads its replies. The reply comes over real HTTP from the emulator
/// (<see cref="EmulatorFault.RawResponse"/> on every call of the operation, so a retry or a create's recovery lookup does
/// not read a clean reply instead). The bodies are the shapes the emulator itself sends for each vendor. The control
/// theory runs the same rows without the mark, to show each body is valid on its own.
/// </remarks>
public sealed class BomReplyTests
{
    /// <summary>The mark as text: <see cref="EmulatorFault.RawResponse"/> sends its body as UTF-8, so this goes out as EF BB BF.</summary>
    private static readonly string Utf8Bom = Encoding.UTF8.GetString([0xEF, 0xBB, 0xBF]);

    private enum Call
    {
        Submit,
        Get,
        List,
    }

    /// <summary>Provider and row name; the row is looked up in <see cref="Cases"/>.</summary>
    public static TheoryData<string, string> Rows
    {
        get
        {
            var rows = new TheoryData<string, string>();
            foreach (var row in Cases)
            {
                rows.Add(row.Provider, row.Name);
            }

            return rows;
        }
    }

    private static IReadOnlyList<Row> Cases { get; } =
    [
        // Kling: the envelope {code, message, request_id, data}; errors by business code (HTTP 429 carries 1102 too).
        new(MotionControlProviders.Kling, "create", Call.Submit, EmulatorOperation.Create, 200, """
            {"code":0,"message":"SUCCEED","request_id":"3c1e1f4a-6b2d-4d8e-9f10-1a2b3c4d5e01","data":{"task_id":"860000000000000042","task_status":"submitted","task_info":{},"created_at":1767323045000,"updated_at":1767323045000}}
            """)
        {
            Tasks = [new("860000000000000042", MotionControlTaskStatus.Queued, "submitted")],
        },
        new(MotionControlProviders.Kling, "get", Call.Get, EmulatorOperation.Get, 200, """
            {"code":0,"message":"SUCCEED","request_id":"3c1e1f4a-6b2d-4d8e-9f10-1a2b3c4d5e02","data":{"task_id":"860000000000000042","task_status":"processing","task_status_msg":"","task_info":{},"watermark_info":{"enabled":false},"created_at":1767323045000,"updated_at":1767323050000}}
            """)
        {
            TaskId = "860000000000000042",
            Tasks = [new("860000000000000042", MotionControlTaskStatus.Processing, "processing")],
        },
        new(MotionControlProviders.Kling, "list", Call.List, EmulatorOperation.List, 200, """
            {"code":0,"message":"SUCCEED","request_id":"3c1e1f4a-6b2d-4d8e-9f10-1a2b3c4d5e03","data":[{"task_id":"860000000000000043","task_status":"succeed","task_status_msg":"","task_info":{},"watermark_info":{"enabled":false},"created_at":1767323045000,"updated_at":1767323060000,"task_result":{"videos":[{"id":"860000000000000043-0","url":"https://cdn.example.com/860000000000000043-0.mp4","duration":"5.0"}]},"final_unit_deduction":"5"},{"task_id":"860000000000000042","task_status":"processing","task_status_msg":"","task_info":{},"watermark_info":{"enabled":false},"created_at":1767323040000,"updated_at":1767323050000}]}
            """)
        {
            Tasks =
            [
                new("860000000000000043", MotionControlTaskStatus.Succeeded, "succeed"),
                new("860000000000000042", MotionControlTaskStatus.Processing, "processing"),
            ],
        },
        new(MotionControlProviders.Kling, "create error: HTTP 429 code 1102", Call.Submit, EmulatorOperation.Create, 429, """
            {"code":1102,"message":"Resource pack exhausted or expired (prepaid)","request_id":"3c1e1f4a-6b2d-4d8e-9f10-1a2b3c4d5e04"}
            """)
        {
            Error = typeof(MotionControlInsufficientCreditsException),
            VendorCode = "1102",
            VendorMessage = "Resource pack exhausted or expired (prepaid)",
            RequestId = "3c1e1f4a-6b2d-4d8e-9f10-1a2b3c4d5e04",
        },
        new(MotionControlProviders.Kling, "get error: HTTP 400 code 1201", Call.Get, EmulatorOperation.Get, 400, """
            {"code":1201,"message":"Task not found by id/external id: 860000000000000099","request_id":"3c1e1f4a-6b2d-4d8e-9f10-1a2b3c4d5e05"}
            """)
        {
            TaskId = "860000000000000099",
            Error = typeof(MotionControlTaskNotFoundException),
            VendorCode = "1201",
            VendorMessage = "Task not found by id/external id: 860000000000000099",
            RequestId = "3c1e1f4a-6b2d-4d8e-9f10-1a2b3c4d5e05",
        },

        // PowerTokens: Kling's envelope passed through, and the gateway's own {error:{message, type, code}}.
        new(MotionControlProviders.PowerTokens, "create", Call.Submit, EmulatorOperation.Create, 200, """
            {"code":0,"message":"SUCCEED","request_id":"7d2a9b1c-0e3f-4a5b-8c6d-2b3c4d5e6f01","data":{"task_id":"pt_mc_000042_0123456789abcdef","task_status":"submitted","task_info":{},"created_at":1767323045000,"updated_at":1767323045000}}
            """)
        {
            Tasks = [new("pt_mc_000042_0123456789abcdef", MotionControlTaskStatus.Queued, "submitted")],
        },
        new(MotionControlProviders.PowerTokens, "get", Call.Get, EmulatorOperation.Get, 200, """
            {"code":0,"message":"SUCCEED","request_id":"7d2a9b1c-0e3f-4a5b-8c6d-2b3c4d5e6f02","data":{"task_id":"pt_mc_000042_0123456789abcdef","task_status":"processing","task_status_msg":"","task_info":{},"watermark_info":{"enabled":false},"created_at":1767323045000,"updated_at":1767323050000}}
            """)
        {
            TaskId = "pt_mc_000042_0123456789abcdef",
            Tasks = [new("pt_mc_000042_0123456789abcdef", MotionControlTaskStatus.Processing, "processing")],
        },
        new(MotionControlProviders.PowerTokens, "create error: HTTP 402 gateway insufficient_user_quota", Call.Submit, EmulatorOperation.Create, 402, """
            {"error":{"message":"Insufficient user quota (balance) (request id: 20260102030405123456789)","type":"insufficient_quota","code":"insufficient_user_quota"}}
            """)
        {
            Error = typeof(MotionControlInsufficientCreditsException),
            VendorCode = "insufficient_user_quota",
            VendorMessage = "Insufficient user quota (balance)",
            RequestId = "20260102030405123456789",
        },
        new(MotionControlProviders.PowerTokens, "create error: HTTP 400 Kling code 1301", Call.Submit, EmulatorOperation.Create, 400, """
            {"code":1301,"message":"Content security policy triggered","request_id":"7d2a9b1c-0e3f-4a5b-8c6d-2b3c4d5e6f03"}
            """)
        {
            Error = typeof(MotionControlContentPolicyException),
            VendorCode = "1301",
            VendorMessage = "Content security policy triggered",
            RequestId = "7d2a9b1c-0e3f-4a5b-8c6d-2b3c4d5e6f03",
        },
        new(MotionControlProviders.PowerTokens, "get error: HTTP 404 gateway task_not_exist", Call.Get, EmulatorOperation.Get, 404, """
            {"error":{"message":"Task not found: pt_mc_000099_0123456789abcdef (request id: 20260102030405123456790)","type":"new_api_error","code":"task_not_exist"}}
            """)
        {
            TaskId = "pt_mc_000099_0123456789abcdef",
            Error = typeof(MotionControlTaskNotFoundException),
            VendorCode = "task_not_exist",
            VendorMessage = "Task not found: pt_mc_000099_0123456789abcdef",
            RequestId = "20260102030405123456790",
        },

        // ModelsLab: numeric ids, a POST fetch, no error codes; errors as {status:"error", message}, in HTTP 200 or not.
        new(MotionControlProviders.ModelsLab, "create", Call.Submit, EmulatorOperation.Create, 200, """
            {"status":"processing","eta":30,"fetch_result":"https://modelslab.com/api/v7/video-fusion/fetch/155000042","future_links":["https://cdn.example.com/155000042-0.mp4"],"id":155000042,"tip":"Your request is processing in the background; get the result with the fetch_result URL.","message":"Request processing in the background.","output":[],"meta":{"model_id":"kling-motion-control","prompt":"a dancer on a rooftop","character_orientation":null,"mode":null}}
            """)
        {
            Tasks = [new("155000042", MotionControlTaskStatus.Processing, "processing")],
        },
        new(MotionControlProviders.ModelsLab, "get", Call.Get, EmulatorOperation.Fetch, 200, """
            {"status":"processing","eta":25,"message":"Request processing in the background.","fetch_result":"https://modelslab.com/api/v7/video-fusion/fetch/155000042","output":[],"future_links":["https://cdn.example.com/155000042-0.mp4"],"id":155000042}
            """)
        {
            TaskId = "155000042",
            Tasks = [new("155000042", MotionControlTaskStatus.Processing, "processing")],
        },
        new(MotionControlProviders.ModelsLab, "create error: HTTP 402", Call.Submit, EmulatorOperation.Create, 402, """
            {"status":"error","message":"Insufficient credits: please top up your wallet to continue."}
            """)
        {
            Error = typeof(MotionControlInsufficientCreditsException),
            VendorMessage = "Insufficient credits: please top up your wallet to continue.",
        },
        new(MotionControlProviders.ModelsLab, "get error: HTTP 200 status error, request not found", Call.Get, EmulatorOperation.Fetch, 200, """
            {"status":"error","message":"Request not found: no request with id 155000099."}
            """)
        {
            TaskId = "155000099",
            Error = typeof(MotionControlTaskNotFoundException),
            VendorMessage = "Request not found: no request with id 155000099.",
        },

        // AIMLAPI: {id, status}; errors {message, path, requestId, statusCode, timestamp}, whose statusCode it keeps as the code.
        new(MotionControlProviders.AimlApi, "create", Call.Submit, EmulatorOperation.Create, 200, """
            {"id":"NVOeetazzu2Xlca6ghTMx","status":"queued"}
            """)
        {
            Tasks = [new("NVOeetazzu2Xlca6ghTMx", MotionControlTaskStatus.Queued, "queued")],
        },
        new(MotionControlProviders.AimlApi, "get", Call.Get, EmulatorOperation.Get, 200, """
            {"id":"NVOeetazzu2Xlca6ghTMx","status":"generating","video":null,"error":null}
            """)
        {
            TaskId = "NVOeetazzu2Xlca6ghTMx",
            Tasks = [new("NVOeetazzu2Xlca6ghTMx", MotionControlTaskStatus.Processing, "generating")],
        },
        new(MotionControlProviders.AimlApi, "create error: HTTP 403 insufficient credits", Call.Submit, EmulatorOperation.Create, 403, """
            {"message":"Insufficient credits: top up your balance to continue.","path":"/v2/video/generations","requestId":"5e8f0a2b-3c4d-4e5f-9a6b-3c4d5e6f7a01","statusCode":"403","timestamp":"2026-01-02T03:04:05.000Z"}
            """)
        {
            Error = typeof(MotionControlInsufficientCreditsException),
            VendorCode = "403",
            VendorMessage = "Insufficient credits: top up your balance to continue.",
            RequestId = "5e8f0a2b-3c4d-4e5f-9a6b-3c4d5e6f7a01",
        },
        new(MotionControlProviders.AimlApi, "get error: HTTP 404", Call.Get, EmulatorOperation.Get, 404, """
            {"message":"Generation NVOeetazzu2Xlca6ghTMy not found","path":"/v2/video/generations","requestId":"5e8f0a2b-3c4d-4e5f-9a6b-3c4d5e6f7a02","statusCode":"404","timestamp":"2026-01-02T03:04:05.000Z"}
            """)
        {
            TaskId = "NVOeetazzu2Xlca6ghTMy",
            Error = typeof(MotionControlTaskNotFoundException),
            VendorCode = "404",
            VendorMessage = "Generation NVOeetazzu2Xlca6ghTMy not found",
            RequestId = "5e8f0a2b-3c4d-4e5f-9a6b-3c4d5e6f7a02",
        },

        // Vydra: 202 {jobId}; jobs {id, status, progress}; list {jobs, total, limit, offset}; errors {error, code}.
        new(MotionControlProviders.Vydra, "create", Call.Submit, EmulatorOperation.Create, 202, """
            {"jobId":"3f2b6c1e-8d4a-4f7e-9b1c-2a5d6e7f8a90","status":"pending","message":"Motion control job created. Poll /api/v1/jobs/{jobId} for status.","creditsCharged":40,"externalJobId":"fal-0123456789ab","input":{"image_url":"https://example.com/character.png","video_url":"https://example.com/dance.mp4","character_orientation":"video"}}
            """)
        {
            Tasks = [new("3f2b6c1e-8d4a-4f7e-9b1c-2a5d6e7f8a90", MotionControlTaskStatus.Queued, "pending")],
        },
        new(MotionControlProviders.Vydra, "get", Call.Get, EmulatorOperation.Get, 200, """
            {"id":"3f2b6c1e-8d4a-4f7e-9b1c-2a5d6e7f8a90","status":"running","progress":40,"statusMessage":"Generating video","creditsCharged":40,"output":null,"createdAt":"2026-01-02T03:04:05.000Z","completedAt":null}
            """)
        {
            TaskId = "3f2b6c1e-8d4a-4f7e-9b1c-2a5d6e7f8a90",
            Tasks = [new("3f2b6c1e-8d4a-4f7e-9b1c-2a5d6e7f8a90", MotionControlTaskStatus.Processing, "running") { Progress = 40 }],
        },
        new(MotionControlProviders.Vydra, "list", Call.List, EmulatorOperation.List, 200, """
            {"jobs":[{"id":"3f2b6c1e-8d4a-4f7e-9b1c-2a5d6e7f8a91","status":"completed","progress":100,"statusMessage":"Video generated","creditsCharged":40,"output":{"videoUrl":"https://cdn.example.com/3f2b6c1e-0.mp4","durationSeconds":5},"createdAt":"2026-01-02T03:04:05.000Z","completedAt":"2026-01-02T03:05:05.000Z"},{"id":"3f2b6c1e-8d4a-4f7e-9b1c-2a5d6e7f8a90","status":"running","progress":40,"statusMessage":"Generating video","creditsCharged":40,"output":null,"createdAt":"2026-01-02T03:04:00.000Z","completedAt":null}],"total":2,"limit":20,"offset":0}
            """)
        {
            Tasks =
            [
                new("3f2b6c1e-8d4a-4f7e-9b1c-2a5d6e7f8a91", MotionControlTaskStatus.Succeeded, "completed"),
                new("3f2b6c1e-8d4a-4f7e-9b1c-2a5d6e7f8a90", MotionControlTaskStatus.Processing, "running"),
            ],
        },
        new(MotionControlProviders.Vydra, "create error: HTTP 402 INSUFFICIENT_CREDITS", Call.Submit, EmulatorOperation.Create, 402, """
            {"error":"Insufficient credits","code":"INSUFFICIENT_CREDITS","creditsRequired":40,"creditsRemaining":0}
            """)
        {
            Error = typeof(MotionControlInsufficientCreditsException),
            VendorCode = "INSUFFICIENT_CREDITS",
            VendorMessage = "Insufficient credits",
        },
        new(MotionControlProviders.Vydra, "get error: HTTP 404 JOB_NOT_FOUND", Call.Get, EmulatorOperation.Get, 404, """
            {"error":"Job 3f2b6c1e-8d4a-4f7e-9b1c-2a5d6e7f8a99 not found","code":"JOB_NOT_FOUND"}
            """)
        {
            TaskId = "3f2b6c1e-8d4a-4f7e-9b1c-2a5d6e7f8a99",
            Error = typeof(MotionControlTaskNotFoundException),
            VendorCode = "JOB_NOT_FOUND",
            VendorMessage = "Job 3f2b6c1e-8d4a-4f7e-9b1c-2a5d6e7f8a99 not found",
        },

        // Replicate: 201 and 200 prediction objects {id, status, output, urls}; errors are problem details {title, detail, status}.
        new(MotionControlProviders.Replicate, "create", Call.Submit, EmulatorOperation.Create, 201, """
            {"id":"gm3qorzdhgbfurvjtvhg6dckhu","model":"kwaivgi/kling-v2.6-motion-control","version":"hidden","input":{"image":"https://example.com/character.png","video":"https://example.com/dance.mp4","character_orientation":"video"},"logs":"","output":null,"data_removed":false,"error":null,"status":"starting","created_at":"2026-01-02T03:04:05.000Z","urls":{"cancel":"https://api.replicate.com/v1/predictions/gm3qorzdhgbfurvjtvhg6dckhu/cancel","get":"https://api.replicate.com/v1/predictions/gm3qorzdhgbfurvjtvhg6dckhu","web":"https://replicate.com/p/gm3qorzdhgbfurvjtvhg6dckhu"}}
            """)
        {
            Tasks = [new("gm3qorzdhgbfurvjtvhg6dckhu", MotionControlTaskStatus.Queued, "starting")],
        },
        new(MotionControlProviders.Replicate, "get", Call.Get, EmulatorOperation.Get, 200, """
            {"id":"gm3qorzdhgbfurvjtvhg6dckhu","model":"kwaivgi/kling-v2.6-motion-control","version":"hidden","input":{},"logs":"","output":"https://replicate.delivery/xezq/abc/tmp.mp4","data_removed":false,"error":null,"status":"succeeded","created_at":"2026-01-02T03:04:05.000Z","started_at":"2026-01-02T03:04:06.000Z","completed_at":"2026-01-02T03:05:06.000Z","metrics":{"predict_time":60.0},"urls":{"get":"https://api.replicate.com/v1/predictions/gm3qorzdhgbfurvjtvhg6dckhu"}}
            """)
        {
            TaskId = "gm3qorzdhgbfurvjtvhg6dckhu",
            Tasks = [new("gm3qorzdhgbfurvjtvhg6dckhu", MotionControlTaskStatus.Succeeded, "succeeded")],
        },
        new(MotionControlProviders.Replicate, "create error: HTTP 402 Insufficient credit", Call.Submit, EmulatorOperation.Create, 402, """
            {"title":"Insufficient credit","detail":"You have insufficient credit to run this model.","status":402}
            """)
        {
            Error = typeof(MotionControlInsufficientCreditsException),
            VendorMessage = "Insufficient credit: You have insufficient credit to run this model.",
        },
        new(MotionControlProviders.Replicate, "get error: HTTP 404", Call.Get, EmulatorOperation.Get, 404, """
            {"detail":"Not found."}
            """)
        {
            TaskId = "gm3qorzdhgbfurvjtvhg6dckhz",
            Error = typeof(MotionControlTaskNotFoundException),
            VendorMessage = "Not found.",
        },

        // fal: the queue's {request_id, ..._url}, its status words, and {detail} errors.
        new(MotionControlProviders.Fal, "create", Call.Submit, EmulatorOperation.Create, 200, """
            {"status":"IN_QUEUE","request_id":"80e732af-660e-45cd-bd63-580e4f2a94cc","response_url":"https://queue.fal.run/fal-ai/kling-video/requests/80e732af-660e-45cd-bd63-580e4f2a94cc","status_url":"https://queue.fal.run/fal-ai/kling-video/requests/80e732af-660e-45cd-bd63-580e4f2a94cc/status","cancel_url":"https://queue.fal.run/fal-ai/kling-video/requests/80e732af-660e-45cd-bd63-580e4f2a94cc/cancel","queue_position":0}
            """)
        {
            Tasks = [new("80e732af-660e-45cd-bd63-580e4f2a94cc", MotionControlTaskStatus.Queued, "IN_QUEUE")],
        },
        new(MotionControlProviders.Fal, "get", Call.Get, EmulatorOperation.Get, 200, """
            {"status":"IN_PROGRESS","request_id":"80e732af-660e-45cd-bd63-580e4f2a94cc","response_url":"https://queue.fal.run/fal-ai/kling-video/requests/80e732af-660e-45cd-bd63-580e4f2a94cc","logs":null}
            """)
        {
            TaskId = "80e732af-660e-45cd-bd63-580e4f2a94cc",
            Tasks = [new("80e732af-660e-45cd-bd63-580e4f2a94cc", MotionControlTaskStatus.Processing, "IN_PROGRESS")],
        },
        new(MotionControlProviders.Fal, "create error: HTTP 403 exhausted balance", Call.Submit, EmulatorOperation.Create, 403, """
            {"detail":"User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing."}
            """)
        {
            Error = typeof(MotionControlInsufficientCreditsException),
            VendorMessage = "User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.",
        },
        new(MotionControlProviders.Fal, "get error: HTTP 404", Call.Get, EmulatorOperation.Get, 404, """
            {"detail":"Request 80e732af-660e-45cd-bd63-580e4f2a94cd not found"}
            """)
        {
            TaskId = "80e732af-660e-45cd-bd63-580e4f2a94cd",
            Error = typeof(MotionControlTaskNotFoundException),
            VendorMessage = "Request 80e732af-660e-45cd-bd63-580e4f2a94cd not found",
        },
    ];

    [Theory]
    [MemberData(nameof(Rows))]
    public Task A_reply_that_starts_with_a_utf8_bom_is_read_like_the_same_reply_without_it(string provider, string row) =>
        RunAsync(Find(provider, row), Utf8Bom);

    [Theory]
    [MemberData(nameof(Rows))]
    public Task Control_the_same_reply_without_a_bom_is_read_as_expected(string provider, string row) =>
        RunAsync(Find(provider, row), string.Empty);

    [Fact]
    public void Every_vendor_and_each_of_its_calls_has_rows()
    {
        var providers = Cases.Select(c => c.Provider).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(MotionControlProviders.All.Order(StringComparer.Ordinal), providers);
        foreach (var provider in MotionControlProviders.All)
        {
            var calls = Cases.Where(c => c.Provider == provider).ToList();
            Assert.Contains(calls, c => c.Call == Call.Submit && c.Error is null);
            Assert.Contains(calls, c => c.Call == Call.Get && c.Error is null);
            Assert.Contains(calls, c => c.Call == Call.Submit && c.Error is not null);
            Assert.Contains(calls, c => c.Call == Call.Get && c.Error is not null);
        }

        // A list row exactly for the vendors that can list.
        Assert.Equal(
            Cases.Where(c => c.Call == Call.List).Select(c => c.Provider).Order(StringComparer.Ordinal),
            [MotionControlProviders.Kling, MotionControlProviders.Vydra]);
    }

    [Fact]
    public async Task The_emulator_puts_the_three_bom_bytes_on_the_wire_before_the_json()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.AddFault(EmulatorProviders.Vydra, EmulatorOperation.Get, EmulatorFault.RawResponse(200, Utf8Bom + """{"id":"j1","status":"running"}"""));
        using var http = new HttpClient { BaseAddress = emulator.VydraBaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", emulator.Credentials.VydraApiKey);

        var bytes = await http.GetByteArrayAsync(new Uri("api/v1/jobs/j1", UriKind.Relative));

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{' }, bytes[..4]);
    }

    private static Row Find(string provider, string name) => Cases.Single(c => c.Provider == provider && c.Name == name);

    private static async Task RunAsync(Row row, string prefix)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();

        // Every call, so neither a retry nor a create's lookup by external id gets a reply without the mark.
        emulator.AddFault(row.Provider, row.Operation, EmulatorFault.RawResponse(row.HttpStatus, prefix + row.Json), FaultSchedule.EveryCall);
        using var owned = VendorTestBed.CreateClient(row.Provider, emulator);
        IMotionControlClient client = owned;

        if (row.Error is null)
        {
            var tasks = await CallAsync(client, row);

            Assert.Equal(row.Tasks.Select(t => t.Id), tasks.Select(t => t.Id));
            Assert.Equal(row.Tasks.Select(t => t.Status), tasks.Select(t => t.Status));
            Assert.Equal(row.Tasks.Select(t => t.VendorStatus), tasks.Select(t => t.VendorStatus));
            Assert.All(tasks, t => Assert.Equal(row.Provider, t.ProviderName));
            foreach (var (expected, task) in row.Tasks.Zip(tasks))
            {
                // The raw reply is the parsed body, mark gone: it carries the task's id.
                Assert.Contains(expected.Id, task.Raw!.Value.GetRawText(), StringComparison.Ordinal);
                if (expected.Progress is { } progress)
                {
                    Assert.Equal(progress, task.Progress);
                }
            }

            return;
        }

        var error = await Assert.ThrowsAnyAsync<MotionControlException>(() => CallAsync(client, row));

        Assert.IsType(row.Error, error);
        Assert.Equal(row.Provider, error.ProviderName);
        Assert.Equal((HttpStatusCode)row.HttpStatus, error.StatusCode);
        Assert.Equal(row.VendorCode, error.VendorCode);
        Assert.Equal(row.VendorMessage, error.VendorMessage);
        Assert.Contains(row.VendorMessage!, error.Message, StringComparison.Ordinal);
        if (row.RequestId is not null)
        {
            Assert.Equal(row.RequestId, error.RequestId);
        }
    }

    private static async Task<List<MotionControlTask>> CallAsync(IMotionControlClient client, Row row)
    {
        switch (row.Call)
        {
            case Call.Submit:
                return [await client.SubmitAsync(VendorTestBed.DefaultRequest(row.Provider))];
            case Call.Get:
                return [await client.GetTaskAsync(row.TaskId!)];
            default:
                Assert.True(client.Capabilities.SupportsList, $"{row.Provider} does not list tasks");
                var items = new List<MotionControlTask>();
                await foreach (var task in client.ListTasksAsync(new MotionControlListOptions { MaxItems = 10 }))
                {
                    items.Add(task);
                }

                return items;
        }
    }

    /// <summary>One task the call must return (and its progress, where the row gives one).</summary>
    private sealed record ExpectedTask(string Id, MotionControlTaskStatus Status, string VendorStatus)
    {
        public int? Progress { get; init; }
    }

    /// <summary>One vendor reply (sent with or without the mark) and what the call must make of it.</summary>
    private sealed record Row(string Provider, string Name, Call Call, EmulatorOperation Operation, int HttpStatus, string Json)
    {
        /// <summary>Gets the id a get asks for.</summary>
        public string? TaskId { get; init; }

        /// <summary>Gets the tasks a successful call returns, in order.</summary>
        public IReadOnlyList<ExpectedTask> Tasks { get; init; } = [];

        /// <summary>Gets the exact exception type of an error reply, or null when the call succeeds.</summary>
        public Type? Error { get; init; }

        /// <summary>Gets the vendor code the exception keeps (null where the vendor has none).</summary>
        public string? VendorCode { get; init; }

        /// <summary>Gets the vendor's own words, as the exception keeps them.</summary>
        public string? VendorMessage { get; init; }

        /// <summary>Gets the request id the body gives, when it gives one.</summary>
        public string? RequestId { get; init; }
    }
}
