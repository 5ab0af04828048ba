using MotionControl.Jobs.PostgreSql.Tests.Servers;
using MotionControl.Jobs.TestWorkers;

namespace MotionControl.Jobs.PostgreSql.Tests;

/// <summary>The lease batch and the in-flight-only claim (<see cref="JobStoreLeaseContract"/>) on the PostgreSQL store.</summary>
public sealed class LeaseContractTests(PostgreSqlFixture postgres) : IClassFixture<PostgreSqlFixture>
{
    [Fact]
    public async Task The_PostgreSQL_store_renews_only_held_leases_in_one_statement_with_their_news()
    {
        await using var store = await StoreBed.CreateAsync(postgres.ConnectionString);

        await JobStoreLeaseContract.RenewLeasesRenewsOnlyHeldLeasesAndReturnsTheirNewsAsync(store);
    }

    [Fact]
    public async Task The_PostgreSQL_store_claims_only_in_flight_jobs_when_asked()
    {
        await using var store = await StoreBed.CreateAsync(postgres.ConnectionString);

        await JobStoreLeaseContract.AnInFlightOnlyClaimTakesOnlySubmittingAndSubmittedJobsAsync(store);
    }
}
