using MotionControl.ContractTests.Infrastructure;

namespace MotionControl.ContractTests.ModelsLab;

/// <summary>ModelsLab's balance: <c>POST /api/wallet_balance</c> with the key in the body (https://docs.modelslab.com/general-api/wallet-balance).</summary>
public sealed class ModelsLabBalanceTests(WireMockFixture fixture) : ContractTest(fixture), IClassFixture<WireMockFixture>
{
    /// <summary>The page's body key.</summary>
    private const string Key = "your_api_key";
    private const string Path = "/api/wallet_balance";

    private static string Request => DocumentedJson.Read("modelslab", "wallet-balance.request.json");

    private static string Reply => DocumentedJson.Read("modelslab", "wallet-balance.response.json");

    [Fact]
    public async Task Typed_GetWalletBalanceAsync_sends_the_documented_body_and_reads_the_reply()
    {
        Server.Given(Post(Path, Request)).RespondWith(Json(200, Reply));
        using var client = Clients.ModelsLab(BaseAddress, Key);

        var wallet = await client.Api.GetWalletBalanceAsync();

        var request = SingleRequest();
        Assert.Null(Header(request, "Authorization"));
        Assert.Equal("success", wallet.Status);
        Assert.Equal(43.6m, wallet.Data!.Balance);
        Assert.Equal("USD", wallet.Data.Currency);
    }

    [Fact]
    public async Task Neutral_GetBalanceAsync_is_data_balance_in_its_currency()
    {
        Server.Given(Post(Path, Request)).RespondWith(Json(200, Reply));
        using var client = Clients.ModelsLab(BaseAddress, Key);

        Assert.True(client.Capabilities.SupportsBalance);
        var balance = await client.GetBalanceAsync();

        SingleRequest();
        Assert.Equal(new MotionControlBalance { Amount = 43.6m, Unit = MotionControlCharge.Usd, Source = "data.balance" }, balance);
    }

    [Fact]
    public async Task A_status_error_in_HTTP_200_raises_the_mapped_error()
    {
        Server.Given(Post(Path, Request)).RespondWith(Json(200, """{"status":"error","message":"Invalid API key"}"""));
        using var client = Clients.ModelsLab(BaseAddress, Key);

        await Assert.ThrowsAnyAsync<MotionControlException>(() => client.GetBalanceAsync());
    }
}
