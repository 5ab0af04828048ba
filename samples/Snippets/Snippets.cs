// The code quoted by README.md and docs/*.md. It is compiled in CI so the documentation cannot rot; it need not run.
// Each method's body between "// snippet:" and "// end" is what the docs show.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotionControl;
using MotionControl.AspNetCore;
using MotionControl.Jobs;
using MotionControl.Providers.AimlApi;
using MotionControl.Providers.Fal;
using MotionControl.Providers.Kling;
using MotionControl.Providers.ModelsLab;
using MotionControl.Providers.PowerTokens;
using MotionControl.Providers.Replicate;
using MotionControl.Providers.Vydra;
using MotionControl.Testing;
using MotionControl.Webhooks;

namespace Snippets;

internal static class Snippets
{
    public static async Task BasicKling(string ak, string sk)
    {
        // snippet: basic-kling
        using var kling = new KlingClient(new KlingOptions { AccessKey = ak, SecretKey = sk });   // or ApiKey = key

        var task = await kling.GenerateAsync(new MotionControlRequest
        {
            Image = MediaSource.FromFile("character.png"),                      // sent as raw Base64
            Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
            CharacterOrientation = CharacterOrientation.Video,
            Prompt = "a dancer on a rooftop at dusk",
        });
        Console.WriteLine(task.Videos[0].Url);
        // end
    }

    public static void WebhookEndpoint(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        // snippet: webhook-endpoint
        builder.Services.AddMotionControl(builder.Configuration.GetSection("MotionControl"))
            .AddWebhooks(o =>
            {
                o.PublicBaseUrl = new Uri("https://api.example.com/");          // how vendors reach this app
                o.SigningSecrets["kling"] = builder.Configuration["Kling:WebhookSecret"]!;   // "whsec_…", from Kling's console
            });
        builder.Services.AddScoped<IMotionControlWebhookHandler, JobFinished>();   // yours: called once per event

        var app = builder.Build();
        app.MapMotionControlWebhooks("/hooks/motion-control");   // POST /hooks/motion-control/{registration}
        // end
        app.Run();
    }

    /// <summary>A webhook handler of the kind the webhooks page registers.</summary>
    private sealed class JobFinished : IMotionControlWebhookHandler
    {
        public Task HandleAsync(MotionControlTask task, CancellationToken cancellationToken)
        {
            Console.WriteLine($"{task.Id}: {task.Status}");
            return Task.CompletedTask;
        }
    }

    public static void DependencyInjection(IServiceCollection services, IConfiguration configuration)
    {
        // snippet: dependency-injection
        services.AddMotionControl(configuration.GetSection("MotionControl"));
        // then inject IMotionControlClient, [FromKeyedServices("vydra")] IMotionControlClient, or IMotionControlClientFactory
        // end
    }

    public static async Task Validate(IMotionControlClient client, MotionControlRequest request)
    {
        // snippet: validate
        var result = await client.ValidateAsync(request);   // probes local media; nothing is sent
        foreach (var error in result.Errors)
        {
            Console.WriteLine(error);                       // [code] Field: message
        }
        // end
    }

    public static async Task Watch(IMotionControlClient client, MotionControlRequest request)
    {
        // snippet: watch
        var submitted = await client.SubmitAsync(request);
        await foreach (var task in client.WatchAsync(submitted.Id))
        {
            Console.WriteLine($"{task.Status} {task.Progress}%");
        }
        // end
    }

    public static async Task Download(IMotionControlClient client, MotionControlTask task)
    {
        // snippet: download
        var progress = new Progress<long>(bytes => Console.WriteLine($"{bytes:N0} bytes"));
        await client.DownloadVideoAsync(task, "result.mp4", progress);   // a temp file, moved into place when complete
        // end
    }

    public static async Task Emulator(MotionControlRequest request)
    {
        // snippet: emulator
        await using var emulator = await MotionControlEmulator.StartAsync();

        using var kling = new KlingClient(new KlingOptions
        {
            BaseAddress = emulator.KlingBaseAddress,
            AccessKey = emulator.Credentials.KlingAccessKey,
            SecretKey = emulator.Credentials.KlingSecretKey,
        });
        var task = await kling.GenerateAsync(request);
        await kling.DownloadVideoAsync(task, "result.mp4");
        // end
    }

    public static void DependencyInjectionInCode(IServiceCollection services, string ak, string sk, string vydraKey)
    {
        // snippet: configuration (docs/configuration.md)
        services.AddMotionControl(defaults => defaults.DefaultProvider = "kling")
            .AddKling(o => { o.AccessKey = ak; o.SecretKey = sk; })
            .AddVydra(o => o.ApiKey = vydraKey)
            .ConfigureHttpClient("vydra", http => http.AddHttpMessageHandler<MyAuditHandler>());
        // end
    }

