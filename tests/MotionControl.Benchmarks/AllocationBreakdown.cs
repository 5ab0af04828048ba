using MotionControl.Providers.Kling;
using MotionControl.Providers.Vydra;

namespace MotionControl.Benchmarks;

/// <summary>
/// <c>--scenario alloc</c>: where the round trip's client-side bytes go, for Kling (API key) and Vydra (emulator in another
/// process, so only this process allocates). Each figure is the average of 200 sequential calls after a warm-up.
/// </summary>
internal static class AllocationBreakdown
{
    public static Task<int> RunAsync() => RunOnClientsAsync(
        async (kling, request, wire) =>
        {
            var id = (await kling.SubmitAsync(request)).Id;
            await MeasureAsync("kling.neutral ValidateAsync", async () => await kling.ValidateAsync(request));
            await MeasureAsync("kling.neutral SubmitAsync", async () => await kling.SubmitAsync(request));
            await MeasureAsync("kling.neutral GetTaskAsync", async () => await kling.GetTaskAsync(id));
            await MeasureAsync("kling.typed Api.CreateMotionControlTaskAsync", async () => await kling.Api.CreateMotionControlTaskAsync(wire));
            await MeasureAsync("kling.typed Api.GetMotionControlTaskAsync", async () => await kling.Api.GetMotionControlTaskAsync(id));
        },
        async (vydra, request, wire) =>
        {
            var id = (await vydra.SubmitAsync(request)).Id;
            await MeasureAsync("vydra.neutral ValidateAsync", async () => await vydra.ValidateAsync(request));
            await MeasureAsync("vydra.neutral SubmitAsync", async () => await vydra.SubmitAsync(request));
            await MeasureAsync("vydra.neutral GetTaskAsync", async () => await vydra.GetTaskAsync(id));
            await MeasureAsync("vydra.typed Api.CreateMotionControlJobAsync", async () => await vydra.Api.CreateMotionControlJobAsync(wire));
            await MeasureAsync("vydra.typed Api.GetJobAsync", async () => await vydra.Api.GetJobAsync(id));
        });

    /// <summary>
    /// Starts the emulator in another process (so only this process allocates) and runs <paramref name="kling"/> and
    /// <paramref name="vydra"/> on clients for it, with the same neutral request and the matching typed bodies.
    /// </summary>
    public static async Task<int> RunOnClientsAsync(
        Func<KlingClient, MotionControlRequest, KlingMotionControlRequest, Task> kling,
        Func<VydraClient, MotionControlRequest, VydraMotionControlRequest, Task> vydra)
    {
        var (server, baseAddress) = await BenchEnvironment.StartEmulatorProcessAsync(4);
        try
        {
            var credentials = BenchEnvironment.Credentials;
            var request = new MotionControlRequest
            {
                Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
                Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
                Prompt = "a dancer on a rooftop",
            };

            using (var klingClient = new KlingClient(new KlingOptions { BaseAddress = baseAddress, ApiKey = credentials.KlingApiKey }))
            {
                await kling(klingClient, request, new KlingMotionControlRequest
                {
                    ModelName = KlingClient.DefaultModel,
                    Prompt = "a dancer on a rooftop",
                    ImageUrl = "https://example.com/character.png",
                    VideoUrl = "https://example.com/dance.mp4",
                    CharacterOrientation = "image",
                    Mode = "std",
                });
            }

            using (var vydraClient = new VydraClient(new VydraOptions { BaseAddress = baseAddress, ApiKey = credentials.VydraApiKey }))
            {
                await vydra(vydraClient, request, new VydraMotionControlRequest { ImageUrl = "https://example.com/character.png", VideoUrl = "https://example.com/dance.mp4", Prompt = "a dancer on a rooftop" });
            }

            return 0;
        }
        finally
        {
            await BenchEnvironment.StopEmulatorProcessAsync(server);
        }
    }

    private static async Task MeasureAsync(string name, Func<Task> call)
    {
        for (var i = 0; i < 50; i++)
        {
            await call();
        }

        const int Calls = 200;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < Calls; i++)
        {
            await call();
        }

        var perCall = (GC.GetTotalAllocatedBytes(precise: true) - before) / Calls;
        Console.WriteLine($"alloc.{name}: {perCall} B/call");
    }
}
