using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using MotionControl.DependencyInjection;
using MotionControl.Jobs.PostgreSql.Tests.Servers;
using MotionControl.Testing;
using Npgsql;

namespace MotionControl.Jobs.PostgreSql.Tests;

/// <summary>The PostgreSQL password never shows: not in logs (every level), exception messages or <c>ToString()</c>, whether the server answers or not.</summary>
public sealed class SecretTests(PostgreSqlFixture postgres) : IClassFixture<PostgreSqlFixture>
{
    private const string Password = "pg-Secret-7f3a9c-do-not-log";

    [Fact]
    public async Task A_job_run_on_PostgreSQL_logs_and_describes_nothing_of_the_password()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        // The throwaway cluster trusts 127.0.0.1, so the password is accepted and carried through every connection.
        var connectionString = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Password = Password }.ConnectionString;
        var logs = new FakeLogCollector();
        using var host = Build(emulator, connectionString, logs);
        await host.StartAsync();
        var queue = host.Services.GetRequiredService<IMotionControlJobQueue>();

        var job = await queue.EnqueueAsync(new MotionControlJobRequest
        {
            Provider = "kling",
            Request = new MotionControlRequest { Image = MediaSource.FromUri(new Uri("https://example.com/a.png")), Video = MediaSource.FromUri(new Uri("https://example.com/a.mp4")) },
            IdempotencyKey = "secret-run",
        });
        MotionControlJob done;
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (!(done = (await queue.GetAsync(job.Id, timeout.Token))!).IsTerminal)
            {
                await Task.Delay(20, timeout.Token);
            }
        }

        await host.StopAsync();

        Assert.Equal(MotionControlJobState.Succeeded, done.State);
        Assert.Contains(logs.GetSnapshot(), r => r.Message.Contains(job.Id, StringComparison.Ordinal)); // the logs were captured
        AssertNoPassword(logs, done.ToString(), host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MotionControlJobOptions>>().Value.ToString());
    }

    [Fact]
    public async Task A_server_that_does_not_answer_fails_without_the_password_in_the_errors_or_logs()
    {
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = ClosedPort(),
            Database = "jobs",
            Username = "app",
            Password = Password,
            Timeout = 3,
        }.ConnectionString;
        await using var emulator = await MotionControlEmulator.StartAsync();
        var logs = new FakeLogCollector();
        using var host = Build(emulator, connectionString, logs, o => o.RunWorker = false);
        var queue = host.Services.GetRequiredService<IMotionControlJobQueue>();

        var enqueue = await Assert.ThrowsAnyAsync<Exception>(() => queue.EnqueueAsync(new MotionControlJobRequest
        {
            Provider = "kling",
            Request = new MotionControlRequest { Image = MediaSource.FromUri(new Uri("https://example.com/a.png")), Video = MediaSource.FromUri(new Uri("https://example.com/a.mp4")) },
            IdempotencyKey = "secret-down",
        }));
        var get = await Assert.ThrowsAnyAsync<Exception>(() => queue.GetAsync("0123456789abcdef0123456789abcdef"));

        Assert.Contains("127.0.0.1", enqueue.ToString(), StringComparison.Ordinal); // a useful error: it names the server
        AssertNoPassword(logs, enqueue.ToString(), get.ToString());
    }

    private static void AssertNoPassword(FakeLogCollector logs, params string[] texts)
    {
        foreach (var text in texts)
        {
            Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        }

        foreach (var record in logs.GetSnapshot())
        {
            Assert.DoesNotContain(Password, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, record.Exception?.ToString() ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain(Password, string.Join(';', record.StructuredState?.Select(p => p.Value) ?? []), StringComparison.Ordinal);
        }
    }

    private static IHost Build(MotionControlEmulator emulator, string connectionString, FakeLogCollector logs, Action<MotionControlJobOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs));
        builder.Services.AddMotionControl()
            .AddKling(o =>
            {
                o.BaseAddress = emulator.BaseAddress;
                o.AccessKey = emulator.Credentials.KlingAccessKey;
                o.SecretKey = emulator.Credentials.KlingSecretKey;
                o.WaitOptions = new MotionControlWaitOptions { PollInterval = TimeSpan.FromMilliseconds(10), MaxPollInterval = TimeSpan.FromMilliseconds(20), Jitter = 0 };
            })
            .AddJobs(o =>
            {
                o.UsePostgreSql(connectionString, s => s.SchemaName = StoreBed.NewSchema());
                o.PollInterval = TimeSpan.FromMilliseconds(10);
                configure?.Invoke(o);
            });
        return builder.Build();
    }

    // A port nothing listens on: bound, then released.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