    public static void TwoAccountsOfOneVendor(IServiceCollection services, string mainKey, string euKey)
    {
        // snippet: named-registrations (docs/configuration.md)
        services.AddMotionControl()
            .AddKling(o => o.ApiKey = mainKey)                 // registered as "kling"
            .AddKling("kling-eu", o => o.ApiKey = euKey);      // a second account

        // [FromKeyedServices("kling-eu")] IMotionControlClient, or IMotionControlClientFactory.GetClient("kling-eu")
        // end
    }

    public static async Task ValidateInDetail(IMotionControlClient client, MotionControlRequest request)
    {
        // snippet: validation-rules (docs/validation-rules.md)
        var result = await client.ValidateAsync(request);
        foreach (var error in result.Errors)
        {
            Console.WriteLine($"{error.Code} {error.Field}: {error.Message} (limit {error.Limit}, found {error.Actual})");
        }
        // end
    }

    public static async Task VendorKling(string ak, string sk)
    {
        // snippet: docs/vendors/kling.md
        using var kling = new KlingClient(new KlingOptions { AccessKey = ak, SecretKey = sk });   // or ApiKey = key
        var task = await kling.GenerateAsync(new MotionControlRequest
        {
            Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
            Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
            CharacterOrientation = CharacterOrientation.Video,
            Mode = GenerationMode.Pro,
        });
        Console.WriteLine(task.Videos[0].Url);
        // end
    }

    public static async Task VendorKlingV2(string apiKey)
    {
        // snippet: docs/vendors/kling.md (API 2.0)
        using var kling = new KlingClient(new KlingOptions { ApiKey = apiKey, ApiVersion = KlingApiVersion.V2 });
        var task = await kling.GenerateAsync(new MotionControlRequest
        {
            Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
            Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
            Model = KlingClient.KlingV3Model,                          // POST /motion-control/kling-3.0
            Mode = GenerationMode.Pro,                                 // resolution 1080p
            Element = MotionControlElement.FromId("el_829836", "hero"),  // kling-3.0 only
        });
        var tasks = await kling.GetTasksAsync(["893605946402811985", task.Id]);   // 20 ids per request
        Console.WriteLine($"{task.Videos[0].Url} (kept until {task.Videos[0].ExpiresAt:u}); {tasks.Count} known");
        // end
    }

    public static async Task VendorKlingElements(KlingClient kling)
    {
        // snippet: docs/vendors/kling.md (elements)
        var created = await kling.Api.CreateElementAsync(new KlingElementCreateRequest
        {
            ElementName = "Mia",                       // at most 20 characters
            ElementDescription = "Dancer in a red coat", // at most 100 characters
            ReferenceType = KlingElementCreateRequest.ImageRefer,
            ElementImageList = new KlingElementImageList
            {
                FrontalImage = "https://example.com/mia-front.png",
                ReferImages = [new() { ImageUrl = "https://example.com/mia-side.png" }], // 1–3
            },
            ExternalTaskId = "mia-1",
        });
        var task = await kling.Api.GetElementAsync(created.Data.TaskId!);   // poll until task_status is succeed or failed
        long? elementId = task.Data.TaskResult?.Elements?[0].ElementId;
        // end
        Console.WriteLine(elementId);
    }

    public static async Task VendorPowerTokens(string key)
    {
        // snippet: docs/vendors/powertokens.md
        using var powerTokens = new PowerTokensClient(new PowerTokensOptions { ApiKey = key });
        var task = await powerTokens.GenerateAsync(new MotionControlRequest
        {
            Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
            Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
        });
        // end
        Console.WriteLine(task);
    }

    public static async Task VendorModelsLab(string key)
    {
        // snippet: docs/vendors/modelslab.md
        using var modelsLab = new ModelsLabClient(new ModelsLabOptions { ApiKey = key });
        var task = await modelsLab.GenerateAsync(new MotionControlRequest
        {
            Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
            Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
            Prompt = "make this image accurately animate to the video",   // required by ModelsLab
            Mode = GenerationMode.Standard,
        });
        Console.WriteLine(task.Videos[0].Url);
        // end
    }

