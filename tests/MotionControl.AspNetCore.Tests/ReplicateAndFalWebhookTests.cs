using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MotionControl.Providers.Fal;
using MotionControl.Providers.Replicate;
using MotionControl.Testing;

namespace MotionControl.AspNetCore.Tests;

/// <summary>
/// Replicate's webhooks, signed with Standard Webhooks (the verifier Kling's use), and fal's, which the SDK treats as
/// unsigned and trusts only when fal's own read of the request confirms them; both sent by the emulator.
/// </summary>
public sealed class ReplicateAndFalWebhookTests
{
    private static Task<WebhookHost> ReplicateHostAsync(MotionControlEmulator emulator, string? secret) =>
        WebhookHost.StartAsync(
            mc => mc.AddReplicate(o => { o.BaseAddress = emulator.ReplicateBaseAddress; o.ApiKey = emulator.Credentials.ReplicateApiKey; }),
            o =>
            {
                if (secret is not null)
                {
                    o.SigningSecrets["replicate"] = secret;
                }
            });

    private static Task<WebhookHost> FalHostAsync(MotionControlEmulator emulator) =>
        WebhookHost.StartAsync(
            mc => mc.AddFal(o =>
            {
                o.BaseAddress = emulator.FalBaseAddress;
                o.PlatformBaseAddress = emulator.FalBaseAddress;
                o.StorageBaseAddress = emulator.FalBaseAddress;
                o.ApiKey = emulator.Credentials.FalApiKey;
            }),
            _ => { });

    private static async Task UntilAsync(Func<bool> done)
    {
        var limit = DateTime.UtcNow.AddSeconds(15);
        while (!done() && DateTime.UtcNow < limit)
        {
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task A_signed_Replicate_webhook_verifies_with_the_account_secret_and_reaches_the_handler_once()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        await using var host = await ReplicateHostAsync(emulator, emulator.Credentials.ReplicateWebhookSecret);
        emulator.EnqueueLifecycle(EmulatorProviders.Replicate, new TaskLifecycle().Processing(TimeSpan.FromMilliseconds(200)).Succeeds());
        emulator.EnqueueCallbackScript(EmulatorProviders.Replicate, new EmulatorCallbackScript { Deliveries = 2 });
        var readsBefore = emulator.CallCount(EmulatorProviders.Replicate, EmulatorOperation.Get);

        var task = await host.Client("replicate").SubmitAsync(Requests.Kling());
        await UntilAsync(() => emulator.Callbacks.Count >= 2 && host.Handler.Tasks.Count >= 1);

        // The default callback URL went out as Replicate's webhook, with the body the prediction as a read shows it.
        var sent = JsonDocument.Parse(emulator.FindTask(EmulatorProviders.Replicate, task.Id)!.RequestBody).RootElement;
        Assert.Equal(host.HookFor("replicate").AbsoluteUri, sent.GetProperty("webhook").GetString());
        Assert.Equal([200, 200], emulator.Callbacks.Select(c => c.StatusCode ?? 0).ToArray());
        Assert.All(emulator.Callbacks, c => Assert.True(c.IsSigned));
        var handled = Assert.Single(host.Handler.Tasks);
        Assert.Equal((task.Id, MotionControlTaskStatus.Succeeded), (handled.Id, handled.Status));
        Assert.StartsWith(emulator.BaseAddress.AbsoluteUri, handled.Videos[0].Url.AbsoluteUri, StringComparison.Ordinal);

        // Verified by its signature: no confirming read.
        Assert.Equal(readsBefore, emulator.CallCount(EmulatorProviders.Replicate, EmulatorOperation.Get));
    }

    [Fact]
    public async Task A_Replicate_webhook_signed_with_another_secret_is_refused_and_reaches_no_handler()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        await using var host = await ReplicateHostAsync(emulator, emulator.Credentials.ReplicateWebhookSecret);
        emulator.EnqueueLifecycle(EmulatorProviders.Replicate, new TaskLifecycle().Processing(TimeSpan.FromMilliseconds(100)).Succeeds());
        emulator.EnqueueCallbackScript(EmulatorProviders.Replicate, new EmulatorCallbackScript { Signature = EmulatorCallbackSignature.Invalid });

        await host.Client("replicate").SubmitAsync(Requests.Kling());
        await UntilAsync(() => emulator.Callbacks.Count >= 1);

        Assert.Equal(401, Assert.Single(emulator.Callbacks).StatusCode);
        Assert.Empty(host.Handler.Tasks);
    }

    [Fact]
    public async Task A_fal_webhook_goes_out_as_the_fal_webhook_query_and_is_handled_once_after_fal_s_read_confirms_it()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        await using var host = await FalHostAsync(emulator);
        emulator.EnqueueLifecycle(EmulatorProviders.Fal, new TaskLifecycle().Processing(TimeSpan.FromMilliseconds(200)).Succeeds());
        emulator.EnqueueCallbackScript(EmulatorProviders.Fal, new EmulatorCallbackScript { Deliveries = 2 });

        var task = await host.Client("fal").SubmitAsync(Requests.Kling());
        await UntilAsync(() => emulator.Callbacks.Count >= 2 && host.Handler.Tasks.Count >= 1);

        var create = Assert.Single(emulator.Requests, r => r.Provider == EmulatorProviders.Fal && r.Operation == EmulatorOperation.Create);
        Assert.Contains("fal_webhook=" + Uri.EscapeDataString(host.HookFor("fal").AbsoluteUri), create.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("fal_webhook", create.Body, StringComparison.Ordinal);
        Assert.Equal([200, 200], emulator.Callbacks.Select(c => c.StatusCode ?? 0).ToArray());
        Assert.All(emulator.Callbacks, c => Assert.False(c.IsSigned));
        Assert.Contains("\"status\":\"OK\"", emulator.Callbacks[0].Body, StringComparison.Ordinal);
        var handled = Assert.Single(host.Handler.Tasks);
        Assert.Equal((task.Id, MotionControlTaskStatus.Succeeded), (handled.Id, handled.Status));
        Assert.StartsWith(emulator.BaseAddress.AbsoluteUri, handled.Videos[0].Url.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_fal_OK_for_a_request_still_queued_is_not_passed_on()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        await using var host = await FalHostAsync(emulator);
        emulator.EnqueueLifecycle(EmulatorProviders.Fal, new TaskLifecycle().ProcessingForever());
        var task = await host.Client("fal").SubmitAsync(Requests.Kling());
        var readsBefore = emulator.CallCount(EmulatorProviders.Fal, EmulatorOperation.Get);

        using var http = new HttpClient();
        var forged = $$$"""{"request_id":"{{{task.Id}}}","gateway_request_id":"{{{task.Id}}}","status":"OK","payload":{"video":{"url":"https://attacker.example/fake.mp4"}},"error":null}""";
        using var response = await http.PostAsync(host.HookFor("fal"), new StringContent(forged, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(host.Handler.Tasks);
        Assert.True(emulator.CallCount(EmulatorProviders.Fal, EmulatorOperation.Get) > readsBefore); // the confirming read
    }

    [Fact]
    public async Task A_fal_secret_fails_the_start_because_the_sdk_does_not_verify_fal_signatures()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => WebhookHost.StartAsync(
            mc => mc.AddFal(o => { o.BaseAddress = emulator.FalBaseAddress; o.ApiKey = emulator.Credentials.FalApiKey; }),
            o => o.SigningSecrets["fal"] = "whsec_c29tZS1zZWNyZXQ="));

        Assert.Contains("'fal'", error.Message, StringComparison.Ordinal);
    }
}
