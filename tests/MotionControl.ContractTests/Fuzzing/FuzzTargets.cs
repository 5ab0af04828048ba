using MotionControl.ContractTests.Infrastructure;
using MotionControl.ContractTests.Kling;
using MotionControl.ContractTests.KlingV2;
using MotionControl.Providers.AimlApi;
using MotionControl.Providers.Fal;
using MotionControl.Providers.Kling;
using MotionControl.Providers.ModelsLab;
using MotionControl.Providers.PowerTokens;
using MotionControl.Providers.Replicate;
using MotionControl.Providers.Vydra;

namespace MotionControl.ContractTests.Fuzzing;

/// <summary>One way to reach an endpoint (the typed API or the neutral client); returns what it got, for the property to touch.</summary>
internal sealed record FuzzCall(string Surface, Func<Task<IEnumerable<object?>>> Run);

/// <summary>A vendor endpoint the SDK reads: its documented replies (the seeds), its secrets, and the calls that read it.</summary>
/// <param name="Vendor">The vendor's name.</param>
/// <param name="Endpoint">The endpoint's name.</param>
/// <param name="Seeds">The documented replies.</param>
/// <param name="Secrets">The client's credentials, planted in replies; no exception message may name them.</param>
/// <param name="Names">
/// The fuzzing dictionary: the wire names the vendor's readers and error policies look at, aliases included, so an added
/// member is often one the SDK reads (the seeds' own names are added to it).
/// </param>
/// <param name="Connect">Builds a client over the given <see cref="HttpClient"/>, with the calls to make.</param>
internal sealed record FuzzTarget(
    string Vendor,
    string Endpoint,
    IReadOnlyList<FuzzSeed> Seeds,
    IReadOnlyList<string> Secrets,
    IReadOnlyList<string> Names,
    Func<HttpClient, (IDisposable Client, IReadOnlyList<FuzzCall> Calls)> Connect);

/// <summary>
/// Every vendor × endpoint the SDK reads, each with the documented replies of <c>Fixtures/&lt;vendor&gt;/</c> as seeds
/// (success and error, made JSON by <see cref="DocumentedJson"/> where the documentation is not, and served with the status
/// the documentation gives) and both the typed API and the neutral client as callers. Clients have no retries
/// (<c>MaxRetryAttempts = 0</c>: one case, one call) and an address that is never dialled (the reply comes from memory).
/// </summary>
internal static class FuzzTargets
{
    public const string KlingAccessKey = "fuzz-kling-access-7f3a91c2";
    public const string KlingSecretKey = "fuzz-kling-secret-0b9e4d2c6a8f1357";
    public const string PowerTokensKey = "fuzz-pt-key-5c2e8a61d0";
    public const string ModelsLabKey = "fuzz-ml-key-9d41b7e35f";
    public const string AimlApiKey = "fuzz-aiml-key-3e7c05a9b2";
    public const string VydraKey = "vydra_live_fuzz_84c1f0d9e7";
    public const string ReplicateKey = "r8_fuzz_5a1c9e7d3b0f";
    public const string FalKey = "fuzz-fal-key-id:fuzz-fal-secret-6a0c3e9d51";

    private const string KlingTaskId = KlingDocs.TaskId;
    private const string ModelsLabId = "155262350";
    private const string AimlApiId = "NVOeetazzu2Xlca6ghTMx";
    private const string VydraJobId = "550e8400-e29b-41d4-a716-446655440000";
    private const string ReplicateId = "gm3qorzdhgbfurvjtvhg6dckhu";
    private const string FalRequestId = "80e732af-660e-45cd-bd63-580e4f2a94cc";

    // The names each vendor's readers look at (src/MotionControl/Providers/<vendor>: DTOs, aliases, error policies).
    private static readonly string[] KlingV2Names =
    [
        "code", "message", "request_id", "data", "id", "status", "create_time", "update_time", "external_id", "outputs", "type",
        "url", "watermark_url", "duration", "billing", "charge_type", "cash_type", "amount", "currency", "package_type",
        "list_price", "result", "count", "next_cursor", "has_more", "error",
    ];