    public static async Task VendorAimlApi(string key)
    {
        // snippet: docs/vendors/aimlapi.md
        using var aimlApi = new AimlApiClient(new AimlApiOptions { ApiKey = key });
        var task = await aimlApi.GenerateAsync(new MotionControlRequest
        {
            Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
            Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),   // https only
            KeepOriginalSound = false,
        });
        Console.WriteLine(task.Videos[0].Url);
        // end
    }

    public static async Task VendorVydra(string key)
    {
        // snippet: docs/vendors/vydra.md
        using var vydra = new VydraClient(new VydraOptions { ApiKey = key });
        var task = await vydra.GenerateAsync(new MotionControlRequest
        {
            Image = MediaSource.FromUri(new Uri("https://example.com/character.jpg")),
            Video = MediaSource.FromUri(new Uri("https://example.com/dance-reference.mp4")),
            Prompt = "A person dancing energetically in a studio",   // required by Vydra
        }, new MotionControlWaitOptions { Progress = new Progress<MotionControlTask>(t => Console.WriteLine($"{t.Progress}%")) });
        Console.WriteLine($"{task.Videos[0].Url} ({task.Videos[0].Duration})");
        // end
    }

    public static async Task VendorReplicate(string token)
    {
        // snippet: docs/vendors/replicate.md
        using var replicate = new ReplicateClient(new ReplicateOptions { ApiKey = token, CancelAfter = TimeSpan.FromMinutes(20) });
        var submitted = await replicate.SubmitAsync(new MotionControlRequest
        {
            Image = MediaSource.FromFile("character.png"),   // up to 256 KB as a data URL, larger through Replicate's files API
            Video = MediaSource.FromFile("dance.mp4"),
            Model = "kling-v3",
            Mode = GenerationMode.Pro,
        });
        var task = await replicate.WaitForCompletionAsync(submitted.Id);
        await replicate.DownloadVideoAsync(task, "result.mp4");   // Replicate removes the output an hour after the end

        // A job you no longer need: Replicate stops it and charges the time it ran.
        var stopped = await replicate.CancelAsync(submitted.Id);
        Console.WriteLine(stopped.Status);   // Canceled, or the status it had already ended with
        // end
    }

    public static async Task VendorFal(string key)
    {
        // snippet: docs/vendors/fal.md
        using var fal = new FalClient(new FalOptions { ApiKey = key });   // FAL_KEY
        var task = await fal.GenerateAsync(new MotionControlRequest
        {
            Image = MediaSource.FromFile("character.png"),          // uploaded to fal storage for you
            Video = MediaSource.FromFile("dance.mp4"),
            Model = FalClient.KlingV3Model,                           // kling-v3; kling-v2-6 is the default
            Mode = GenerationMode.Pro,                                 // the pro endpoint
        }, new MotionControlWaitOptions { Progress = new Progress<MotionControlTask>(t => Console.WriteLine($"{t.Status} {t.QueuePosition}")) });
        Console.WriteLine(task.Videos[0].Url);
        // end
    }

    public static async Task Jobs(IServiceCollection services, IMotionControlJobQueue queue, MotionControlRequest request, string orderId)
    {
        // snippet: docs/jobs.md
        services.AddMotionControl()
            .AddKling(o => { /* keys */ })
            .AddJobs(o =>
            {
                o.UseSqlite("Data Source=/var/lib/app/jobs.db");
                o.MaxConcurrentTasks["kling"] = 8;   // per registration (account), across every worker
            });

        var job = await queue.EnqueueAsync(new MotionControlJobRequest
        {
            Provider = "kling",
            Request = request,
            IdempotencyKey = orderId,
            OutputPath = "/data/out.mp4",
        });
        job = await queue.GetAsync(job.Id);   // State, Task, Attempts, Error, Charge
        // end
        Console.WriteLine(job?.State);
    }

    public static void JobsOnPostgreSql(WebApplicationBuilder builder)
    {
        // snippet: docs/jobs-postgresql.md
        builder.Services.AddMotionControl()
            .AddKling("kling", o => { /* keys */ })
            .AddJobs(o =>
            {
                o.UsePostgreSql(builder.Configuration.GetConnectionString("jobs")!);
                o.LeaseDuration = TimeSpan.FromSeconds(30);
                o.MaxConcurrentTasks["kling"] = 8;
            });
        // end
    }

    public static MotionControlTask? Webhook(KlingClient kling, string secret, string? id, string? timestamp, string? signature, byte[] rawBody)
    {
        // snippet: docs/webhooks.md
        var verifier = new StandardWebhookVerifier(secret);   // "whsec_…", from your configuration

        // In your endpoint, with the headers and the raw body bytes exactly as received:
        var result = verifier.Verify(id, timestamp, signature, rawBody);
        if (result != StandardWebhookVerification.Verified)
        {
            return null;   // answer 401: MissingHeaders, InvalidTimestamp, StaleTimestamp or BadSignature
        }

        var task = kling.ParseCallback(rawBody);   // the task, as GetTaskAsync would return it
        // end
        return task;
    }
}

/// <summary>A handler of your own, added to a vendor's HTTP pipeline (docs/configuration.md).</summary>
internal sealed class MyAuditHandler : DelegatingHandler
{
}

// snippet: docs/jobs.md (webhooks)
// Registered in the web instance: builder.Services.AddScoped<IMotionControlWebhookHandler, JobQueueBridge>();
internal sealed class JobQueueBridge(IMotionControlJobQueue queue, MotionControlWebhookContext webhook) : IMotionControlWebhookHandler
{
    public Task HandleAsync(MotionControlTask task, CancellationToken cancellationToken) =>
        queue.ReportTaskUpdateAsync(webhook.Registration, task, cancellationToken);   // the registration the route named
}
// end
