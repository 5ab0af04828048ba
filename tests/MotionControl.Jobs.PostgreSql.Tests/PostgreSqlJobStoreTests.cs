using System.Collections.Concurrent;
using MotionControl.Jobs.PostgreSql.Tests.Servers;
using MotionControl.Jobs.Storage;
using static MotionControl.Jobs.PostgreSql.Tests.StoreBed;

namespace MotionControl.Jobs.PostgreSql.Tests;

public sealed class PostgreSqlJobStoreTests(PostgreSqlFixture postgres) : IClassFixture<PostgreSqlFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_job_round_trips_every_column_it_was_inserted_with()
    {
        await using var store = await CreateAsync(postgres.ConnectionString);
        var job = Job() with { OutputPath = "/out/a.mp4", Deadline = T0.AddMinutes(10), ExternalTaskId = "ext-1", NotBefore = T0.AddSeconds(1) };

        var result = await store.InsertOrGetAsync(job, None);

        Assert.True(result.Inserted);
        Assert.Equal(job, result.Job);
        Assert.Equal(job, await store.GetAsync(job.Id, None));
        Assert.Null(await store.GetAsync("missing", None));
    }

    [Fact]
    public async Task A_second_insert_with_the_same_key_returns_the_first_job_unchanged()
    {
        await using var store = await CreateAsync(postgres.ConnectionString);
        var first = Job(key: "key-1");

        await store.InsertOrGetAsync(first, None);
        var second = await store.InsertOrGetAsync(Job(key: "key-1") with { RequestJson = "{}" }, None);

        Assert.False(second.Inserted);
        Assert.Equal(first, second.Job);
        Assert.Single(await store.ListAsync(new JobListQuery(), None));
    }

    [Fact]
    public async Task Inserts_of_one_key_from_many_connections_at_once_create_one_job()
    {
        var schema = NewSchema();
        var stores = new List<PostgreSqlJobStore>();
        for (var i = 0; i < 8; i++)
        {
            stores.Add(await CreateAsync(postgres.ConnectionString + ";Pooling=false", schema));
        }

        try
        {
            var results = await Task.WhenAll(stores.Select(s => Task.Run(async () => await s.InsertOrGetAsync(Job(key: "same"), None))));

            Assert.Single(results, r => r.Inserted);
            Assert.Single(results.Select(r => r.Job.Id).Distinct());
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task List_pages_in_creation_order_and_filters_by_state_and_provider()
    {
        await using var store = await CreateAsync(postgres.ConnectionString);
        var jobs = Enumerable.Range(0, 5).Select(i => Job(provider: i % 2 == 0 ? "kling" : "fal")).ToList();
        foreach (var job in jobs)
        {
            await store.InsertOrGetAsync(job, None);
        }

        var page1 = await store.ListAsync(new JobListQuery { Limit = 2 }, None);
        var page2 = await store.ListAsync(new JobListQuery { Limit = 2, AfterId = page1[^1].Id }, None);
        var fal = await store.ListAsync(new JobListQuery { Provider = "fal" }, None);
        var succeeded = await store.ListAsync(new JobListQuery { State = MotionControlJobState.Succeeded }, None);

        Assert.Equal(jobs.Take(4).Select(j => j.Id), page1.Concat(page2).Select(j => j.Id));
        Assert.Equal([jobs[1].Id, jobs[3].Id], fal.Select(j => j.Id));
        Assert.Empty(succeeded);
    }

    [Fact]
    public async Task Eight_parallel_claimers_over_500_jobs_never_get_the_same_job()
    {
        var schema = NewSchema();
        await using var seed = await CreateAsync(postgres.ConnectionString, schema);
        for (var i = 0; i < 500; i++)
        {
            await seed.InsertOrGetAsync(Job(createdAt: T0.AddMilliseconds(i)), None);
        }

        var claimed = new ConcurrentBag<(string Worker, string Job)>();
        var now = T0.AddSeconds(1);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            await using var store = await CreateAsync(postgres.ConnectionString + ";Pooling=false", schema);
            while (true)
            {
                var claims = await store.ClaimAsync(Claim("w" + w, now, max: 7, lease: TimeSpan.FromMinutes(5)), None);
                if (claims.Count == 0)
                {
                    return;
                }

                foreach (var claim in claims)
                {
                    Assert.Equal("w" + w, claim.Job.LeaseOwner);
                    Assert.Null(claim.TakenOverFrom);
                    claimed.Add(("w" + w, claim.Job.Id));
                }
            }
        })));

        Assert.Equal(500, claimed.Count);
        Assert.Equal(500, claimed.Select(c => c.Job).Distinct().Count());
        Assert.True(claimed.Select(c => c.Worker).Distinct().Count() > 1, "the claims were spread over several claimers");
        var rows = await seed.ListAsync(new JobListQuery { Limit = 1000 }, None);
        Assert.All(rows, r => Assert.Equal(claimed.Single(c => c.Job == r.Id).Worker, r.LeaseOwner));
    }

    [Fact]
    public async Task Claims_come_oldest_first_and_skip_pending_jobs_not_yet_due()
    {
        await using var store = await CreateAsync(postgres.ConnectionString);
        var a = Job(createdAt: T0);
        var b = Job(createdAt: T0.AddSeconds(1));
        var later = Job(createdAt: T0.AddSeconds(2)) with { NotBefore = T0.AddMinutes(1) };
        foreach (var job in new[] { a, b, later })
        {
            await store.InsertOrGetAsync(job, None);
        }

        var claims = await store.ClaimAsync(Claim("w1", T0.AddSeconds(5)), None);

        Assert.Equal([a.Id, b.Id], claims.Select(c => c.Job.Id));
        Assert.All(claims, c => Assert.Equal(T0.AddSeconds(7), c.Job.LeaseExpiresAt));
        Assert.Empty(await store.ClaimAsync(Claim("w1", T0.AddSeconds(6)), None));
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over_and_its_old_holder_loses_every_write()
    {
        await using var store = await CreateAsync(postgres.ConnectionString);
        var job = Job();
        await store.InsertOrGetAsync(job, None);
        Assert.Single(await store.ClaimAsync(Claim("dead", T0, lease: TimeSpan.FromSeconds(2)), None));

        Assert.Empty(await store.ClaimAsync(Claim("alive", T0.AddSeconds(1)), None));
        var takeOver = Assert.Single(await store.ClaimAsync(Claim("alive", T0.AddSeconds(3)), None));

        Assert.Equal("dead", takeOver.TakenOverFrom);
        Assert.Equal("alive", takeOver.Job.LeaseOwner);
        Assert.False(await store.RenewLeaseAsync(job.Id, "dead", T0.AddMinutes(1), None));
        Assert.False(await store.TransitionAsync(Transition(job.Id, "dead", MotionControlJobState.Pending, MotionControlJobState.Submitting, T0.AddSeconds(4)), None));
        Assert.True(await store.TransitionAsync(Transition(job.Id, "alive", MotionControlJobState.Pending, MotionControlJobState.Submitting, T0.AddSeconds(4)), None));
    }

    [Fact]
    public async Task Renewal_by_the_holder_keeps_the_lease_past_its_first_expiry()
    {
        await using var store = await CreateAsync(postgres.ConnectionString);
        var job = Job();
        await store.InsertOrGetAsync(job, None);
        await store.ClaimAsync(Claim("holder", T0, lease: TimeSpan.FromSeconds(2)), None);

        Assert.True(await store.RenewLeaseAsync(job.Id, "holder", T0.AddSeconds(10), None));

        Assert.Empty(await store.ClaimAsync(Claim("other", T0.AddSeconds(5)), None));
        Assert.Equal(T0.AddSeconds(10), (await store.GetAsync(job.Id, None))!.LeaseExpiresAt);
        Assert.Single(await store.ClaimAsync(Claim("other", T0.AddSeconds(11)), None));
    }

    [Fact]
    public async Task A_worker_never_reclaims_its_own_jobs_and_released_leases_are_free_again()
    {
        await using var store = await CreateAsync(postgres.ConnectionString);
        var a = Job(createdAt: T0);
        var b = Job(createdAt: T0.AddSeconds(1));
        await store.InsertOrGetAsync(a, None);
        await store.InsertOrGetAsync(b, None);
        Assert.Equal(2, (await store.ClaimAsync(Claim("w1", T0.AddSeconds(2), lease: TimeSpan.FromSeconds(1)), None)).Count);

        Assert.Empty(await store.ClaimAsync(Claim("w1", T0.AddSeconds(10)), None));
        Assert.False(await store.ReleaseLeaseAsync(a.Id, "w2", None));
        Assert.True(await store.ReleaseLeaseAsync(a.Id, "w1", None));
        Assert.Equal(1, await store.ReleaseAllLeasesAsync("w1", None));

        var reclaimed = await store.ClaimAsync(Claim("w1", T0.AddSeconds(10)), None);
        Assert.Equal([a.Id, b.Id], reclaimed.Select(c => c.Job.Id));
        Assert.All(reclaimed, c => Assert.Null(c.TakenOverFrom));
    }

    [Fact]
    public async Task A_transition_is_a_compare_and_set_on_state_and_lease_holder()
    {
        await using var store = await CreateAsync(postgres.ConnectionString);
        var job = Job();
        await store.InsertOrGetAsync(job, None);
        await store.ClaimAsync(Claim("w1", T0), None);

        Assert.False(await store.TransitionAsync(Transition(job.Id, "w1", MotionControlJobState.Submitted, MotionControlJobState.Succeeded, T0), None));
        Assert.False(await store.TransitionAsync(Transition(job.Id, "w2", MotionControlJobState.Pending, MotionControlJobState.Submitting, T0), None));
        Assert.False(await store.TransitionAsync(Transition(job.Id, null, MotionControlJobState.Pending, MotionControlJobState.Submitting, T0.AddSeconds(1)), None));
        Assert.Equal(job, (await store.GetAsync(job.Id, None))! with { LeaseOwner = null, LeaseExpiresAt = null });

        Assert.True(await store.TransitionAsync(
            Transition(job.Id, "w1", MotionControlJobState.Pending, MotionControlJobState.Submitted, T0.AddSeconds(1)) with
            {
                ExternalTaskId = "ext",
                TaskId = "task-1",
                TaskJson = "{\"s\":1}",
                SubmittedAt = T0.AddSeconds(1),
                HoldsSlot = true,
                IncrementAttempts = true,
            },
            None));
        Assert.True(await store.TransitionAsync(
            Transition(job.Id, "w1", MotionControlJobState.Submitted, MotionControlJobState.Succeeded, T0.AddSeconds(2)) with
            {
                ChargeJson = "{\"c\":1}",
                HoldsSlot = false,
                ReleaseLease = true,
            },
            None));

        var done = (await store.GetAsync(job.Id, None))!;
        Assert.Equal(MotionControlJobState.Succeeded, done.State);
        Assert.Equal(("ext", "task-1", "{\"s\":1}", "{\"c\":1}"), (done.ExternalTaskId, done.TaskId, done.TaskJson, done.ChargeJson));
        Assert.Equal((1, false, (string?)null, (DateTimeOffset?)null), (done.Attempts, done.HoldsSlot, done.LeaseOwner, done.LeaseExpiresAt));
        Assert.Equal((T0.AddSeconds(1), T0.AddSeconds(2), T0.AddSeconds(2)), (done.SubmittedAt, done.CompletedAt, done.UpdatedAt));
        Assert.Empty(await store.ClaimAsync(Claim("w2", T0.AddMinutes(1)), None));
    }

    [Fact]
    public async Task A_transition_without_a_worker_needs_a_free_or_expired_lease()
    {
        await using var store = await CreateAsync(postgres.ConnectionString);
        var job = Job();
        await store.InsertOrGetAsync(job, None);

        Assert.True(await store.TransitionAsync(Transition(job.Id, null, MotionControlJobState.Pending, MotionControlJobState.Canceled, T0), None));
        Assert.Equal(T0, (await store.GetAsync(job.Id, None))!.CompletedAt);
    }

    [Fact]
    public async Task Cancel_requests_task_reports_and_counts_are_recorded()
    {
        await using var store = await CreateAsync(postgres.ConnectionString);
        var submitted = Job();
        var pending = Job() with { NotBefore = T0.AddHours(1) };
        await store.InsertOrGetAsync(submitted, None);
        await store.InsertOrGetAsync(pending, None);
        await store.ClaimAsync(Claim("w1", T0, lease: TimeSpan.FromMinutes(1)), None);
        await store.TransitionAsync(Transition(submitted.Id, "w1", MotionControlJobState.Pending, MotionControlJobState.Submitted, T0) with { TaskId = "t-9" }, None);

        Assert.Equal(1, await store.RecordTaskUpdateAsync("kling", "t-9", "{\"done\":true}", T0.AddSeconds(1), None));
        Assert.Equal(0, await store.RecordTaskUpdateAsync("fal", "t-9", "{}", T0.AddSeconds(1), None));
        Assert.Equal("{\"done\":true}", (await store.GetAsync(submitted.Id, None))!.ReportedTaskJson);
        Assert.True(await store.TransitionAsync(Transition(submitted.Id, "w1", MotionControlJobState.Submitted, MotionControlJobState.Submitted, T0.AddSeconds(2)) with { ClearReportedTask = true }, None));
        Assert.Null((await store.GetAsync(submitted.Id, None))!.ReportedTaskJson);

        // A cancel request makes a pending job claimable before its time, so its worker can act on it.
        var canceled = await store.RequestCancelAsync(pending.Id, T0.AddSeconds(3), None);
        Assert.True(canceled!.CancelRequested);
        Assert.Null(await store.RequestCancelAsync("missing", T0, None));
        Assert.Equal(pending.Id, Assert.Single(await store.ClaimAsync(Claim("w2", T0.AddSeconds(4)), None)).Job.Id);

        var counts = await store.CountByStateAsync(None);
        Assert.Equal(1, counts[MotionControlJobState.Pending]);
        Assert.Equal(1, counts[MotionControlJobState.Submitted]);
    }

    [Fact]
    public async Task Slots_are_granted_up_to_the_limit_and_come_back_with_release_or_transition()
    {
        await using var store = await CreateAsync(postgres.ConnectionString);
        var jobs = Enumerable.Range(0, 3).Select(i => Job(createdAt: T0.AddMilliseconds(i))).ToArray();
        foreach (var job in jobs)
        {
            await store.InsertOrGetAsync(job, None);
        }

        await store.ClaimAsync(Claim("w1", T0.AddSeconds(1), lease: TimeSpan.FromMinutes(1)), None);

        Assert.Equal(new GovernorAcquireResult(true, 2, 1), await store.TryAcquireSlotAsync(Acquire(jobs[0].Id, "w1", 2), None));
        Assert.Equal(new GovernorAcquireResult(true, 2, 1), await store.TryAcquireSlotAsync(Acquire(jobs[0].Id, "w1", 2), None));
        Assert.Equal(new GovernorAcquireResult(true, 2, 2), await store.TryAcquireSlotAsync(Acquire(jobs[1].Id, "w1", 2), None));
        Assert.Equal(new GovernorAcquireResult(false, 2, 2), await store.TryAcquireSlotAsync(Acquire(jobs[2].Id, "w1", 2), None));
        Assert.False((await store.TryAcquireSlotAsync(Acquire(jobs[2].Id, "not-the-holder", 5), None)).Acquired);

        await store.ReleaseSlotAsync(jobs[0].Id, None);
        Assert.True((await store.TryAcquireSlotAsync(Acquire(jobs[2].Id, "w1", 2), None)).Acquired);
        Assert.True(await store.TransitionAsync(Transition(jobs[1].Id, "w1", MotionControlJobState.Pending, MotionControlJobState.Failed, T0) with { HoldsSlot = false }, None));
        Assert.Equal(1, (await store.GetGovernorAsync("kling", None))!.Value.InUse);
    }

    [Fact]
    public async Task Parallel_acquirers_on_many_connections_never_exceed_the_limit()
    {
        var schema = NewSchema();
        await using var seed = await CreateAsync(postgres.ConnectionString, schema);
        var jobs = Enumerable.Range(0, 24).Select(i => Job(createdAt: T0.AddMilliseconds(i))).ToArray();
        foreach (var job in jobs)
        {
            await seed.InsertOrGetAsync(job, None);
        }

        Assert.Equal(24, (await seed.ClaimAsync(Claim("w", T0.AddSeconds(1), max: 100, lease: TimeSpan.FromMinutes(5)), None)).Count);
        var results = await Task.WhenAll(jobs.Select(job => Task.Run(async () =>
        {
            await using var store = await CreateAsync(postgres.ConnectionString + ";Pooling=false", schema);
            return await store.TryAcquireSlotAsync(Acquire(job.Id, "w", 3), None);
        })));

        Assert.Equal(3, results.Count(r => r.Acquired));
        Assert.All(results, r => Assert.InRange(r.InUse, 1, 3));
        Assert.Equal(3, (await seed.GetGovernorAsync("kling", None))!.Value.InUse);
    }

    [Fact]
    public async Task The_limit_goes_down_on_refusals_and_up_only_after_a_quiet_interval()
    {
        await using var store = await CreateAsync(postgres.ConnectionString);
        Assert.Null(await store.GetGovernorAsync("kling", None));

        var down = await store.AdjustLimitAsync(Adjust(GovernorDirection.Down, T0), None);
        var ceiling = await store.AdjustLimitAsync(Adjust(GovernorDirection.Down, T0.AddSeconds(1)) with { Ceiling = 2 }, None);
        var tooSoon = await store.AdjustLimitAsync(Adjust(GovernorDirection.Up, T0.AddSeconds(30)), None);
        var up = await store.AdjustLimitAsync(Adjust(GovernorDirection.Up, T0.AddSeconds(61)), None);

        Assert.Equal(new GovernorState("kling", 7, 0, T0), down);
        Assert.Equal(new GovernorState("kling", 2, 0, T0.AddSeconds(1)), ceiling);
        Assert.Equal(2, tooSoon.Limit);
        Assert.Equal(new GovernorState("kling", 3, 0, T0.AddSeconds(61)), up);
        for (var i = 0; i < 10; i++)
        {
            await store.AdjustLimitAsync(Adjust(GovernorDirection.Down, T0.AddSeconds(100 + i)), None);
        }

        Assert.Equal(1, (await store.GetGovernorAsync("kling", None))!.Value.Limit);
    }

    private static JobTransition Transition(string id, string? worker, MotionControlJobState from, MotionControlJobState to, DateTimeOffset now) =>
        new() { JobId = id, WorkerId = worker, ExpectedState = from, NewState = to, Now = now };

    private static GovernorAcquireRequest Acquire(string job, string worker, int limit) =>
        new() { Registration = "kling", JobId = job, WorkerId = worker, ConfiguredLimit = limit, Now = T0 };

    private static GovernorAdjustment Adjust(GovernorDirection direction, DateTimeOffset now) =>
        new() { Registration = "kling", Direction = direction, ConfiguredLimit = 8, Now = now, QuietInterval = TimeSpan.FromMinutes(1) };
}