    private static readonly string[] KlingNames =
    [
        "code", "message", "request_id", "data", "task_id", "task_status", "task_status_msg", "task_info", "external_task_id",
        "task_result", "videos", "id", "url", "watermark_url", "duration", "watermark_info", "enabled", "final_unit_deduction",
        "created_at", "updated_at", "error", "retry_after", "retryAfter", "retry_after_seconds", "final_balance_deduction", "quota",
        "list_price", "msg", "resource_pack_subscribe_infos", "resource_pack_name", "resource_pack_id", "resource_pack_type",
        "total_quantity", "remaining_quantity", "purchase_time", "effective_time", "invalid_time", "status", "result", "detail",
        "count", "next_cursor", "has_more", "api_key_name", "product_function", "model_name", "resolution", "refer_video_input",
        "video_sound", "voice_control", "deduction_time", "deduction_amount", "cash_type", "balance_before_deduction",
        "balance_after_deduction", "currency", "package_id", "product_type", "unit_before_deduction", "unit_after_deduction",
    ];

    private static readonly string[] PowerTokensNames = [.. KlingNames, "msg", "type", "detail"];

    private static readonly string[] ModelsLabNames =
    [
        "status", "id", "eta", "fetch_result", "output", "proxy_links", "future_links", "generationTime", "message", "messege",
        "tip", "track_id", "retry_after", "meta", "detail", "error", "msg", "data", "balance", "currency",
    ];

    private static readonly string[] AimlApiNames =
    [
        "id", "status", "video", "url", "error", "name", "message", "meta", "usage", "credits_used", "path", "requestId",
        "statusCode", "timestamp", "detail", "msg", "current_balance", "currency", "usd_spent",
    ];

    private static readonly string[] VydraNames =
    [
        "id", "jobId", "status", "progress", "statusMessage", "error", "message", "creditsCharged", "workflowSlug", "output",
        "videoUrl", "url", "durationSeconds", "createdAt", "updatedAt", "completedAt", "externalJobId", "input", "data", "jobs",
        "total", "limit", "offset", "hasMore", "pagination", "code", "details", "retryAfter", "detail", "msg", "name", "plan",
        "creditsRemaining",
    ];

    private static readonly string[] ReplicateNames =
    [
        "id", "model", "version", "status", "input", "output", "error", "logs", "metrics", "predict_time", "total_time", "urls",
        "get", "cancel", "web", "stream", "created_at", "started_at", "completed_at", "data_removed", "title", "detail", "type",
        "instance",
    ];

    private static readonly string[] FalNames =
    [
        "request_id", "response_url", "status_url", "cancel_url", "status", "queue_position", "logs", "message", "level",
        "source", "timestamp", "metrics", "inference_time", "error", "error_type", "video", "url", "content_type", "file_name",
        "file_size", "detail", "msg", "loc", "type",
    ];

    /// <summary>Never dialled: every reply comes from the in-memory handler.</summary>
    private static readonly Uri Nowhere = new("http://127.0.0.1:9/");

    public static IReadOnlyList<(string Vendor, string Endpoint)> All { get; } =
    [
        ("kling", "create"), ("kling", "get"), ("kling", "list"),
        ("kling-v2", "create"), ("kling-v2", "get"), ("kling-v2", "list"),
        ("powertokens", "create"), ("powertokens", "get"),
        ("modelslab", "create"), ("modelslab", "fetch"),
        ("aimlapi", "create"), ("aimlapi", "get"),
        ("vydra", "create"), ("vydra", "get"), ("vydra", "list"), ("vydra", "cancel"),
        ("kling", "balance"), ("kling", "balance-ledger"), ("kling", "unit-ledger"), ("modelslab", "balance"), ("aimlapi", "balance"), ("vydra", "balance"),
        ("replicate", "create"), ("replicate", "get"), ("replicate", "cancel"),
        ("fal", "create"), ("fal", "status"), ("fal", "result"),
    ];

