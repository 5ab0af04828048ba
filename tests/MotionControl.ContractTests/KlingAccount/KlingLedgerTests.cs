using System.Text.Json.Nodes;
using MotionControl.ContractTests.Infrastructure;
using MotionControl.Providers.Kling;

namespace MotionControl.ContractTests.KlingAccount;

/// <summary>
/// Kling's deduction ledgers: <c>POST /account/billing/balance</c> (https://kling.ai/document-api/api/assets/billing-deduction/balance)
/// and <c>POST /account/billing/package</c> (https://kling.ai/document-api/api/assets/billing-deduction/package), from the
/// pages' own request and response examples.
/// </summary>
public sealed class KlingLedgerTests(WireMockFixture fixture) : ContractTest(fixture), IClassFixture<WireMockFixture>
{
    private const string ApiKey = "contract-api-key";
    private const string BalancePath = "/account/billing/balance";
    private const string PackagePath = "/account/billing/package";

    private static string BalanceReply => DocumentedJson.StripComments(DocumentedJson.Read("kling-account", "billing-balance.response.jsonc"));

    private static string PackageReply => DocumentedJson.StripComments(DocumentedJson.Read("kling-account", "billing-package.response.jsonc"));

    /// <summary>The page's request example as the SDK sends it: without the empty cursor (see SOURCES.md).</summary>
    private static string ExpectedBody(string file)
    {
        var body = DocumentedJson.Node(DocumentedJson.Read("kling-account", file));
        body.Remove("cursor");
        return body.ToJsonString();
    }

    [Fact]
    public async Task Balance_ledger_sends_the_documented_body_and_reads_the_documented_reply()
    {
        Server.Given(Bearer(Post(BalancePath, ExpectedBody("billing-balance.request.json")), ApiKey)).RespondWith(Json(200, BalanceReply));
        using var client = Clients.Kling(BaseAddress, ApiKey);

        var reply = await client.Api.GetBalanceDeductionsAsync(new KlingLedgerQuery
        {
            StartTime = DateTimeOffset.FromUnixTimeMilliseconds(1741284003293),
            EndTime = DateTimeOffset.FromUnixTimeMilliseconds(1792219793736),
            Limit = 50,
            Filters = [new KlingLedgerFilter(KlingLedgerFilter.ApiKeyName, [])],
        });

        AssertAllRequestsMatched();
        Assert.Equal("769a8903-3804-4e70-a0a3-aa021402292c", reply.RequestId);
        Assert.Equal("string", reply.Data.NextCursor);
        Assert.True(reply.Data.HasMore);
        Assert.Equal(20, reply.Data.Result!.Count);
        var entry = Assert.Single(reply.Data.Result.Detail!);
        Assert.Equal("string", entry.TaskId);
        Assert.Equal("string", entry.ApiKeyName);
        Assert.Equal("string", entry.ProductFunction);
        Assert.Equal("string", entry.ModelName);
        Assert.Equal("string", entry.Resolution);
        Assert.Equal("5.04", entry.Duration);
        Assert.True(entry.ReferVideoInput);
        Assert.Equal("native", entry.VideoSound);
        Assert.False(entry.VoiceControl);
        Assert.Equal(1779549455861, entry.DeductionTime);
        Assert.Equal("string", entry.CashType);
        Assert.Equal(13037.3m, entry.BalanceBeforeDeduction);
        Assert.Equal(5.0m, entry.DeductionAmount);
        Assert.Equal(13032.3m, entry.BalanceAfterDeduction);
        Assert.Equal(5.0m, entry.ListPrice);
        Assert.Equal("string", entry.Currency);
    }

