using System.Net;
using System.Net.Sockets;

namespace MotionControl.Testing.Tests.Emulator;

public class EmulatorLifetimeTests
{
    [Fact]
    public async Task Starts_on_a_loopback_port_and_gives_every_vendor_the_same_root()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();

        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.NotEqual(0, emulator.BaseAddress.Port);
        Assert.EndsWith("/", emulator.BaseAddress.AbsoluteUri, StringComparison.Ordinal);
        Assert.All(
            [emulator.KlingBaseAddress, emulator.PowerTokensBaseAddress, emulator.ModelsLabBaseAddress, emulator.AimlApiBaseAddress, emulator.VydraBaseAddress],
            address => Assert.Equal(emulator.BaseAddress, address));
    }

    [Fact]
    public async Task Two_emulators_run_side_by_side_on_different_ports()
    {
        await using var first = await MotionControlEmulator.StartAsync();
        await using var second = await MotionControlEmulator.StartAsync();

        Assert.NotEqual(first.BaseAddress.Port, second.BaseAddress.Port);
    }

    [Fact]
    public async Task Listens_on_the_requested_port_and_frees_it_when_disposed()
    {
        int port = FreePort();
        var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { Port = port });
        Assert.Equal(port, emulator.BaseAddress.Port);

        await emulator.DisposeAsync();
        await emulator.DisposeAsync();

        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        listener.Stop();
    }

    [Fact]
    public async Task Default_credentials_are_fixed_recognisable_strings_and_can_be_replaced()
    {
        await using (var emulator = await MotionControlEmulator.StartAsync())
        {
            Assert.Equal("emulator-kling-access-key", emulator.Credentials.KlingAccessKey);
            Assert.Equal("emulator-kling-secret-key-000000", emulator.Credentials.KlingSecretKey);
            Assert.StartsWith("vydra_live_user_", emulator.Credentials.VydraApiKey, StringComparison.Ordinal);
            Assert.DoesNotContain("emulator-", emulator.Credentials.ToString(), StringComparison.Ordinal);
        }

        var credentials = new EmulatorCredentials { AimlApiKey = "my-own-aiml-key" };
        await using var custom = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { Credentials = credentials });
        using var http = EmulatorHttp.Client(custom, "my-own-aiml-key");

        var reply = await http.PostAsync("/v2/video/generations", VendorBodies.AimlApi());

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Same(credentials, custom.Credentials);
    }

    [Fact]
    public async Task Unknown_routes_answer_404()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator);

        var reply = await http.GetReplyAsync("/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
    }

    [Fact]
    public async Task Reset_forgets_tasks_faults_scripts_counts_and_the_log()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.AimlApiKey);
        await http.PostAsync("/v2/video/generations", VendorBodies.AimlApi());
        emulator.AddFault(EmulatorProviders.AimlApi, EmulatorOperation.Create, EmulatorFault.ServerError(), FaultSchedule.EveryCall);
        emulator.EnqueueLifecycle(EmulatorProviders.AimlApi, new TaskLifecycle().Fails("scripted"));

        emulator.Reset();

        Assert.Equal(0, emulator.CreatedTaskCount(EmulatorProviders.AimlApi));
        Assert.Empty(emulator.Requests);
        Assert.Empty(emulator.GetTasks(EmulatorProviders.AimlApi));
        var created = await http.PostAsync("/v2/video/generations", VendorBodies.AimlApi());
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(1, emulator.Requests.Single().CallNumber);
        Assert.Same(emulator.FindTask(EmulatorProviders.AimlApi, created.Json.Str("id"))!.Lifecycle, TaskLifecycle.Default);
    }

    [Fact]
    public async Task Unknown_provider_names_are_rejected()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();

        Assert.Throws<ArgumentException>(() => emulator.CreatedTaskCount("klingai"));
        Assert.Throws<ArgumentException>(() => emulator.AddFault("openai", EmulatorOperation.Create, EmulatorFault.ServerError()));
        Assert.Throws<ArgumentException>(() => emulator.AddFault(EmulatorProviders.Vydra, EmulatorOperation.Create, EmulatorFault.KlingError(1102)));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
