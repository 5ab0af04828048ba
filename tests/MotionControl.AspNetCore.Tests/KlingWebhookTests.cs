using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MotionControl.Providers.Kling;
using MotionControl.Providers.ModelsLab;
using MotionControl.Testing;
using MotionControl.Webhooks;

namespace MotionControl.AspNetCore.Tests;

/// <summary>Kling's signed callbacks through the endpoint: the published vector, refusals, duplicates, two accounts, a wait woken.</summary>
public sealed class KlingWebhookTests
{
    // Kling's published example (https://kling.ai/document-api/api/get-started/callbacks, "Webhook Signature").
    private const string VectorSecret = "whsec_dGVzdHNlY3JldHRlc3RzZWNyZXR0ZXN0c2VjcmV0MTI=";
    private const string VectorId = "9876543210";
    private const long VectorTimestamp = 1781080794;
    private const string VectorBody = """{"id":"1234567890","status":"succeeded","message":"","create_time":1781080778802,"update_time":1781080794151}""";
    private const string VectorSignature = "v1,UsKlJP00XoQyOn410NM9xv34sP+Gl0jnOO9Lcpr7NJ4=";

    private static readonly HttpClient Http = new();

    private static Task<WebhookHost> KlingHostAsync(MotionControlEmulator emulator, string secret, TimeProvider? time = null) =>
        WebhookHost.StartAsync(
            mc => mc.AddKling(o =>
            {
                o.BaseAddress = emulator.KlingBaseAddress;
                o.ApiKey = emulator.Credentials.KlingApiKey;
                if (time is not null)
                {
                    o.TimeProvider = time;
                }
            }),
            o => o.SigningSecrets["kling"] = secret,
            time);

