using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MotionControl.DependencyInjection;
using MotionControl.Testing;

namespace MotionControl.Jobs.Tests;

/// <summary>A generic host with Kling and Vydra on the emulator and the job queue on a SQLite file.</summary>
internal static class JobHost
{
    public static readonly MotionControlWaitOptions FastWait = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(10),
        MaxPollInterval = TimeSpan.FromMilliseconds(20),
        MaxHintedPollInterval = TimeSpan.FromMilliseconds(20),
        Jitter = 0,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static IHost Build(MotionControlEmulator emulator, string connectionString, Action<MotionControlJobOptions>? configure = null, Action<MotionControlBuilder>? vendors = null, Action<HostApplicationBuilder>? host = null)
    {
        var builder = Host.CreateApplicationBuilder();
        host?.Invoke(builder);
        var motion = builder.Services.AddMotionControl();
        if (vendors is null)
        {
            motion.AddKling(o =>
                {
                    o.BaseAddress = emulator.BaseAddress;
                    o.AccessKey = emulator.Credentials.KlingAccessKey;
                    o.SecretKey = emulator.Credentials.KlingSecretKey;
                    o.WaitOptions = FastWait;
                })
                .AddVydra(o =>
                {
                    o.BaseAddress = emulator.BaseAddress;
                    o.ApiKey = emulator.Credentials.VydraApiKey;
                    o.WaitOptions = FastWait;
                });
        }
        else
        {
            vendors(motion);
        }

        motion.AddJobs(o =>
        {
            o.UseSqlite(connectionString);
            o.PollInterval = TimeSpan.FromMilliseconds(10);
            o.LeaseDuration = TimeSpan.FromSeconds(3);
            o.WaitOptions = FastWait;
            configure?.Invoke(o);
        });
        return builder.Build();
    }

    public static MotionControlRequest Request(string provider) => new()
    {
        Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
        Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
        Prompt = provider == "vydra" ? "a dancer on a rooftop" : null,
    };

    public static async Task<MotionControlJob> WaitForEndAsync(IMotionControlJobQueue queue, string jobId, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var job = await queue.GetAsync(jobId, cts.Token) ?? throw new InvalidOperationException($"job {jobId} is lost");
            if (job.IsTerminal)
            {
                return job;
            }

            await Task.Delay(20, cts.Token);
        }
    }
}
