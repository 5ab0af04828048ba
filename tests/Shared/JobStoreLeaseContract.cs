using MotionControl.Jobs.Storage;

namespace MotionControl.Jobs.TestWorkers;

/// <summary>
/// Store contract checks for the worker's lease batch and in-flight take-over, run against each store (SQLite in
/// tests/MotionControl.Jobs.Tests, PostgreSQL in tests/MotionControl.Jobs.PostgreSql.Tests; linked source).
/// </summary>
internal static class JobStoreLeaseContract
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// <c>RenewLeasesAsync</c> extends only the leases the worker still holds, in one call, and hands back each held job's
    /// out-of-band news (a recorded task update, a cancel request); a lost or released lease is missing from the result.
    /// </summary>
    public static async Task RenewLeasesRenewsOnlyHeldLeasesAndReturnsTheirNewsAsync(IJobStore store)
    {
        var ct = CancellationToken.None;
        var plain = await ClaimedAsync(store, "holder", "plain");
        var reported = await ClaimedAsync(store, "holder", "reported");
        var canceled = await ClaimedAsync(store, "holder", "canceled");
        var released = await ClaimedAsync(store, "holder", "released");
        var lost = await ClaimedAsync(store, "holder", "lost");
        Assert.True(await store.TransitionAsync(new JobTransition { JobId = reported, WorkerId = "holder", ExpectedState = MotionControlJobState.Pending, NewState = MotionControlJobState.Submitted, Now = T0, TaskId = "task-r" }, ct));
        Assert.Equal(1, await store.RecordTaskUpdateAsync("kling", "task-r", """{"id":"task-r"}""", T0, ct));
        Assert.NotNull(await store.RequestCancelAsync(canceled, T0, ct));
        Assert.True(await store.ReleaseLeaseAsync(lost, "holder", ct));
        Assert.Equal(lost, Assert.Single(await store.ClaimAsync(new JobClaimRequest { WorkerId = "other", Now = T0, LeaseExpiresAt = T0.AddSeconds(2), MaxJobs = 1 }, ct)).Job.Id);
        Assert.True(await store.ReleaseLeaseAsync(released, "holder", ct));

        var renewed = await store.RenewLeasesAsync([plain, reported, canceled, released, lost], "holder", T0.AddMinutes(5), ct);

        Assert.Equal(new[] { canceled, plain, reported }.Order(StringComparer.Ordinal), renewed.Select(r => r.JobId).Order(StringComparer.Ordinal));
        var byId = renewed.ToDictionary(r => r.JobId);
        Assert.Equal((null, false), (byId[plain].ReportedTaskJson, byId[plain].CancelRequested));
        Assert.Equal("""{"id":"task-r"}""", byId[reported].ReportedTaskJson);
        Assert.True(byId[canceled].CancelRequested);
        foreach (var id in (string[])[plain, reported, canceled])
        {
            Assert.Equal(T0.AddMinutes(5), (await store.GetAsync(id, ct))!.LeaseExpiresAt);
        }

        Assert.Equal("other", (await store.GetAsync(lost, ct))!.LeaseOwner);
        Assert.Null((await store.GetAsync(released, ct))!.LeaseOwner);
        Assert.Empty(await store.RenewLeasesAsync([], "holder", T0.AddMinutes(5), ct));
    }

    /// <summary>An in-flight-only claim passes over runnable pending jobs and takes expired in-flight ones, oldest first.</summary>
    public static async Task AnInFlightOnlyClaimTakesOnlySubmittingAndSubmittedJobsAsync(IJobStore store)
    {
        var ct = CancellationToken.None;
        await InsertAsync(store, "pending-old", notBefore: T0.AddSeconds(1)); // oldest, but not due while the others are claimed
        var submitted = await ClaimedAsync(store, "dead", "submitted");
        var submitting = await ClaimedAsync(store, "dead", "submitting");
        await InsertAsync(store, "pending-new");
        Assert.True(await store.TransitionAsync(new JobTransition { JobId = submitted, WorkerId = "dead", ExpectedState = MotionControlJobState.Pending, NewState = MotionControlJobState.Submitted, Now = T0, TaskId = "task-s", HoldsSlot = true }, ct));
        Assert.True(await store.TransitionAsync(new JobTransition { JobId = submitting, WorkerId = "dead", ExpectedState = MotionControlJobState.Pending, NewState = MotionControlJobState.Submitting, Now = T0 }, ct));
        var later = T0.AddSeconds(3); // the dead worker's 2 s leases have expired

        var claims = await store.ClaimAsync(new JobClaimRequest { WorkerId = "alive", Now = later, LeaseExpiresAt = later.AddSeconds(2), MaxJobs = 10, InFlightOnly = true }, ct);

        Assert.Equal([submitted, submitting], claims.Select(c => c.Job.Id));
        Assert.All(claims, c => Assert.Equal("dead", c.TakenOverFrom));
        var rest = await store.ClaimAsync(new JobClaimRequest { WorkerId = "alive", Now = later, LeaseExpiresAt = later.AddSeconds(2), MaxJobs = 10 }, ct);
        Assert.Equal(["pending-old", "pending-new"], rest.Select(c => c.Job.IdempotencyKey));
    }

    private static async Task<string> ClaimedAsync(IJobStore store, string worker, string key)
    {
        var id = await InsertAsync(store, key);
        var claim = Assert.Single(await store.ClaimAsync(new JobClaimRequest { WorkerId = worker, Now = T0, LeaseExpiresAt = T0.AddSeconds(2), MaxJobs = 1 }, CancellationToken.None));
        Assert.Equal(id, claim.Job.Id);
        return id;
    }

    private static async Task<string> InsertAsync(IJobStore store, string key, DateTimeOffset? notBefore = null)
    {
        var id = Guid.NewGuid().ToString("N");
        await store.InsertOrGetAsync(
            new JobRecord
            {
                Id = id,
                IdempotencyKey = key,
                Provider = "kling",
                RequestJson = """{"prompt":"dance"}""",
                State = MotionControlJobState.Pending,
                NotBefore = notBefore ?? T0,
                CreatedAt = T0,
                UpdatedAt = T0,
            },
            CancellationToken.None);
        return id;
    }
}
