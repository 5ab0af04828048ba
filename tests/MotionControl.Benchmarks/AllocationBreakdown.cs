using MotionControl.Providers.Vydra;

namespace MotionControl.Benchmarks;

/// <summary>
/// <c>--scenario alloc</c>: where the round trip's client-side bytes go (emulator in another process, so only this
/// process allocates). Each figure is the average of 200 sequential calls after a warm-up.
/// </summary>
internal static class AllocationBreakdown
{
    public static async Task<int> RunAsync()
    {
        var (server, baseAddress) = await BenchEnvironment.StartEmulatorProcessAsync(4);
        try
        {
            using var client = new VydraClient(new VydraOptions { BaseAddress = baseAddress, ApiKey = BenchEnvironment.Credentials.VydraApiKey });
            var request = new MotionControlRequest
            {
                Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
                Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
                Prompt = "a dancer on a rooftop",
            };
            var wire = new VydraMotionControlRequest { ImageUrl = "https://example.com/character.png", VideoUrl = "https://example.com/dance.mp4", Prompt = "a dancer on a rooftop" };
            var id = (await client.SubmitAsync(request)).Id;

            await MeasureAsync("neutral ValidateAsync", async () => await client.ValidateAsync(request));
            await MeasureAsync("neutral SubmitAsync", async () => await client.SubmitAsync(request));
            await MeasureAsync("neutral GetTaskAsync", async () => await client.GetTaskAsync(id));
            await MeasureAsync("typed Api.CreateMotionControlJobAsync", async () => await client.Api.CreateMotionControlJobAsync(wire));
            await MeasureAsync("typed Api.GetJobAsync", async () => await client.Api.GetJobAsync(id));
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
