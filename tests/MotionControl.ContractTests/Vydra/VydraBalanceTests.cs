using MotionControl.ContractTests.Infrastructure;

namespace MotionControl.ContractTests.Vydra;

/// <summary>Vydra's balance: <c>GET /api/v1/organization</c> (https://www.vydra.ai/docs/account, "Get Organization").</summary>
public sealed class VydraBalanceTests(WireMockFixture fixture) : ContractTest(fixture), IClassFixture<WireMockFixture>
{
    private const string Key = "YOUR_API_KEY";
    private const string Path = "/api/v1/organization";

    private static string Reply => DocumentedJson.Read("vydra", "organization.response.json");

    [Fact]
    public async Task Typed_GetOrganizationAsync_reads_the_documented_reply()
    {
        Server.Given(Bearer(Get(Path), Key)).RespondWith(Json(200, Reply));
        using var client = Clients.Vydra(BaseAddress, Key);

        var organization = await client.Api.GetOrganizationAsync();

        AssertQuery(SingleRequest(), string.Empty);
        Assert.Equal("org_abc123", organization.Id);
        Assert.Equal("My Organization", organization.Name);
        Assert.Equal("starter", organization.Plan);
        Assert.Equal(4250m, organization.CreditsRemaining);
        Assert.Equal(new DateTimeOffset(2026, 1, 26, 12, 0, 0, TimeSpan.Zero), organization.UpdatedAt);
    }

    [Fact]
    public async Task Neutral_GetBalanceAsync_is_creditsRemaining_in_credits()
    {
        Server.Given(Bearer(Get(Path), Key)).RespondWith(Json(200, Reply));
        using var client = Clients.Vydra(BaseAddress, Key);

        Assert.True(client.Capabilities.SupportsBalance);
        var balance = await client.GetBalanceAsync();

        AssertQuery(SingleRequest(), string.Empty);
        Assert.Equal(new MotionControlBalance { Amount = 4250m, Unit = MotionControlCharge.Credits, Source = "creditsRemaining" }, balance);
    }

    [Fact]
    public async Task Neutral_GetBalanceAsync_without_creditsRemaining_is_a_protocol_error()
    {
        Server.Given(Bearer(Get(Path), Key)).RespondWith(Json(200, """{"id":"org_abc123","plan":"starter"}"""));
        using var client = Clients.Vydra(BaseAddress, Key);

        await Assert.ThrowsAsync<MotionControlProtocolException>(() => client.GetBalanceAsync());
    }

    [Fact]
    public async Task A_balance_read_is_retried_like_a_get()
    {
        Server.Given(Bearer(Get(Path), Key)).InScenario("balance").WillSetStateTo("up").RespondWith(Json(503, """{"error":"Service unavailable"}"""));
        Server.Given(Bearer(Get(Path), Key)).InScenario("balance").WhenStateIs("up").RespondWith(Json(200, Reply));
        using var client = Clients.Vydra(BaseAddress, Key, retries: 1);

        var balance = await client.GetBalanceAsync();

        Assert.Equal(4250m, balance.Amount);
        Assert.Equal(2, Requests.Count);
    }
}
