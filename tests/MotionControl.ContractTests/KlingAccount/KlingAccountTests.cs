using System.Globalization;
using MotionControl.ContractTests.Infrastructure;

namespace MotionControl.ContractTests.KlingAccount;

/// <summary>Kling's balance: <c>GET /account/costs</c> (https://kling.ai/document-api/api/assets/account-usage).</summary>
public sealed class KlingAccountTests(WireMockFixture fixture) : ContractTest(fixture), IClassFixture<WireMockFixture>
{
    private const string ApiKey = "contract-api-key";
    private const string Path = "/account/costs";

    /// <summary>The page's example, its one pack <c>expired</c>.</summary>
    private static string Reply => DocumentedJson.StripComments(DocumentedJson.Read("kling-account", "costs.response.jsonc"));

    /// <summary>[inferred] The example's pack online, and a second online pack.</summary>
    private static string OnlineReply =>
        Reply.Replace("\"expired\"", "\"online\"", StringComparison.Ordinal)
            .Replace(
                "    ]",
                """
                ,{"resource_pack_name":"b","resource_pack_id":"2","resource_pack_type":"constant_period","total_quantity":50.0,"remaining_quantity":7.5,"purchase_time":1726124664368,"effective_time":1726124664368,"invalid_time":1727366400000,"status":"online"}
                ,{"resource_pack_name":"c","resource_pack_id":"3","resource_pack_type":"decreasing_total","total_quantity":50.0,"remaining_quantity":40.0,"purchase_time":1726124664368,"effective_time":1726124664368,"invalid_time":1727366400000,"status":"toBeOnline"}
                ]
                """,
                StringComparison.Ordinal);

    [Fact]
    public async Task Typed_GetAccountCostsAsync_sends_the_documented_query_and_reads_the_reply()
    {
        Server.Given(Bearer(Get(Path), ApiKey)).RespondWith(Json(200, Reply));
        using var client = Clients.Kling(BaseAddress, ApiKey);

        var reply = await client.Api.GetAccountCostsAsync(
            DateTimeOffset.FromUnixTimeMilliseconds(1726124664368),
            DateTimeOffset.FromUnixTimeMilliseconds(1727366400000));

        AssertQuery(SingleRequest(), "start_time=1726124664368&end_time=1727366400000");
        var pack = Assert.Single(reply.Data.ResourcePacks!);
        Assert.Equal("Video Generation - 10,000 entries", pack.Name);
        Assert.Equal("509f3fd3d4ab4a3f9eec5db27aa44f27", pack.Id);
        Assert.Equal("decreasing_total", pack.Type);
        Assert.Equal(200m, pack.TotalQuantity);
        Assert.Equal(118m, pack.RemainingQuantity);
        Assert.Equal(1726124664368, pack.PurchaseTime);
        Assert.Equal(1727366400000, pack.InvalidTime);
        Assert.Equal("expired", pack.Status);
    }

    [Fact]
    public async Task Typed_call_refuses_an_end_before_the_start_without_sending()
    {
        using var client = Clients.Kling(BaseAddress, ApiKey);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Api.GetAccountCostsAsync(DateTimeOffset.UnixEpoch.AddDays(1), DateTimeOffset.UnixEpoch));
        Assert.Empty(Requests);
    }

    [Fact]
    public async Task Neutral_GetBalanceAsync_sums_the_online_packs_over_the_last_365_days()
    {
        Server.Given(Bearer(Get(Path), ApiKey)).RespondWith(Json(200, OnlineReply));
        using var client = Clients.Kling(BaseAddress, ApiKey);

        Assert.True(client.Capabilities.SupportsBalance);
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var balance = await client.GetBalanceAsync();
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var request = SingleRequest();
        var query = request.Query!;
        Assert.Equal(["end_time", "start_time"], query.Keys.Order(StringComparer.Ordinal));
        var start = long.Parse(query["start_time"].Single(), CultureInfo.InvariantCulture);
        var end = long.Parse(query["end_time"].Single(), CultureInfo.InvariantCulture);
        Assert.InRange(end, before, after);
        Assert.Equal((long)TimeSpan.FromDays(365).TotalMilliseconds, end - start);
        Assert.Equal(125.5m, balance.Amount);
        Assert.Equal(MotionControlCharge.Units, balance.Unit);
        Assert.Null(balance.AsOf);
        Assert.Equal("resource_pack_subscribe_infos[status=online].remaining_quantity", balance.Source);
    }

    /// <summary>A Kling API 2.0 client reads the same account route (the page shows no 2.0 one) with its API key.</summary>
    [Fact]
    public async Task Neutral_GetBalanceAsync_works_on_an_API_2_0_client_too()
    {
        Server.Given(Bearer(Get(Path), ApiKey)).RespondWith(Json(200, OnlineReply));
        using var client = Clients.KlingV2(BaseAddress, ApiKey);

        var balance = await client.GetBalanceAsync();

        AssertAllRequestsMatched();
        Assert.Equal((125.5m, MotionControlCharge.Units), (balance.Amount, balance.Unit));
    }

    [Fact]
    public async Task Neutral_GetBalanceAsync_of_the_documented_expired_pack_is_zero()
    {
        Server.Given(Bearer(Get(Path), ApiKey)).RespondWith(Json(200, Reply));
        using var client = Clients.Kling(BaseAddress, ApiKey);

        var balance = await client.GetBalanceAsync();

        SingleRequest();
        Assert.Equal(0m, balance.Amount);
    }

    [Fact]
    public async Task Neutral_GetBalanceAsync_signs_a_jwt_with_access_and_secret_keys()
    {
        Server.Given(BearerJwt(Get(Path))).RespondWith(Json(200, OnlineReply));
        using var client = Clients.Kling(BaseAddress);

        var balance = await client.GetBalanceAsync();

        SingleRequest();
        Assert.Equal(125.5m, balance.Amount);
    }

    [Fact]
    public async Task A_kling_error_code_raises_the_mapped_error()
    {
        Server.Given(Bearer(Get(Path), ApiKey)).RespondWith(Json(401, """{"code":1000,"message":"Authentication failed","request_id":"r"}"""));
        using var client = Clients.Kling(BaseAddress, ApiKey);

        await Assert.ThrowsAsync<MotionControlAuthenticationException>(() => client.GetBalanceAsync());
    }
}
