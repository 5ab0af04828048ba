using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MotionControl.Providers.ModelsLab;
using MotionControl.Testing;

namespace MotionControl.AspNetCore.Tests;

/// <summary>ModelsLab's unsigned webhook: trusted only when ModelsLab's own fetch confirms it.</summary>
public sealed class ModelsLabWebhookTests
{
    private static Task<WebhookHost> HostAsync(MotionControlEmulator emulator) =>
        WebhookHost.StartAsync(
            mc => mc.AddModelsLab(o => { o.BaseAddress = emulator.ModelsLabBaseAddress; o.ApiKey = emulator.Credentials.ModelsLabApiKey; }),
            _ => { });

    [Fact]
    public async Task A_forged_success_for_a_task_still_running_is_not_passed_on()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        await using var host = await HostAsync(emulator);
        emulator.EnqueueLifecycle(EmulatorProviders.ModelsLab, new TaskLifecycle().ProcessingForever());
        var task = await host.Client("modelslab").SubmitAsync(Requests.ModelsLab());
        var fetchesBefore = emulator.CallCount(EmulatorProviders.ModelsLab, EmulatorOperation.Fetch);

        using var http = new HttpClient();
        var forged = $$"""{"status":"success","id":{{task.Id}},"output":["https://attacker.example/fake.mp4"]}""";
        using var response = await http.PostAsync(host.HookFor("modelslab"), new StringContent(forged, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(host.Handler.Tasks);
        Assert.Equal(fetchesBefore + 1, emulator.CallCount(EmulatorProviders.ModelsLab, EmulatorOperation.Fetch)); // the confirming read
    }

    [Fact]
    public async Task A_real_callback_is_confirmed_by_a_fetch_and_handled_once_with_the_vendor_s_own_task()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        await using var host = await HostAsync(emulator);
        emulator.EnqueueLifecycle(EmulatorProviders.ModelsLab, new TaskLifecycle().Processing(TimeSpan.FromMilliseconds(200)).Succeeds());
        emulator.EnqueueCallbackScript(EmulatorProviders.ModelsLab, new EmulatorCallbackScript { Deliveries = 2 });

        var task = await host.Client("modelslab").SubmitAsync(Requests.ModelsLab());
        var limit = DateTime.UtcNow.AddSeconds(15);
        while (emulator.Callbacks.Count < 2 && DateTime.UtcNow < limit)
        {
            await Task.Delay(10);
        }

        Assert.Equal([200, 200], emulator.Callbacks.Select(c => c.StatusCode ?? 0).ToArray());
        Assert.All(emulator.Callbacks, c => Assert.False(c.IsSigned));
        Assert.Contains("\"webhook\":\"" + host.HookFor("modelslab").AbsoluteUri + "\"", emulator.FindTask(EmulatorProviders.ModelsLab, task.Id)!.RequestBody, StringComparison.Ordinal);
        var handled = Assert.Single(host.Handler.Tasks);
        Assert.Equal((task.Id, MotionControlTaskStatus.Succeeded), (handled.Id, handled.Status));
        Assert.StartsWith(emulator.BaseAddress.AbsoluteUri, handled.Videos[0].Url.AbsoluteUri, StringComparison.Ordinal);
    }
}