    [Fact]
    public async Task Unit_ledger_sends_the_documented_body_with_all_four_filters_and_reads_the_documented_reply()
    {
        Server.Given(Bearer(Post(PackagePath, ExpectedBody("billing-package.request.json")), ApiKey)).RespondWith(Json(200, PackageReply));
        using var client = Clients.Kling(BaseAddress, ApiKey);

        var reply = await client.Api.GetUnitDeductionsAsync(new KlingLedgerQuery
        {
            StartTime = DateTimeOffset.FromUnixTimeMilliseconds(1751284003293),
            EndTime = DateTimeOffset.FromUnixTimeMilliseconds(1782219793736),
            Limit = 50,
            Filters =
            [
                new KlingLedgerFilter(KlingLedgerFilter.ProductType, []),
                new KlingLedgerFilter(KlingLedgerFilter.ApiKeyName, []),
                new KlingLedgerFilter(KlingLedgerFilter.PackageName, []),
                new KlingLedgerFilter(KlingLedgerFilter.PackageId, []),
            ],
        });

        AssertAllRequestsMatched();
        var entry = Assert.Single(reply.Data.Result!.Detail!);
        Assert.Equal("string", entry.PackageId);
        Assert.Equal("video", entry.ProductType);
        Assert.Equal("5.04", entry.Duration);
        Assert.Equal(1779549455861, entry.DeductionTime);
        Assert.Equal(13037.3m, entry.UnitBeforeDeduction);
        Assert.Equal(5.0m, entry.DeductionAmount);
        Assert.Equal(13032.3m, entry.UnitAfterDeduction);
        Assert.True(reply.Data.HasMore);
    }

    [Fact]
    public async Task The_next_page_sends_the_cursor_alone()
    {
        Server.Given(Bearer(Post(PackagePath, """{"cursor":"string"}"""), ApiKey)).RespondWith(Json(200, PackageReply));
        using var client = Clients.Kling(BaseAddress, ApiKey);
        var first = new KlingLedger<KlingUnitLedgerEntry> { NextCursor = "string", HasMore = true };

        var query = KlingLedgerQuery.After(first) with { Limit = 999, Filters = [new KlingLedgerFilter("nonsense", ["x"])] };
        var reply = await client.Api.GetUnitDeductionsAsync(query);

        AssertAllRequestsMatched();
        Assert.Single(reply.Data.Result!.Detail!);
        Assert.Throws<InvalidOperationException>(() => KlingLedgerQuery.After(first with { NextCursor = "" }));
    }

    [Fact]
    public async Task A_ledger_read_whose_first_attempt_meets_a_server_error_is_retried()
    {
        Server.Given(Bearer(Post(BalancePath, ExpectedBody("billing-balance.request.json")), ApiKey))
            .InScenario("retry").WillSetStateTo("failed once")
            .RespondWith(Json(500, """{"code":5000,"message":"Server internal error","request_id":"r1"}"""));
        Server.Given(Bearer(Post(BalancePath, ExpectedBody("billing-balance.request.json")), ApiKey))
            .InScenario("retry").WhenStateIs("failed once")
            .RespondWith(Json(200, BalanceReply));
        using var client = Clients.Kling(BaseAddress, ApiKey, retries: 1);

        var reply = await client.Api.GetBalanceDeductionsAsync(new KlingLedgerQuery
        {
            StartTime = DateTimeOffset.FromUnixTimeMilliseconds(1741284003293),
            EndTime = DateTimeOffset.FromUnixTimeMilliseconds(1792219793736),
            Limit = 50,
            Filters = [new KlingLedgerFilter(KlingLedgerFilter.ApiKeyName, [])],
        });

        Assert.Equal(2, Requests.Count);
        Assert.Equal(13032.3m, reply.Data.Result!.Detail![0].BalanceAfterDeduction);
    }

