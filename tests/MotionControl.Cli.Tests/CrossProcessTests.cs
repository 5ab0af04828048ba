using MotionControl.Cli.Tests.Support;
using MotionControl.Testing;

namespace MotionControl.Cli.Tests;

/// <summary>One job across separate processes against a long-lived <c>motion-control emulator</c>.</summary>
public sealed class CrossProcessTests
{
    [Fact]
    public async Task Generate_then_status_then_wait_then_download_in_separate_processes()
    {
        await using var emulator = await EmulatorProcess.StartAsync("--job-polls", "6");   // counted in reads, not time: status, the early download and the wait each see it running
        var env = emulator.Environment;
        string folder = Tool.Scratch();

        var generated = await Tool.RunAsync(["generate", "--emulator", "--image", Tool.Image, "--video", Tool.Video, "--yes", "--no-wait", "--json"], env, folder);
        Assert.True(generated.ExitCode == 0, generated.ToString());
        var task = Json.Single(generated).GetProperty("task");
        string id = task.GetProperty("id").GetString()!;

        var status = await Tool.RunAsync(["status", id, "--emulator", "--json"], env, folder);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains(Json.Single(status).GetProperty("status").GetString(), new[] { "queued", "processing" });

        var early = await Tool.RunAsync(["download", id, "--emulator"], env, folder);
        Assert.True(early.ExitCode == 1, early.ToString());
        Assert.Contains($"motion-control wait {id}", early.Stderr);

        var waited = await Tool.RunAsync(["wait", id, "--emulator"], env, folder);
        Assert.True(waited.ExitCode == 0, waited.ToString());
        Assert.Contains($"{id}: processing", waited.Stdout);
        Assert.Contains("status: succeeded", waited.Stdout);
        Assert.Contains($"motion-control download {id} --provider replicate --emulator", waited.Stdout);

        var downloaded = await Tool.RunAsync(["download", id, "--emulator", "--json"], env, folder);
        Assert.True(downloaded.ExitCode == 0, downloaded.ToString());
        var path = Json.Single(downloaded).GetProperty("path").GetString()!;
        Assert.Equal(Path.Combine(folder, id + ".mp4"), path);
        Assert.Equal(MotionControlEmulator.SampleVideo.ToArray(), await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Without_a_running_emulator_a_task_of_an_earlier_command_is_gone()
    {
        var generated = await Tool.RunAsync("generate", "--emulator", "--image", Tool.Image, "--video", Tool.Video, "--yes", "--no-wait", "--json");
        Assert.True(generated.ExitCode == 0, generated.ToString());
        string id = Json.Single(generated).GetProperty("task").GetProperty("id").GetString()!;

        var status = await Tool.RunAsync("status", id, "--emulator");

        Assert.True(status.ExitCode == 1, status.ToString());
        Assert.Contains("runs on one of its own", generated.Stderr);
    }

    [Fact]
    public async Task The_emulator_on_a_port_in_use_exits_2_naming_port()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        string port = new Uri(emulator.Url).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var second = await Tool.RunAsync("emulator", "--port", port);

        Assert.True(second.ExitCode == 2, second.ToString());
        Assert.Contains("--port", Assert.Single(second.ErrorLines));
    }

    [Fact]
    public async Task The_emulator_takes_a_job_duration_or_a_poll_count_not_both()
    {
        var both = await Tool.RunAsync("emulator", "--port", "0", "--job-duration", "5s", "--job-polls", "3");

        Assert.True(both.ExitCode == 2, both.ToString());
        Assert.Contains("not both", Assert.Single(both.ErrorLines));
    }
}
