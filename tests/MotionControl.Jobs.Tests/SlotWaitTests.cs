using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using MotionControl.Jobs.Storage;
using MotionControl.Testing;

namespace MotionControl.Jobs.Tests;

/// <summary>
/// Pending jobs of one worker that wait for a registration's concurrency slot: one of them at a time asks the store
/// (each ask is a transaction serialized on the registration's governor row in every worker), and the ones waiting their
/// turn still honour their cancel request and deadline.
/// </summary>
public sealed class SlotWaitTests
{
    [Fact]
    public async Task Pending_jobs_waiting_for_a_slot_ask_the_store_one_at_a_time_and_each_still_runs_once()
    {
        const int jobCount = 24;
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var db = new TempDatabase();
        SlotAskCounter? counter = null;
        using var host = JobHost.Build(emulator, db.ConnectionString, o =>
        {
            o.MaxConcurrentTasks["kling"] = 2;
            var inner = o.StoreFactory!;
            o.StoreFactory = sp => (counter = SlotAskCounter.Wrap(inner(sp))).Store;
        });
        await host.StartAsync();
        try
        {
            var queue = host.Services.GetRequiredService<IMotionControlJobQueue>();
            var jobs = new List<MotionControlJob>();
            for (int i = 0; i < jobCount; i++)
            {
                jobs.Add(await queue.EnqueueAsync(new MotionControlJobRequest { Provider = "kling", Request = JobHost.Request("kling"), IdempotencyKey = $"turn-{i}" }));
            }

            var done = await Task.WhenAll(jobs.Select(j => JobHost.WaitForEndAsync(queue, j.Id, TimeSpan.FromSeconds(90))));
            await host.StopAsync();

            Assert.All(done, j => Assert.Equal(MotionControlJobState.Succeeded, j.State));
            Assert.Equal(jobCount, emulator.CreatedTaskCount("kling"));
            Assert.InRange(emulator.ConcurrentTaskHighWaterMark("kling", EmulatorCredentials.DefaultAccountName), 1, 2);
            Assert.NotNull(counter);
            Assert.True(counter.Asks >= jobCount, $"{counter.Asks} slot asks for {jobCount} jobs");

            // 22 jobs waited at a time for 2 slots; each ask takes at least 5 ms (the counter's delay), so asks made on
            // their own would overlap many times over.
            Assert.Equal(1, counter.MaxInFlight);
        }
        finally
        {
            await counter!.DisposeInnerAsync();
        }
    }

    [Fact]
    public async Task A_job_waiting_its_turn_to_ask_for_a_slot_still_honours_its_cancel_request_and_deadline()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        emulator.EnqueueLifecycle("kling", new TaskLifecycle().Queued(1).ProcessingForever());
        using var db = new TempDatabase();
        using var host = JobHost.Build(emulator, db.ConnectionString, o => o.MaxConcurrentTasks["kling"] = 1);
        await host.StartAsync();
        var queue = host.Services.GetRequiredService<IMotionControlJobQueue>();

        // The only slot is held by a task that runs until its job is canceled.
        var holder = await queue.EnqueueAsync(new MotionControlJobRequest { Provider = "kling", Request = JobHost.Request("kling"), IdempotencyKey = "holder" });
        await WaitForStateAsync(queue, holder.Id, MotionControlJobState.Submitted);

        // Three wait for the slot: one of them asks the store, the other two wait their turn (which is which is up to
        // the worker). The deadline and the cancel request end theirs whichever it is.
        var waiting = await queue.EnqueueAsync(new MotionControlJobRequest { Provider = "kling", Request = JobHost.Request("kling"), IdempotencyKey = "waiting" });
        var late = await queue.EnqueueAsync(new MotionControlJobRequest { Provider = "kling", Request = JobHost.Request("kling"), IdempotencyKey = "late", Deadline = DateTimeOffset.UtcNow.AddSeconds(2) });
        var canceled = await queue.EnqueueAsync(new MotionControlJobRequest { Provider = "kling", Request = JobHost.Request("kling"), IdempotencyKey = "canceled" });
        await queue.CancelAsync(canceled.Id);

        var canceledDone = await JobHost.WaitForEndAsync(queue, canceled.Id, TimeSpan.FromSeconds(30));
        var lateDone = await JobHost.WaitForEndAsync(queue, late.Id, TimeSpan.FromSeconds(30));
        Assert.False((await queue.GetAsync(waiting.Id))!.IsTerminal);

        await queue.CancelAsync(holder.Id); // Kling cannot cancel: the task is abandoned and its slot given back
        var waitingDone = await JobHost.WaitForEndAsync(queue, waiting.Id, TimeSpan.FromSeconds(30));
        await host.StopAsync();

        Assert.Equal(MotionControlJobState.Canceled, canceledDone.State);
        Assert.Equal("Canceled before it was submitted.", canceledDone.Error);
        Assert.Equal(MotionControlJobState.Failed, lateDone.State);
        Assert.Contains("deadline", lateDone.Error, StringComparison.Ordinal);
        Assert.Contains("no create was sent", lateDone.Error, StringComparison.Ordinal);
        Assert.Equal(MotionControlJobState.Succeeded, waitingDone.State);
        Assert.Equal(2, emulator.CreatedTaskCount("kling")); // the holder's and the waiting job's
    }

    private static async Task WaitForStateAsync(IMotionControlJobQueue queue, string jobId, MotionControlJobState state)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await queue.GetAsync(jobId, cts.Token))!.State != state)
        {
            await Task.Delay(20, cts.Token);
        }
    }
}

/// <summary>
/// Passes every store call through and counts the slot asks (<see cref="IJobStore.TryAcquireSlotAsync"/>): how many,
/// and how many at most were in flight at once. Each ask is held 5 ms first, so asks that are not serialized overlap.
/// </summary>
public class SlotAskCounter : DispatchProxy
{
    private IJobStore _inner = null!;
    private int _inFlight;
    private int _maxInFlight;
    private int _asks;

    internal IJobStore Store => (IJobStore)(object)this;

    public int Asks => Volatile.Read(ref _asks);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    internal static SlotAskCounter Wrap(IJobStore inner)
    {
        var proxy = Create<IJobStore, SlotAskCounter>();
        var counter = (SlotAskCounter)(object)proxy;
        counter._inner = inner;
        return counter;
    }

    public async ValueTask DisposeInnerAsync()
    {
        switch (_inner)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IJobStore.TryAcquireSlotAsync))
        {
            return new ValueTask<GovernorAcquireResult>(AskAsync((GovernorAcquireRequest)args![0]!, (CancellationToken)args[1]!));
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    private async Task<GovernorAcquireResult> AskAsync(GovernorAcquireRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _asks);
        var inFlight = Interlocked.Increment(ref _inFlight);
        try
        {
            int seen;
            while (inFlight > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, inFlight, seen) != seen)
            {
            }

            await Task.Delay(5, cancellationToken);
            return await _inner.TryAcquireSlotAsync(request, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
