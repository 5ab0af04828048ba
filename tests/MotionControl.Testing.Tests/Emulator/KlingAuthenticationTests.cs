using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MotionControl.Testing.Tests.Emulator;

public class KlingAuthenticationTests
{
    private const string Path = "/v1/videos/motion-control";

    private static async Task<(MotionControlEmulator Emulator, FakeTimeProvider Clock)> StartAsync()
    {
        var clock = new FakeTimeProvider();
        return (await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { TimeProvider = clock }), clock);
    }

    private static async Task<Reply> ListWithAsync(MotionControlEmulator emulator, string? authorization)
    {
        using var http = EmulatorHttp.Client(emulator);
        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await http.SendAsync(request);
        return new Reply(response, await response.Content.ReadAsStringAsync());
    }

    private static void AssertRejected(Reply reply, int code)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal(code, reply.Json.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(reply.Json.Str("request_id")));
    }

    [Fact]
    public async Task A_jwt_signed_by_an_independent_library_is_accepted()
    {
        var (emulator, clock) = await StartAsync();
        await using var _ = emulator;
        var now = clock.GetUtcNow();
        string token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = emulator.Credentials.KlingAccessKey,
            Expires = now.AddMinutes(30).UtcDateTime,
            NotBefore = now.AddSeconds(-5).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(emulator.Credentials.KlingSecretKey)), SecurityAlgorithms.HmacSha256),
        });

        var reply = await ListWithAsync(emulator, "Bearer " + token);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(0, reply.Json.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task The_single_api_key_is_accepted_as_a_bearer_token()
    {
        var (emulator, _) = await StartAsync();
        await using var __ = emulator;

        var reply = await ListWithAsync(emulator, "Bearer " + emulator.Credentials.KlingApiKey);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task A_token_is_accepted_until_its_exp_on_the_emulator_clock_then_rejected_with_1004()
    {
        var (emulator, clock) = await StartAsync();
        await using var _ = emulator;
        string token = KlingTokens.Create(emulator.Credentials.KlingAccessKey, emulator.Credentials.KlingSecretKey, clock.GetUtcNow(), expiresIn: TimeSpan.FromMinutes(30));

        clock.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await ListWithAsync(emulator, "Bearer " + token)).Status);

        clock.Advance(TimeSpan.FromSeconds(1));
        AssertRejected(await ListWithAsync(emulator, "Bearer " + token), 1004);
    }

    [Fact]
    public async Task A_token_used_before_its_nbf_is_rejected_with_1003_with_no_extra_leeway()
    {
        var (emulator, clock) = await StartAsync();
        await using var _ = emulator;
        string token = KlingTokens.Create(emulator.Credentials.KlingAccessKey, emulator.Credentials.KlingSecretKey, clock.GetUtcNow(), notBeforeOffset: TimeSpan.FromSeconds(1));

        AssertRejected(await ListWithAsync(emulator, "Bearer " + token), 1003);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await ListWithAsync(emulator, "Bearer " + token)).Status);
    }

    [Fact]
    public async Task A_token_signed_with_another_secret_is_rejected_with_1000()
    {
        var (emulator, clock) = await StartAsync();
        await using var _ = emulator;
        string token = KlingTokens.Create(emulator.Credentials.KlingAccessKey, "not-the-secret", clock.GetUtcNow());

        AssertRejected(await ListWithAsync(emulator, "Bearer " + token), 1000);
    }

    [Fact]
    public async Task A_token_whose_iss_is_not_the_access_key_is_rejected_with_1000()
    {
        var (emulator, clock) = await StartAsync();
        await using var _ = emulator;
        string token = KlingTokens.Create("someone-else", emulator.Credentials.KlingSecretKey, clock.GetUtcNow());

        AssertRejected(await ListWithAsync(emulator, "Bearer " + token), 1000);
    }

    [Fact]
    public async Task A_missing_authorization_header_is_rejected_with_1001()
    {
        var (emulator, _) = await StartAsync();
        await using var __ = emulator;

        AssertRejected(await ListWithAsync(emulator, null), 1001);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer a.b")]
    [InlineData("Bearer !!!.???.###")]
    public async Task A_malformed_authorization_value_is_rejected_with_1002(string authorization)
    {
        var (emulator, _) = await StartAsync();
        await using var __ = emulator;

        AssertRejected(await ListWithAsync(emulator, authorization), 1002);
    }

    [Fact]
    public async Task A_token_without_exp_or_with_another_algorithm_is_rejected_with_1002()
    {
        var (emulator, clock) = await StartAsync();
        await using var _ = emulator;
        var credentials = emulator.Credentials;

        AssertRejected(await ListWithAsync(emulator, "Bearer " + KlingTokens.Create(credentials.KlingAccessKey, credentials.KlingSecretKey, clock.GetUtcNow(), includeExpiry: false)), 1002);
        AssertRejected(await ListWithAsync(emulator, "Bearer " + KlingTokens.Create(credentials.KlingAccessKey, credentials.KlingSecretKey, clock.GetUtcNow(), algorithm: "HS512")), 1002);
    }

    [Fact]
    public async Task An_unknown_api_key_is_rejected_with_1000()
    {
        var (emulator, _) = await StartAsync();
        await using var __ = emulator;

        AssertRejected(await ListWithAsync(emulator, "Bearer not-a-known-key"), 1000);
    }

    [Fact]
    public async Task Create_and_get_check_authorization_too()
    {
        var (emulator, _) = await StartAsync();
        await using var __ = emulator;
        using var http = EmulatorHttp.Client(emulator);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");

        var create = await http.PostAsync(Path, VendorBodies.Kling());
        var get = await http.GetReplyAsync($"{Path}/1");

        AssertRejected(create, 1000);
        AssertRejected(get, 1000);
        Assert.Equal(0, emulator.CreatedTaskCount(EmulatorProviders.Kling));
    }
}
