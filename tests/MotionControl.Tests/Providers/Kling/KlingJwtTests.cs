using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MotionControl.Providers.Kling;
using MotionControl.Testing;

namespace MotionControl.Tests.Providers.Kling;

/// <summary>The AccessKey/SecretKey JWT, checked by an independent implementation (Microsoft.IdentityModel.JsonWebTokens).</summary>
public sealed class KlingJwtTests
{
    private const string AccessKey = "ak-test-0001";

    // IdentityModel refuses HMAC keys under 256 bits; Kling's own secret keys are 32 characters.
    private const string SecretKey = "sk-test-secret-0001-0123456789abcdef";

    // The bed gives the client the emulator's keys: these, long enough for IdentityModel's HS256 check.
    private static readonly EmulatorCredentials Keys = new() { KlingAccessKey = "emulator-ak-for-jwt-tests", KlingSecretKey = "emulator-sk-for-jwt-tests-0123456789abcdef" };

    private static async Task<TokenValidationResult> ValidateAsync(string token, string accessKey, string secretKey, bool checkLifetime = false) =>
        await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secretKey)),
            ValidIssuer = accessKey,
            ValidateIssuer = true,
            ValidateAudience = false,
            ValidateLifetime = checkLifetime,
            RequireExpirationTime = true,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        });

    private static string BearerToken(RecordedRequest request)
    {
        var header = request.Headers["Authorization"];
        Assert.StartsWith("Bearer ", header, StringComparison.Ordinal);
        return header["Bearer ".Length..];
    }

    [Fact]
    public async Task A_signed_token_passes_an_independent_hs256_validation_with_kling_claims()
    {
        var now = new DateTimeOffset(2026, 11, 21, 12, 0, 30, 250, TimeSpan.Zero);
        var token = KlingJwtSigner.Sign(AccessKey, Encoding.UTF8.GetBytes(SecretKey), now);

        var result = await ValidateAsync(token, AccessKey, SecretKey);

        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = new JsonWebToken(token);
        Assert.Equal("HS256", jwt.Alg);
        Assert.Equal("JWT", jwt.Typ);
        Assert.Equal(AccessKey, jwt.Issuer);
        var exp = jwt.GetPayloadValue<long>("exp");
        var nbf = jwt.GetPayloadValue<long>("nbf");
        Assert.Equal(now.ToUnixTimeSeconds() + 1800, exp);
        Assert.Equal(now.ToUnixTimeSeconds() - 5, nbf);
        Assert.Equal(1805, exp - nbf);
        Assert.Equal(["exp", "iss", "nbf"], jwt.Claims.Select(c => c.Type).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task A_token_signed_with_another_secret_fails_the_independent_validation()
    {
        var token = KlingJwtSigner.Sign(AccessKey, Encoding.UTF8.GetBytes("another-secret-key"), DateTimeOffset.UtcNow);

        var result = await ValidateAsync(token, AccessKey, SecretKey);

        Assert.False(result.IsValid);
    }

    [Fact]
    public void The_token_is_base64url_without_padding()
    {
        // An access key with characters that base64 encodes to '+', '/' and '=' unless base64url is used.
        var token = KlingJwtSigner.Sign("ak?>>~~~", Encoding.UTF8.GetBytes(SecretKey), DateTimeOffset.UnixEpoch.AddSeconds(1_800_000_001));

        Assert.Equal(3, token.Split('.').Length);
        Assert.DoesNotContain('=', token);
        Assert.DoesNotContain('+', token);
        Assert.DoesNotContain('/', token);
        Assert.Equal("ak?>>~~~", new JsonWebToken(token).Issuer);
    }

    [Fact]
    public async Task The_token_kling_receives_is_signed_with_the_secret_key_and_lives_1805_seconds_from_nbf()
    {
        await using var bed = await VendorTestBed.StartAsync(EmulatorProviders.Kling, credentials: Keys);
        await bed.Client.SubmitAsync(bed.Request());

        var token = BearerToken(Assert.Single(bed.Calls(EmulatorOperation.Create)));
        var result = await ValidateAsync(token, bed.Emulator.Credentials.KlingAccessKey, bed.Emulator.Credentials.KlingSecretKey, checkLifetime: true);

        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = new JsonWebToken(token);
        Assert.Equal(bed.Emulator.Credentials.KlingAccessKey, jwt.Issuer);
        Assert.Equal(1805, jwt.GetPayloadValue<long>("exp") - jwt.GetPayloadValue<long>("nbf"));
        Assert.InRange(jwt.GetPayloadValue<long>("nbf"), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 65, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task The_token_is_cached_across_calls()
    {
        await using var bed = await VendorTestBed.StartAsync(EmulatorProviders.Kling);
        var task = await bed.Client.SubmitAsync(bed.Request());
        await bed.Client.GetTaskAsync(task.Id);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => bed.Client.GetTaskAsync(task.Id)));

        var tokens = bed.Emulator.Requests.Select(BearerToken).Distinct().ToList();
        Assert.Equal(10, bed.Emulator.Requests.Count);
        Assert.Single(tokens);
    }

    [Fact]
    public async Task The_token_is_signed_on_the_options_clock_and_re_signed_when_less_than_five_minutes_remain()
    {
        var clock = new FakeTimeProvider();
        await using var bed = await VendorTestBed.StartAsync(EmulatorProviders.Kling, clock: clock, credentials: Keys);
        var task = await bed.Client.SubmitAsync(bed.Request());

        clock.Advance(TimeSpan.FromMinutes(24));
        await bed.Client.GetTaskAsync(task.Id);
        clock.Advance(TimeSpan.FromSeconds(61));
        await bed.Client.GetTaskAsync(task.Id);

        var tokens = bed.Emulator.Requests.Select(BearerToken).ToList();
        Assert.Equal(3, tokens.Count);
        Assert.Equal(tokens[0], tokens[1]);
        Assert.NotEqual(tokens[1], tokens[2]);
        var first = new JsonWebToken(tokens[0]);
        var renewed = new JsonWebToken(tokens[2]);
        Assert.Equal(clock.Start.ToUnixTimeSeconds() - 5, first.GetPayloadValue<long>("nbf"));
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds() - 5, renewed.GetPayloadValue<long>("nbf"));
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds() + 1800, renewed.GetPayloadValue<long>("exp"));
    }

    [Fact]
    public async Task A_1004_token_expired_reply_leads_to_a_fresh_token_and_success()
    {
        var clock = new FakeTimeProvider();
        await using var bed = await VendorTestBed.StartAsync(EmulatorProviders.Kling, clock: clock, credentials: Keys);
        var submitted = await bed.Client.SubmitAsync(bed.Request());
        clock.Advance(TimeSpan.FromMinutes(3));
        bed.Emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Get, EmulatorFault.KlingError(1004));

        var task = await FakeClock.RunAsync(clock, bed.Client.GetTaskAsync(submitted.Id), TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(2));

        Assert.Equal(submitted.Id, task.Id);
        var gets = bed.Calls(EmulatorOperation.Get);
        Assert.Equal(2, gets.Count);
        var create = Assert.Single(bed.Calls(EmulatorOperation.Create));
        Assert.Equal(BearerToken(create), BearerToken(gets[0]));
        Assert.NotEqual(BearerToken(gets[0]), BearerToken(gets[1]));
        var fresh = await ValidateAsync(BearerToken(gets[1]), bed.Emulator.Credentials.KlingAccessKey, bed.Emulator.Credentials.KlingSecretKey);
        Assert.True(fresh.IsValid);
    }

    [Fact]
    public async Task A_create_refused_with_1004_is_signed_again_and_sent_once_more()
    {
        var clock = new FakeTimeProvider();
        await using var bed = await VendorTestBed.StartAsync(EmulatorProviders.Kling, clock: clock, credentials: Keys);
        var first = await bed.Client.SubmitAsync(bed.Request());
        clock.Advance(TimeSpan.FromMinutes(2));
        bed.Emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Create, EmulatorFault.KlingError(1004));

        var second = await FakeClock.RunAsync(clock, bed.Client.SubmitAsync(bed.Request()), TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(2));

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(2, bed.Emulator.CreatedTaskCount(EmulatorProviders.Kling));
        var creates = bed.Calls(EmulatorOperation.Create);
        Assert.Equal(3, creates.Count);
        Assert.NotEqual(BearerToken(creates[1]), BearerToken(creates[2]));
    }

    [Fact]
    public async Task A_real_expiry_on_the_emulators_clock_never_reaches_the_caller()
    {
        var clock = new FakeTimeProvider();
        await using var bed = await VendorTestBed.StartAsync(EmulatorProviders.Kling, clock: clock, credentials: Keys);
        var task = await bed.Client.SubmitAsync(bed.Request());

        // Long past the first token's exp: the client must sign a new one before sending, never send the stale one.
        clock.Advance(TimeSpan.FromHours(2));
        var read = await bed.Client.GetTaskAsync(task.Id);

        Assert.Equal(task.Id, read.Id);
        Assert.Equal(1, bed.Emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Get));
    }

    [Fact]
    public async Task Concurrent_requests_share_one_signed_token()
    {
        var signer = new KlingJwtSigner(AccessKey, SecretKey, new FakeTimeProvider());

        var tokens = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(signer.CurrentToken)));

        Assert.Single(tokens.Distinct());
        Assert.True((await ValidateAsync(tokens[0], AccessKey, SecretKey)).IsValid);
    }

    [Fact]
    public void An_invalidated_token_is_signed_again()
    {
        var clock = new FakeTimeProvider();
        var signer = new KlingJwtSigner(AccessKey, SecretKey, clock);
        var first = signer.CurrentToken();

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(first, signer.CurrentToken());
        signer.Invalidate();

        Assert.NotEqual(first, signer.CurrentToken());
    }

    [Fact]
    public void The_signer_never_prints_its_keys()
    {
        var signer = new KlingJwtSigner(AccessKey, SecretKey, TimeProvider.System);
        var token = signer.CurrentToken();

        Assert.DoesNotContain(SecretKey, signer.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(AccessKey, signer.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(token, signer.ToString(), StringComparison.Ordinal);
    }
}