    [Fact]
    public async Task A_kling_error_code_in_a_ledger_reply_raises_the_mapped_error()
    {
        Server.Given(Request().UsingPost().WithPath(PackagePath)).RespondWith(Json(400, """{"code":1201,"message":"start_time must be earlier than end_time","request_id":"r"}"""));
        using var client = Clients.Kling(BaseAddress, ApiKey);

        var refused = await Assert.ThrowsAsync<MotionControlRequestRejectedException>(() => client.Api.GetUnitDeductionsAsync(Window()));

        Assert.Equal("1201", refused.VendorCode);
        Assert.Equal("r", refused.RequestId);
    }

    public static TheoryData<string, KlingLedgerQuery> InvalidQueries() => new()
    {
        { "no window", new KlingLedgerQuery() },
        { "no end", new KlingLedgerQuery { StartTime = DateTimeOffset.UnixEpoch } },
        { "end equals start", Window() with { EndTime = DateTimeOffset.FromUnixTimeMilliseconds(1751284003293) } },
        { "end before start", Window() with { EndTime = DateTimeOffset.FromUnixTimeMilliseconds(1) } },
        { "limit 0", Window() with { Limit = 0 } },
        { "limit 501", Window() with { Limit = 501 } },
        { "unknown key", Window() with { Filters = [new KlingLedgerFilter("model_name", ["kling-v3"])] } },
        { "blank value", Window() with { Filters = [new KlingLedgerFilter(KlingLedgerFilter.ApiKeyName, [" "])] } },
        { "name and id", Window() with { Filters = [new KlingLedgerFilter(KlingLedgerFilter.PackageName, ["a"]), new KlingLedgerFilter(KlingLedgerFilter.PackageId, ["b"])] } },
    };

    [Theory]
    [MemberData(nameof(InvalidQueries))]
    public async Task An_invalid_unit_ledger_query_is_refused_before_sending(string why, KlingLedgerQuery query)
    {
        using var client = Clients.Kling(BaseAddress, ApiKey);

        var refused = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Api.GetUnitDeductionsAsync(query));

        Assert.Equal("query", refused.ParamName);
        Assert.False(string.IsNullOrEmpty(why));
        Assert.Empty(Requests);
    }

    [Fact]
    public async Task The_balance_ledger_filters_by_api_key_name_only()
    {
        using var client = Clients.Kling(BaseAddress, ApiKey);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => client.Api.GetBalanceDeductionsAsync(Window() with { Filters = [new KlingLedgerFilter(KlingLedgerFilter.ProductType, ["video"])] }));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.Api.GetBalanceDeductionsAsync(null!));

        Assert.Contains("api_key_name", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Requests);
    }

    [Fact]
    public async Task Filters_with_values_are_sent_as_key_and_values()
    {
        var expected = new JsonObject
        {
            ["start_time"] = 1751284003293,
            ["end_time"] = 1782219793736,
            ["filters"] = new JsonArray(
                new JsonObject { ["key"] = "api_key_name", ["values"] = new JsonArray("prod", "staging") },
                new JsonObject { ["key"] = "package_id", ["values"] = new JsonArray("509f3fd3d4ab4a3f9eec5db27aa44f27") }),
        };
        Server.Given(Bearer(Post(PackagePath, expected.ToJsonString()), ApiKey)).RespondWith(Json(200, PackageReply));
        using var client = Clients.Kling(BaseAddress, ApiKey);

        await client.Api.GetUnitDeductionsAsync(Window() with
        {
            Filters = [new KlingLedgerFilter(KlingLedgerFilter.ApiKeyName, ["prod", "staging"]), new KlingLedgerFilter(KlingLedgerFilter.PackageId, ["509f3fd3d4ab4a3f9eec5db27aa44f27"])],
        });

        AssertAllRequestsMatched();
    }

    private static KlingLedgerQuery Window() => new()
    {
        StartTime = DateTimeOffset.FromUnixTimeMilliseconds(1751284003293),
        EndTime = DateTimeOffset.FromUnixTimeMilliseconds(1782219793736),
    };

    private static WireMock.RequestBuilders.IRequestBuilder Request() => WireMock.RequestBuilders.Request.Create();
}
