using MotionControl.ContractTests.Infrastructure;

namespace MotionControl.ContractTests.PowerTokens;

/// <summary>PowerTokens documents no balance endpoint: the neutral call refuses, naming it, and sends nothing.</summary>
public sealed class PowerTokensBalanceTests(WireMockFixture fixture) : ContractTest(fixture), IClassFixture<WireMockFixture>
{
    [Fact]
    public async Task GetBalanceAsync_is_not_supported_and_sends_nothing()
    {
        using var client = Clients.PowerTokens(BaseAddress, "pt-key");

        Assert.False(client.Capabilities.SupportsBalance);
        var ex = await Assert.ThrowsAsync<NotSupportedException>(() => client.GetBalanceAsync());

        Assert.Contains("PowerTokens", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Requests);
    }
}
