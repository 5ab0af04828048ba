using MotionControl.ContractTests.Infrastructure;

namespace MotionControl.ContractTests.AimlApi;

/// <summary>AIMLAPI's balance: <c>GET /v2/billing</c> (https://docs.aimlapi.com/api-references/service-endpoints/account-balance).</summary>
public sealed class AimlApiBalanceTests(WireMockFixture fixture) : ContractTest(fixture), IClassFixture<WireMockFixture>
{
    private const string Key = "<YOUR_AIMLAPI_KEY>";
    private const string Path = "/v2/billing";

    private static string Reply => DocumentedJson.Read("aimlapi", "billing.response.json");

    [Fact]
    public async Task Typed_GetBillingAsync_reads_the_documented_reply()
    {
        Server.Given(Bearer(Get(Path), Key)).RespondWith(Json(200, Reply));
        using var client = Clients.AimlApi(BaseAddress, Key);

        var billing = await client.Api.GetBillingAsync();

        AssertQuery(SingleRequest(), string.Empty);
        Assert.Equal(123.45m, billing.CurrentBalance);
        Assert.Equal("USD", billing.Currency);
    }

    [Fact]
    public async Task Neutral_GetBalanceAsync_is_current_balance_in_USD()
    {
        Server.Given(Bearer(Get(Path), Key)).RespondWith(Json(200, Reply));
        using var client = Clients.AimlApi(BaseAddress, Key);

        Assert.True(client.Capabilities.SupportsBalance);
        var balance = await client.GetBalanceAsync();

        AssertQuery(SingleRequest(), string.Empty);
        Assert.Equal(new MotionControlBalance { Amount = 123.45m, Unit = MotionControlCharge.Usd, Source = "current_balance" }, balance);
    }
}
