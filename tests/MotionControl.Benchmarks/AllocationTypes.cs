using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace MotionControl.Benchmarks;

/// <summary>
/// <c>--scenario alloc-types</c>: which types a round trip's bytes go to, per path (neutral and typed, Kling and Vydra),
/// from the runtime's own <c>GCAllocationTick</c> samples (one about every 100 KB, so a histogram, not exact figures;
/// exact per-call totals are <c>--scenario alloc</c>). Used to find what to cut when the allocation gate fails.
/// </summary>
internal static class AllocationTypes
{
    public static Task<int> RunAsync() => AllocationBreakdown.RunOnClientsAsync(
        async (kling, request, wire) =>
        {
            await SampleAsync("kling.neutral", async () => await kling.GetTaskAsync((await kling.SubmitAsync(request)).Id));
            await SampleAsync("kling.typed", async () => await kling.Api.GetMotionControlTaskAsync((await kling.Api.CreateMotionControlTaskAsync(wire)).Data.TaskId!));
        },
        async (vydra, request, wire) =>
        {
            await SampleAsync("vydra.neutral", async () => await vydra.GetTaskAsync((await vydra.SubmitAsync(request)).Id));
            await SampleAsync("vydra.typed", async () => await vydra.Api.GetJobAsync((await vydra.Api.CreateMotionControlJobAsync(wire)).JobId!));
        });

    private static async Task SampleAsync(string name, Func<Task> call)
    {
        for (var i = 0; i < 200; i++)
        {
            await call();
        }

        const int Calls = 20_000;
        using var listener = new TickListener();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < Calls; i++)
        {
            await call();
        }

        var total = GC.GetTotalAllocatedBytes(precise: true) - before;
        listener.Stop();
        var ticks = listener.Ticks.ToArray();
        var sampled = ticks.Sum(t => t.Value);
        Console.WriteLine($"alloc-types.{name}: {total / Calls} B per round trip, {sampled} samples");
        foreach (var (type, count) in ticks.OrderByDescending(t => t.Value).Take(40))
        {
            Console.WriteLine($"  {total * count / sampled / Calls,6} B  {type}");
        }
    }

    private sealed class TickListener : EventListener
    {
        private volatile bool _on = true;

        public ConcurrentDictionary<string, long> Ticks { get; } = new();

        public void Stop() => _on = false;

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (_on && eventData.EventName is { } name && name.StartsWith("GCAllocationTick", StringComparison.Ordinal) && eventData.PayloadNames is { } names)
            {
                var type = eventData.Payload![names.IndexOf("TypeName")] as string ?? "?";
                Ticks.AddOrUpdate(type, 1, static (_, n) => n + 1);
            }
        }
    }
}