    private static async Task<HttpStatusCode> PostAsync(Uri url, string body, string? id, string? timestamp, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (id is not null)
        {
            request.Headers.Add("webhook-id", id);
        }

        if (timestamp is not null)
        {
            request.Headers.Add("webhook-timestamp", timestamp);
        }

        if (signature is not null)
        {
            request.Headers.Add("webhook-signature", signature);
        }

        using var response = await Http.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(20));
        return response.StatusCode;
    }

    private static async Task UntilAsync(Func<bool> condition, int seconds = 15, Func<string>? message = null)
    {
        var limit = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < limit, "the condition did not hold in time " + message?.Invoke());
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task The_published_vector_verifies_and_reaches_the_handler()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp));
        await using var host = await KlingHostAsync(emulator, VectorSecret, clock);

        var status = await PostAsync(host.HookFor("kling"), VectorBody, VectorId, VectorTimestamp.ToString(), VectorSignature);

        Assert.Equal(HttpStatusCode.OK, status);
        var task = Assert.Single(host.Handler.Tasks);
        Assert.Equal(("1234567890", MotionControlTaskStatus.Succeeded), (task.Id, task.Status));
    }

    public static TheoryData<string, string, string?, string?, string?, long> Refusals() => new()
    {
        { "a body changed by one byte", VectorBody.Replace("1234567890", "1234567891", StringComparison.Ordinal), VectorId, VectorTimestamp.ToString(), VectorSignature, 0 },
        { "a wrong secret", VectorBody, VectorId, VectorTimestamp.ToString(), StandardWebhookVerifier.Sign("whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("another-secret")), VectorId, VectorTimestamp, Encoding.UTF8.GetBytes(VectorBody)), 0 },
        { "a timestamp 6 minutes old", VectorBody, VectorId, VectorTimestamp.ToString(), VectorSignature, 360 },
        { "no webhook-signature", VectorBody, VectorId, VectorTimestamp.ToString(), null, 0 },
        { "no webhook-timestamp", VectorBody, VectorId, null, VectorSignature, 0 },
        { "no webhook-id", VectorBody, null, VectorTimestamp.ToString(), VectorSignature, 0 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_bad_or_stale_signature_is_refused_with_401_and_reaches_no_handler(string what, string body, string? id, string? timestamp, string? signature, long secondsLater)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp + secondsLater));
        await using var host = await KlingHostAsync(emulator, VectorSecret, clock);

        var status = await PostAsync(host.HookFor("kling"), body, id, timestamp, signature);

        Assert.True(status == HttpStatusCode.Unauthorized, $"{what}: {status}");
        Assert.Empty(host.Handler.Tasks);
    }

    [Fact]
    public async Task Submit_names_the_endpoint_and_a_duplicate_delivery_reaches_the_handler_once()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        await using var host = await KlingHostAsync(emulator, emulator.Credentials.KlingWebhookSecret!);
        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().Processing(TimeSpan.FromMilliseconds(200)).Succeeds());
        emulator.EnqueueCallbackScript(EmulatorProviders.Kling, new EmulatorCallbackScript { Deliveries = 3 });
        var client = host.Client("kling");

        var task = await client.SubmitAsync(Requests.Kling());
        await UntilAsync(() => emulator.Callbacks.Count == 3);

        var create = Assert.Single(emulator.Requests, r => r.Operation == EmulatorOperation.Create);
        Assert.Equal(host.HookFor("kling").AbsoluteUri, JsonDocument.Parse(create.Body).RootElement.GetProperty("callback_url").GetString());
        Assert.All(emulator.Callbacks, c => Assert.Equal(200, c.StatusCode));
        Assert.Single(emulator.Callbacks.Select(c => c.WebhookId).Distinct());
        var handled = Assert.Single(host.Handler.Tasks);
        Assert.Equal((task.Id, MotionControlTaskStatus.Succeeded), (handled.Id, handled.Status));
    }

    [Theory]
    [InlineData(-6, HttpStatusCode.Unauthorized)]
    [InlineData(-4, HttpStatusCode.OK)]
    public async Task The_emulator_s_stale_and_wrong_signatures_are_refused(int minutes, HttpStatusCode expected)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        await using var host = await KlingHostAsync(emulator, emulator.Credentials.KlingWebhookSecret!);
        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().Succeeds());
        var task = await host.Client("kling").SubmitAsync(Requests.Kling() with { CallbackUrl = new Uri("http://127.0.0.1:9/unused") });

        var stale = Assert.Single(await emulator.SendCallbackAsync(EmulatorProviders.Kling, task.Id, host.HookFor("kling"), new EmulatorCallbackScript { TimestampOffset = TimeSpan.FromMinutes(minutes) }));
        var forged = Assert.Single(await emulator.SendCallbackAsync(EmulatorProviders.Kling, task.Id, host.HookFor("kling"), new EmulatorCallbackScript { Signature = EmulatorCallbackSignature.Invalid }));
        var unsigned = Assert.Single(await emulator.SendCallbackAsync(EmulatorProviders.Kling, task.Id, host.HookFor("kling"), new EmulatorCallbackScript { Signature = EmulatorCallbackSignature.Missing }));

        Assert.Equal((int)expected, stale.StatusCode);
        Assert.Equal(401, forged.StatusCode);
        Assert.Equal(401, unsigned.StatusCode);
        Assert.False(unsigned.IsSigned);
        Assert.Equal(expected == HttpStatusCode.OK ? 1 : 0, host.Handler.Tasks.Count);
    }

    [Fact]
    public async Task Two_Kling_registrations_verify_only_their_own_secret()
    {
        var other = new EmulatorAccount("other") { KlingApiKey = "other-kling-api-key", KlingWebhookSecret = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("the-other-account-secret")) };
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { Credentials = new EmulatorCredentials { AdditionalAccounts = [other] } });
        await using var host = await WebhookHost.StartAsync(
            mc => mc
                .AddKling("kling-main", o => { o.BaseAddress = emulator.KlingBaseAddress; o.ApiKey = emulator.Credentials.KlingApiKey; })
                .AddKling("kling-other", o => { o.BaseAddress = emulator.KlingBaseAddress; o.ApiKey = other.KlingApiKey; }),
            o =>
            {
                o.SigningSecrets["kling-main"] = emulator.Credentials.KlingWebhookSecret!;
                o.SigningSecrets["kling-other"] = other.KlingWebhookSecret;
            });
        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().Processing(TimeSpan.FromMilliseconds(100)).Succeeds());
        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().Processing(TimeSpan.FromMilliseconds(100)).Succeeds());

        var main = await host.Client("kling-main").SubmitAsync(Requests.Kling());
        var second = await host.Client("kling-other").SubmitAsync(Requests.Kling());
        await UntilAsync(() => emulator.Callbacks.Count >= 2, message: () => string.Join("; ", emulator.Callbacks) + " | " + string.Join("; ", emulator.Requests.Select(r => r.Operation + " " + r.Body)));

        Assert.All(emulator.Callbacks, c => Assert.Equal(200, c.StatusCode));
        Assert.Equal(host.HookFor("kling-main"), emulator.Callbacks.Single(c => c.TaskId == main.Id).Url);
        Assert.Equal(host.HookFor("kling-other"), emulator.Callbacks.Single(c => c.TaskId == second.Id).Url);
        Assert.Equal("other", emulator.FindTask(EmulatorProviders.Kling, second.Id)!.Account);

        // Each account's callback sent to the other registration does not verify.
        Assert.Equal(401, Assert.Single(await emulator.SendCallbackAsync(EmulatorProviders.Kling, main.Id, host.HookFor("kling-other"))).StatusCode);
        Assert.Equal(401, Assert.Single(await emulator.SendCallbackAsync(EmulatorProviders.Kling, second.Id, host.HookFor("kling-main"))).StatusCode);
        Assert.Equal(new[] { main.Id, second.Id }.Order(StringComparer.Ordinal), host.Handler.Tasks.Select(t => t.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_five_minute_job_ends_its_wait_on_the_callback_after_at_most_three_polls()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { TimeProvider = clock });
        await using var host = await KlingHostAsync(emulator, emulator.Credentials.KlingWebhookSecret!, clock);
        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().Processing(TimeSpan.FromMinutes(5)).Succeeds());
        var client = host.Client("kling");
        var submitted = await client.SubmitAsync(Requests.Kling());
        var start = clock.GetUtcNow();

        var wait = client.WaitForCompletionAsync(submitted.Id);
        while (!wait.IsCompleted && clock.GetUtcNow() - start < TimeSpan.FromMinutes(20))
        {
            await Task.Delay(15);
            clock.Advance(TimeSpan.FromSeconds(5));
        }

        var task = await wait.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        Assert.InRange(emulator.CallCount(EmulatorProviders.Kling, EmulatorOperation.Get), 1, 3);
        Assert.InRange(clock.GetUtcNow() - start, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(30));
        var callback = Assert.Single(emulator.Callbacks);
        Assert.Equal(200, callback.StatusCode);
        Assert.Equal(submitted.Id, Assert.Single(host.Handler.Tasks).Id);
    }

    [Fact]
    public async Task A_failing_handler_answers_503_and_the_next_delivery_is_handled()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        await using var host = await KlingHostAsync(emulator, emulator.Credentials.KlingWebhookSecret!);
        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().Succeeds());
        var task = await host.Client("kling").SubmitAsync(Requests.Kling() with { CallbackUrl = new Uri("http://127.0.0.1:9/unused") });
        host.Handler.Behaviour = (_, _) => throw new InvalidOperationException("the database is down");

        var failed = Assert.Single(await emulator.SendCallbackAsync(EmulatorProviders.Kling, task.Id, host.HookFor("kling")));
        host.Handler.Behaviour = null;
        var again = await emulator.SendCallbackAsync(EmulatorProviders.Kling, task.Id, host.HookFor("kling"), new EmulatorCallbackScript { Deliveries = 2 });

        Assert.Equal(503, failed.StatusCode);
        Assert.Equal([200, 200], again.Select(d => d.StatusCode ?? 0).ToArray());
        Assert.Single(host.Handler.Tasks);
    }

    [Fact]
    public async Task A_handler_that_outlasts_the_timeout_answers_503()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        await using var host = await WebhookHost.StartAsync(
            mc => mc.AddKling(o => { o.BaseAddress = emulator.KlingBaseAddress; o.ApiKey = emulator.Credentials.KlingApiKey; }),
            o =>
            {
                o.SigningSecrets["kling"] = emulator.Credentials.KlingWebhookSecret!;
                o.HandlerTimeout = TimeSpan.FromMilliseconds(200);
            });
        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().Succeeds());
        var task = await host.Client("kling").SubmitAsync(Requests.Kling() with { CallbackUrl = new Uri("http://127.0.0.1:9/unused") });
        host.Handler.Behaviour = (_, token) => Task.Delay(TimeSpan.FromSeconds(30), token);

        var delivery = Assert.Single(await emulator.SendCallbackAsync(EmulatorProviders.Kling, task.Id, host.HookFor("kling")));

        Assert.Equal(503, delivery.StatusCode);
        Assert.Empty(host.Handler.Tasks);
    }

    [Fact]
    public async Task An_unknown_registration_is_404_and_a_body_over_the_limit_is_413()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        await using var host = await WebhookHost.StartAsync(
            mc => mc.AddKling(o => { o.BaseAddress = emulator.KlingBaseAddress; o.ApiKey = emulator.Credentials.KlingApiKey; }),
            o =>
            {
                o.SigningSecrets["kling"] = VectorSecret;
                o.MaxBodyBytes = 64;
            });

        Assert.Equal(HttpStatusCode.NotFound, await PostAsync(host.HookFor("vydra"), VectorBody, VectorId, VectorTimestamp.ToString(), VectorSignature));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await PostAsync(host.HookFor("kling"), VectorBody + new string(' ', 100), VectorId, VectorTimestamp.ToString(), VectorSignature));
        Assert.Empty(host.Handler.Tasks);
    }

    [Fact]
    public async Task A_secret_for_a_vendor_that_does_not_sign_fails_the_start_naming_it()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => WebhookHost.StartAsync(
            mc => mc.AddModelsLab(o => { o.BaseAddress = emulator.ModelsLabBaseAddress; o.ApiKey = emulator.Credentials.ModelsLabApiKey; }),
            o => o.SigningSecrets["modelslab"] = VectorSecret));

        Assert.Contains("'modelslab', whose vendor does not sign", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(VectorSecret, error.Message, StringComparison.Ordinal);

        var options = new MotionControlWebhookOptions { PublicBaseUrl = new Uri("https://api.example.com/") };
        options.SigningSecrets["kling"] = VectorSecret;
        Assert.Equal("MotionControlWebhookOptions(https://api.example.com/, secrets for: kling)", options.ToString());
    }
}