    public static FuzzTarget Get(string vendor, string endpoint) => (vendor, endpoint) switch
    {
        ("kling", "create") => Kling(endpoint, [KlingSeeds.Create, .. KlingSeeds.Errors], client =>
        [
            new("typed CreateMotionControlTaskAsync", async () => Touch(await client.Api.CreateMotionControlTaskAsync(KlingTypedRequest()))),
            new("neutral SubmitAsync", async () => [await client.SubmitAsync(KlingNeutralRequest())]),
        ]),
        ("kling", "get") => Kling(endpoint, [KlingSeeds.Get, KlingSeeds.ConcreteGet, .. KlingSeeds.Errors], client =>
        [
            new("typed GetMotionControlTaskAsync", async () => Touch(await client.Api.GetMotionControlTaskAsync(KlingTaskId))),
            new("neutral GetTaskAsync", async () => [await client.GetTaskAsync(KlingTaskId)]),
        ]),
        ("kling", "list") => Kling(endpoint, [KlingSeeds.List, .. KlingSeeds.Errors], client =>
        [
            new("typed ListMotionControlTasksAsync", async () => Touch(await client.Api.ListMotionControlTasksAsync())),
            new("neutral ListTasksAsync", async () => await client.ListTasksAsync(new MotionControlListOptions { MaxItems = 10 }).ToListAsync()),
        ]),
        ("kling-v2", "create") => KlingV2(endpoint, [KlingV2Seeds.Create, .. KlingSeeds.Errors], client =>
        [
            new("typed CreateMotionControlTaskV2Async", async () => Touch(await client.Api.CreateMotionControlTaskV2Async("kling-3.0", KlingV2TypedRequest()))),
            new("neutral SubmitAsync", async () => [await client.SubmitAsync(KlingNeutralRequest() with { Model = "kling-v3" })]),
        ]),
        ("kling-v2", "get") => KlingV2(endpoint, [KlingV2Seeds.Query, .. KlingSeeds.Errors], client =>
        [
            new("typed GetTasksV2Async", async () => Touch(await client.Api.GetTasksV2Async([KlingV2Docs.TaskId]))),
            new("neutral GetTaskAsync", async () => [await client.GetTaskAsync(KlingV2Docs.TaskId)]),
            new("neutral GetTasksAsync", async () => [.. await client.GetTasksAsync([KlingV2Docs.TaskId, "string"])]),
        ]),
        ("kling-v2", "list") => KlingV2(endpoint, [KlingV2Seeds.List, .. KlingSeeds.Errors], client =>
        [
            new("typed ListTasksV2Async", async () => Touch(await client.Api.ListTasksV2Async(new KlingV2TaskListRequest { Limit = 100 }))),
            new("neutral ListTasksAsync", async () => await client.ListTasksAsync(new MotionControlListOptions { MaxItems = 10, Status = MotionControlTaskStatus.Succeeded }).ToListAsync()),
        ]),
        ("powertokens", "create") => PowerTokens(endpoint, [.. PowerTokensSeeds.Create, .. PowerTokensSeeds.Errors], client =>
        [
            new("typed CreateMotionControlTaskAsync", async () => Touch(await client.Api.CreateMotionControlTaskAsync(PowerTokensTypedRequest()))),
            new("neutral SubmitAsync", async () => [await client.SubmitAsync(PowerTokensNeutralRequest())]),
        ]),
        ("powertokens", "get") => PowerTokens(endpoint, [KlingSeeds.ConcreteGet, KlingSeeds.Get, .. PowerTokensSeeds.Errors], client =>
        [
            new("typed GetMotionControlTaskAsync", async () => Touch(await client.Api.GetMotionControlTaskAsync("pt_mc_01J9Z6K3W8"))),
            new("neutral GetTaskAsync", async () => [await client.GetTaskAsync("pt_mc_01J9Z6K3W8")]),
        ]),
        ("modelslab", "create") => ModelsLab(endpoint, [ModelsLabSeeds.Processing, .. ModelsLabSeeds.Errors], client =>
        [
            new("typed CreateMotionControlTaskAsync", async () => [await client.Api.CreateMotionControlTaskAsync(ModelsLabTypedRequest())]),
            new("neutral SubmitAsync", async () => [await client.SubmitAsync(ModelsLabNeutralRequest())]),
        ]),
        ("modelslab", "fetch") => ModelsLab(endpoint, [ModelsLabSeeds.Processing, ModelsLabSeeds.Success, .. ModelsLabSeeds.Errors], client =>
        [
            new("typed FetchMotionControlTaskAsync", async () => [await client.Api.FetchMotionControlTaskAsync(ModelsLabId)]),
            new("neutral GetTaskAsync", async () => [await client.GetTaskAsync(ModelsLabId)]),
        ]),
        ("aimlapi", "create") => AimlApi(endpoint, [AimlApiSeeds.Create, .. AimlApiSeeds.Errors], client =>
        [
            new("typed CreateVideoGenerationAsync", async () => [await client.Api.CreateVideoGenerationAsync(AimlApiTypedRequest())]),
            new("neutral SubmitAsync", async () => [await client.SubmitAsync(AimlApiNeutralRequest())]),
        ]),
        ("aimlapi", "get") => AimlApi(endpoint, [AimlApiSeeds.Completed, AimlApiSeeds.Create, .. AimlApiSeeds.Errors], client =>
        [
            new("typed GetVideoGenerationAsync", async () => [await client.Api.GetVideoGenerationAsync(AimlApiId)]),
            new("neutral GetTaskAsync", async () => [await client.GetTaskAsync(AimlApiId)]),
        ]),
        ("vydra", "create") => Vydra(endpoint, [VydraSeeds.Create, VydraSeeds.Error402], client =>
        [
            new("typed CreateMotionControlJobAsync", async () => [await client.Api.CreateMotionControlJobAsync(VydraTypedRequest())]),
            new("neutral SubmitAsync", async () => [await client.SubmitAsync(VydraNeutralRequest())]),
        ]),
        ("vydra", "get") => Vydra(endpoint, [VydraSeeds.Completed, VydraSeeds.Error402], client =>
        [
            new("typed GetJobAsync", async () => [await client.Api.GetJobAsync(VydraJobId)]),
            new("neutral GetTaskAsync", async () => [await client.GetTaskAsync(VydraJobId)]),
        ]),
        ("vydra", "list") => Vydra(endpoint, [VydraSeeds.List, VydraSeeds.Error402], client =>
        [
            new("typed ListJobsAsync", async () =>
            {
                var page = await client.Api.ListJobsAsync();
                return [page, .. page.Data];
            }),
            new("neutral ListTasksAsync", async () => await client.ListTasksAsync(new MotionControlListOptions { MaxItems = 10 }).ToListAsync()),
        ]),
        ("vydra", "cancel") => Vydra(endpoint, [VydraSeeds.Cancelled, VydraSeeds.Completed, VydraSeeds.Error402], client =>
        [
            new("typed CancelJobAsync", async () => [await client.Api.CancelJobAsync(VydraJobId)]),
        ]),
        ("kling", "balance") => Kling(endpoint, [BalanceSeeds.KlingCosts, BalanceSeeds.KlingCostsOnline, .. KlingSeeds.Errors], client =>
        [
            new("typed GetAccountCostsAsync", async () => Touch(await client.Api.GetAccountCostsAsync(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1)))),
            new("neutral GetBalanceAsync", async () => [await client.GetBalanceAsync()]),
        ]),
        ("kling", "balance-ledger") => Kling(endpoint, [BalanceSeeds.KlingBalanceLedger, .. KlingSeeds.Errors], client =>
        [
            new("typed GetBalanceDeductionsAsync", async () => Touch(await client.Api.GetBalanceDeductionsAsync(LedgerWindow))),
        ]),
        ("kling", "unit-ledger") => Kling(endpoint, [BalanceSeeds.KlingUnitLedger, .. KlingSeeds.Errors], client =>
        [
            new("typed GetUnitDeductionsAsync", async () => Touch(await client.Api.GetUnitDeductionsAsync(LedgerWindow))),
        ]),
        ("modelslab", "balance") => ModelsLab(endpoint, [BalanceSeeds.ModelsLabWallet, .. ModelsLabSeeds.Errors], client =>
        [
            new("typed GetWalletBalanceAsync", async () => [await client.Api.GetWalletBalanceAsync()]),
            new("neutral GetBalanceAsync", async () => [await client.GetBalanceAsync()]),
        ]),
        ("aimlapi", "balance") => AimlApi(endpoint, [BalanceSeeds.AimlApiBilling, .. AimlApiSeeds.Errors], client =>
        [
            new("typed GetBillingAsync", async () => [await client.Api.GetBillingAsync()]),
            new("neutral GetBalanceAsync", async () => [await client.GetBalanceAsync()]),
        ]),
        ("vydra", "balance") => Vydra(endpoint, [BalanceSeeds.VydraOrganization, VydraSeeds.Error402], client =>
        [
            new("typed GetOrganizationAsync", async () => [await client.Api.GetOrganizationAsync()]),
            new("neutral GetBalanceAsync", async () => [await client.GetBalanceAsync()]),
        ]),
        ("replicate", "create") => Replicate(endpoint, [ReplicateSeeds.Create, .. ReplicateSeeds.Errors], client =>
        [
            new("typed CreatePredictionAsync", async () => [await client.Api.CreatePredictionAsync(ReplicateClient.KlingV26Model, ReplicateTypedRequest())]),
            new("neutral SubmitAsync", async () => [await client.SubmitAsync(ReplicateNeutralRequest())]),
        ]),
        ("replicate", "get") => Replicate(endpoint, [ReplicateSeeds.Get, ReplicateSeeds.Succeeded, ReplicateSeeds.Create, .. ReplicateSeeds.Errors], client =>
        [
            new("typed GetPredictionAsync", async () => [await client.Api.GetPredictionAsync(ReplicateId)]),
            new("neutral GetTaskAsync", async () => [await client.GetTaskAsync(ReplicateId)]),
        ]),
        ("replicate", "cancel") => Replicate(endpoint, [ReplicateSeeds.Canceled, ReplicateSeeds.Succeeded, .. ReplicateSeeds.Errors], client =>
        [
            new("typed CancelPredictionAsync", async () => [await client.Api.CancelPredictionAsync(ReplicateId)]),
            new("neutral CancelAsync", async () => [await client.CancelAsync(ReplicateId)]),
        ]),
        ("fal", "create") => Fal(endpoint, [FalSeeds.Submit, FalSeeds.Error422], client =>
        [
            new("typed SubmitAsync", async () => [await client.Api.SubmitAsync(FalModels.KlingV26Standard, FalTypedRequest())]),
            new("neutral SubmitAsync", async () => [await client.SubmitAsync(FalNeutralRequest())]),
        ]),
        ("fal", "status") => Fal(endpoint, [FalSeeds.InQueue, FalSeeds.InProgress, FalSeeds.Completed, FalSeeds.Error422], client =>
        [
            new("typed GetStatusAsync", async () => [await client.Api.GetStatusAsync(FalRequestId, logs: true)]),
            new("neutral GetTaskAsync", async () => [await client.GetTaskAsync(FalRequestId)]),
        ]),
        ("fal", "result") => Fal(endpoint, [FalSeeds.Result, FalSeeds.Error422], client =>
        [
            new("typed GetResultAsync", async () => [await client.Api.GetResultAsync(FalRequestId)]),
        ]),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), $"{vendor} {endpoint} is not fuzzed."),
    };

    private static readonly KlingLedgerQuery LedgerWindow = new() { StartTime = DateTimeOffset.UnixEpoch, EndTime = DateTimeOffset.UnixEpoch.AddDays(1) };

    private static IEnumerable<object?> Touch<T>(KlingResponse<T> response) =>
        response.Data is IEnumerable<KlingTask> tasks ? [response, .. tasks] : [response, response.Data];

    private static FuzzTarget Kling(string endpoint, FuzzSeed[] seeds, Func<KlingClient, FuzzCall[]> calls) =>
        new("kling", endpoint, seeds, [KlingSecretKey, KlingAccessKey], KlingNames, http =>
        {
            var client = new KlingClient(NoRetries(new KlingOptions { AccessKey = KlingAccessKey, SecretKey = KlingSecretKey }), http);
            return (client, calls(client));
        });

    private static FuzzTarget KlingV2(string endpoint, FuzzSeed[] seeds, Func<KlingClient, FuzzCall[]> calls) =>
        new("kling-v2", endpoint, seeds, [KlingV2Docs.ApiKey], KlingV2Names, http =>
        {
            var client = new KlingClient(NoRetries(new KlingOptions { ApiKey = KlingV2Docs.ApiKey, ApiVersion = KlingApiVersion.V2 }), http);
            return (client, calls(client));
        });

    private static KlingV2MotionControlRequest KlingV2TypedRequest() => new()
    {
        Contents = [KlingV2Content.Prompt(KlingV2Docs.Prompt), KlingV2Content.Image(KlingV2Docs.ImageUrl), KlingV2Content.Video(KlingV2Docs.VideoUrl)],
        Settings = new KlingV2Settings { CharacterOrientation = "video", Resolution = "1080p", Audio = "original" },
    };

    private static FuzzTarget PowerTokens(string endpoint, FuzzSeed[] seeds, Func<PowerTokensClient, FuzzCall[]> calls) =>
        new("powertokens", endpoint, seeds, [PowerTokensKey], PowerTokensNames, http =>
        {
            var client = new PowerTokensClient(NoRetries(new PowerTokensOptions { ApiKey = PowerTokensKey }), http);
            return (client, calls(client));
        });

    private static FuzzTarget ModelsLab(string endpoint, FuzzSeed[] seeds, Func<ModelsLabClient, FuzzCall[]> calls) =>
        new("modelslab", endpoint, seeds, [ModelsLabKey], ModelsLabNames, http =>
        {
            var client = new ModelsLabClient(NoRetries(new ModelsLabOptions { ApiKey = ModelsLabKey }), http);
            return (client, calls(client));
        });

    private static FuzzTarget AimlApi(string endpoint, FuzzSeed[] seeds, Func<AimlApiClient, FuzzCall[]> calls) =>
        new("aimlapi", endpoint, seeds, [AimlApiKey], AimlApiNames, http =>
        {
            var client = new AimlApiClient(NoRetries(new AimlApiOptions { ApiKey = AimlApiKey }), http);
            return (client, calls(client));
        });

    private static FuzzTarget Vydra(string endpoint, FuzzSeed[] seeds, Func<VydraClient, FuzzCall[]> calls) =>
        new("vydra", endpoint, seeds, [VydraKey], VydraNames, http =>
        {
            var client = new VydraClient(NoRetries(new VydraOptions { ApiKey = VydraKey }), http);
            return (client, calls(client));
        });

    private static FuzzTarget Replicate(string endpoint, FuzzSeed[] seeds, Func<ReplicateClient, FuzzCall[]> calls) =>
        new("replicate", endpoint, seeds, [ReplicateKey], ReplicateNames, http =>
        {
            var client = new ReplicateClient(NoRetries(new ReplicateOptions { ApiKey = ReplicateKey, CancelAfter = TimeSpan.FromMinutes(5) }), http);
            return (client, calls(client));
        });

    private static FuzzTarget Fal(string endpoint, FuzzSeed[] seeds, Func<FalClient, FuzzCall[]> calls) =>
        new("fal", endpoint, seeds, [FalKey], FalNames, http =>
        {
            var client = new FalClient(NoRetries(new FalOptions { ApiKey = FalKey, PlatformBaseAddress = Nowhere, StorageBaseAddress = Nowhere }), http);
            return (client, calls(client));
        });

    private static FalMotionControlInput FalTypedRequest() => new()
    {
        ImageUrl = "https://example.com/character.png",
        VideoUrl = "https://example.com/dance.mp4",
        CharacterOrientation = "video",
        KeepOriginalSound = true,
        Prompt = "An african american woman dancing",
    };

    private static MotionControlRequest FalNeutralRequest() => new()
    {
        Image = MediaSource.FromUri("https://example.com/character.png"),
        Video = MediaSource.FromUri("https://example.com/dance.mp4"),
        Prompt = "An african american woman dancing",
        CharacterOrientation = CharacterOrientation.Video,
        KeepOriginalSound = true,
    };

    private static T NoRetries<T>(T options)
        where T : MotionControlClientOptions
    {
        options.BaseAddress = Nowhere;
        options.MaxRetryAttempts = 0;
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
        options.RetryMaxDelay = TimeSpan.FromMilliseconds(1);
        options.RequestTimeout = TimeSpan.FromSeconds(30);
        options.WaitOptions = Clients.FastWait;
        options.RemoteMediaValidation = Clients.NoRemotePreflight;
        return options;
    }

    // The requests: the documented create bodies' values (Fixtures/<vendor>/create.request.json).
    private static KlingMotionControlRequest KlingTypedRequest() => new()
    {
        ModelName = "kling-v2-6",
        ImageUrl = KlingDocs.ImageUrl,
        VideoUrl = KlingDocs.VideoUrl,
        Prompt = KlingDocs.Prompt,
        KeepOriginalSound = "yes",
        CharacterOrientation = "image",
        Mode = "pro",
        ExternalTaskId = KlingDocs.ExternalTaskId,
    };

    private static MotionControlRequest KlingNeutralRequest() => new()
    {
        Image = MediaSource.FromUri(KlingDocs.ImageUrl),
        Video = MediaSource.FromUri(KlingDocs.VideoUrl),
        Prompt = KlingDocs.Prompt,
        Model = "kling-v2-6",
        KeepOriginalSound = true,
        CharacterOrientation = CharacterOrientation.Image,
        Mode = GenerationMode.Pro,
        ExternalTaskId = KlingDocs.ExternalTaskId,
    };

    private static KlingMotionControlRequest PowerTokensTypedRequest() => new()
    {
        ModelName = "kling-v3",
        ImageUrl = "https://example.com/character.png",
        VideoUrl = "https://example.com/motion.mp4",
        CharacterOrientation = "video",
        Mode = "std",
    };

    private static MotionControlRequest PowerTokensNeutralRequest() => new()
    {
        Image = MediaSource.FromUri("https://example.com/character.png"),
        Video = MediaSource.FromUri("https://example.com/motion.mp4"),
        CharacterOrientation = CharacterOrientation.Video,
        Mode = GenerationMode.Standard,
        ExternalTaskId = "order-42",
    };

    private static ModelsLabMotionControlRequest ModelsLabTypedRequest() => new()
    {
        InitImage = "https://assets.modelslab.com/generations/8d4def68-7edd-449c-b5ce-2ba4a5108f43.jpg",
        InitVideo = "https://assets.modelslab.com/generations/5c570825-d8dc-421c-876d-e0ce3ee6b7bc.mov",
        Prompt = "make this image accurately animate to the video",
        CharacterOrientation = "image",
        Mode = "std",
    };

    private static MotionControlRequest ModelsLabNeutralRequest() => new()
    {
        Image = MediaSource.FromUri("https://assets.modelslab.com/generations/8d4def68-7edd-449c-b5ce-2ba4a5108f43.jpg"),
        Video = MediaSource.FromUri("https://assets.modelslab.com/generations/5c570825-d8dc-421c-876d-e0ce3ee6b7bc.mov"),
        Prompt = "make this image accurately animate to the video",
        CharacterOrientation = CharacterOrientation.Image,
        Mode = GenerationMode.Standard,
    };

    private static AimlApiVideoGenerationRequest AimlApiTypedRequest() => new()
    {
        ImageUrl = "https://cdn.aimlapi.com/flamingo/files/b/0a875302/8NaxQrQxDNHppHtqcchMm.png",
        VideoUrl = "https://cdn.aimlapi.com/flamingo/files/b/0a8752bc/2xrNS217ngQ3wzXqA7LXr_output.mp4",
    };

    private static MotionControlRequest AimlApiNeutralRequest() => new()
    {
        Image = MediaSource.FromUri("https://cdn.aimlapi.com/flamingo/files/b/0a875302/8NaxQrQxDNHppHtqcchMm.png"),
        Video = MediaSource.FromUri("https://cdn.aimlapi.com/flamingo/files/b/0a8752bc/2xrNS217ngQ3wzXqA7LXr_output.mp4"),
        CharacterOrientation = CharacterOrientation.Image,
    };

    private static VydraMotionControlRequest VydraTypedRequest() => new()
    {
        ImageUrl = "https://example.com/character.jpg",
        VideoUrl = "https://example.com/dance-reference.mp4",
        Prompt = "A person dancing energetically in a studio",
        CharacterOrientation = "video",
        KeepOriginalSound = true,
    };

    private static MotionControlRequest VydraNeutralRequest() => new()
    {
        Image = MediaSource.FromUri("https://example.com/character.jpg"),
        Video = MediaSource.FromUri("https://example.com/dance-reference.mp4"),
        Prompt = "A person dancing energetically in a studio",
        CharacterOrientation = CharacterOrientation.Video,
        KeepOriginalSound = true,
    };

    // The model page's example input (Fixtures/replicate/create.request.json).
    private static ReplicatePredictionRequest ReplicateTypedRequest() => new()
    {
        Input = new ReplicateMotionControlInput
        {
            Mode = "pro",
            Image = "https://replicate.delivery/pbxt/OHMFuZ6vHcDd3sXoOnn5oGLBvZIq43HuAige2XeWLdBigLUs/santa.png",
            Video = "https://replicate.delivery/pbxt/OHMFv2w6blsLcBTvRSEujuJnNvRNXXEmyLlXIvpMSVzG8mhN/taichi.mp4",
        },
    };

    private static MotionControlRequest ReplicateNeutralRequest() => new()
    {
        Image = MediaSource.FromUri("https://replicate.delivery/pbxt/OHMFuZ6vHcDd3sXoOnn5oGLBvZIq43HuAige2XeWLdBigLUs/santa.png"),
        Video = MediaSource.FromUri("https://replicate.delivery/pbxt/OHMFv2w6blsLcBTvRSEujuJnNvRNXXEmyLlXIvpMSVzG8mhN/taichi.mp4"),
        Mode = GenerationMode.Pro,
    };
}
