using System.Text;
using WireMock;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace MotionControl.ContractTests.Infrastructure;

/// <summary>
/// The base of every contract test class: a reset WireMock server per test, helpers that build exact request matchers
/// (method, path, auth, JSON body), and the rule that no request may go unmatched.
/// </summary>
public abstract class ContractTest : IDisposable
{
    private readonly WireMockFixture _fixture;

    protected ContractTest(WireMockFixture fixture)
    {
        _fixture = fixture;
        fixture.Server.Reset();
    }

    protected WireMockServer Server => _fixture.Server;

    protected Uri BaseAddress => _fixture.BaseAddress;

    /// <summary>A POST whose body must equal <paramref name="json"/> structurally (order-free, exact on fields and types).</summary>
    protected static IRequestBuilder Post(string path, string json) =>
        Request.Create().UsingPost().WithPath(new ExactMatcher(path))
            .WithHeader("Content-Type", new WildcardMatcher("application/json*"))
            .WithBody(new JsonMatcher(json));

    /// <summary>A GET of exactly <paramref name="path"/> (the query is checked with <see cref="AssertQuery"/> or WithParam).</summary>
    protected static IRequestBuilder Get(string path) => Request.Create().UsingGet().WithPath(new ExactMatcher(path));

    /// <summary>A DELETE of exactly <paramref name="path"/>.</summary>
    protected static IRequestBuilder Delete(string path) => Request.Create().UsingDelete().WithPath(new ExactMatcher(path));

    /// <summary>An exact <c>Authorization: Bearer key</c> header.</summary>
    protected static IRequestBuilder Bearer(IRequestBuilder request, string key) =>
        request.WithHeader("Authorization", new ExactMatcher($"Bearer {key}"));

    /// <summary>A Kling AK/SK JWT: <c>Bearer</c>, one space, three Base64url segments (claims checked by <see cref="Kling.KlingJwt"/>).</summary>
    protected static IRequestBuilder BearerJwt(IRequestBuilder request) =>
        request.WithHeader("Authorization", new RegexMatcher(@"^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$"));

    /// <summary>A JSON reply with the documented body, as is.</summary>
    protected static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body, encoding: Encoding.UTF8);

    /// <summary>Every request the SDK sent, in order.</summary>
    protected IReadOnlyList<ILogEntry> Requests => Server.LogEntries.ToList();

    /// <summary>The only request the SDK sent.</summary>
    protected IRequestMessage SingleRequest()
    {
        AssertAllRequestsMatched();
        return Assert.Single(Requests).RequestMessage!;
    }

    /// <summary>The raw query string of a request, exactly (no extra or missing parameter).</summary>
    protected static void AssertQuery(IRequestMessage request, string expected) =>
        Assert.Equal(expected, (request.RawQuery ?? string.Empty).TrimStart('?'));

    /// <summary>Fails loudly when any request reached no mapping (WireMock answered it 404 and the SDK saw that).</summary>
    protected void AssertAllRequestsMatched()
    {
        var unmatched = Server.FindUnmatchedLogEntries().ToList();
        var orphans = Server.LogEntries.Where(e => e.MappingGuid is null).ToList();
        if (unmatched.Count > 0 || orphans.Count > 0)
        {
            var lines = unmatched.Concat(orphans).Distinct().Select(e =>
                $"{e.RequestMessage?.Method} {e.RequestMessage?.Url} auth=[{Header(e.RequestMessage, "Authorization")}] body={e.RequestMessage?.Body} (closest mapping score {e.PartialMatchResult?.AverageTotalScore:0.00})");
            Assert.Fail("Requests no mapping matched:" + Environment.NewLine + string.Join(Environment.NewLine, lines));
        }
    }

    protected static string? Header(IRequestMessage? request, string name) =>
        request?.Headers is { } headers && headers.TryGetValue(name, out var values) ? string.Join(",", values) : null;

    public void Dispose()
    {
        // A safety net: a test that forgot to check still fails on an unmatched request.
        AssertAllRequestsMatched();
        GC.SuppressFinalize(this);
    }
}
