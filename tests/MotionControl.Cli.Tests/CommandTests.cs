using System.Text.Json;
using MotionControl.Cli.Tests.Support;
using MotionControl.Testing;

namespace MotionControl.Cli.Tests;

/// <summary>Every command of the built tool, run as a process on the emulator: output, --json documents, exit codes.</summary>
public sealed class CommandTests
{
    [Fact]
    public async Task Validate_a_valid_request_exits_0_and_its_json_says_valid()
    {
        var result = await Tool.RunAsync("validate", "--emulator", "--image", Tool.Image, "--video", Tool.Video, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = Json.Single(result);
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal("replicate", json.GetProperty("provider").GetString());
        Assert.Equal(0, json.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task Validate_lists_every_broken_rule_with_its_limit_and_actual_value_and_exits_2()
    {
        var result = await Tool.RunAsync("validate", "--emulator", "--image", Tool.Fixture("image.gif"), "--video", Tool.Fixture("duration_31s.mp4"), "--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        var errors = Json.Single(result).GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("code").GetString()!);
        Assert.Equal("GIF", errors["image.format"].GetProperty("actual").GetString());
        Assert.Equal("JPEG or PNG", errors["image.format"].GetProperty("limit").GetString());
        Assert.Equal("31 s", errors["video.duration.max"].GetProperty("actual").GetString());
        Assert.Contains("30 s", errors["video.duration.max"].GetProperty("limit").GetString());

        var plain = await Tool.RunAsync("validate", "--emulator", "--image", Tool.Fixture("image.gif"), "--video", Tool.Fixture("duration_31s.mp4"));
        Assert.Equal(2, plain.ExitCode);
        Assert.Contains(plain.Stdout.Split('\n'), l => l.Contains("video.duration.max") && l.Contains("limit: at most 30 s") && l.Contains("actual: 31 s"));
        Assert.Contains(plain.Stdout.Split('\n'), l => l.Contains("image.format") && l.Contains("actual: GIF"));
        Assert.Single(plain.ErrorLines);
    }

    [Fact]
    public async Task Estimate_prints_the_range_in_the_vendors_unit()
    {
        var result = await Tool.RunAsync("estimate", "--emulator", "--image", Tool.Image, "--video", Tool.Video, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = Json.Single(result);
        Assert.Equal("USD", json.GetProperty("unit").GetString());
        Assert.True(json.GetProperty("minimum").GetDecimal() > 0);
        Assert.True(json.GetProperty("maximum").GetDecimal() >= json.GetProperty("minimum").GetDecimal());
        Assert.Contains("×", json.GetProperty("basis").GetString());
    }

    [Fact]
    public async Task Estimate_on_a_vendor_without_a_published_price_exits_2_naming_the_providers_command()
    {
        var result = await Tool.RunAsync("estimate", "--emulator", "--provider", "fal", "--image", Tool.Image, "--video", Tool.Video);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("motion-control providers", result.Stderr);
    }

    [Fact]
    public async Task Generate_without_a_terminal_and_without_yes_exits_2_naming_yes_and_sends_nothing()
    {
        var result = await Tool.RunAsync("generate", "--emulator", "--image", Tool.Image, "--video", Tool.Video);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--yes", result.Stderr);
        Assert.DoesNotContain("Submitted", result.Stdout);
    }

    [Fact]
    public async Task Generate_under_confirm_above_needs_no_yes_and_downloads_the_video()
    {
        string folder = Tool.Scratch();
        var result = await Tool.RunAsync(["generate", "--emulator", "--image", Tool.Image, "--video", Tool.Video, "--confirm-above", "5", "--out", "result.mp4"], workingDirectory: folder);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Submitted task", result.Stdout);
        Assert.Contains("succeeded", result.Stdout);
        Assert.Equal(MotionControlEmulator.SampleVideo.Length, new FileInfo(Path.Combine(folder, "result.mp4")).Length);
        Assert.DoesNotContain("\u001b[", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_json_prints_one_document_with_the_estimate_task_and_download()
    {
        string folder = Tool.Scratch();
        var result = await Tool.RunAsync(["generate", "--emulator", "--image", Tool.Image, "--video", Tool.Video, "--yes", "--json"], workingDirectory: folder);

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = Json.Single(result);
        var task = json.GetProperty("task");
        Assert.Equal("succeeded", task.GetProperty("status").GetString());
        Assert.Equal("USD", json.GetProperty("estimate").GetProperty("unit").GetString());
        var download = json.GetProperty("download");
        Assert.Equal(task.GetProperty("id").GetString(), download.GetProperty("taskId").GetString());
        Assert.Equal(Path.Combine(folder, task.GetProperty("id").GetString() + ".mp4"), download.GetProperty("path").GetString());
        Assert.Equal(MotionControlEmulator.SampleVideo.Length, download.GetProperty("bytes").GetInt64());
        Assert.True(File.Exists(download.GetProperty("path").GetString()));
    }

    [Fact]
    public async Task Generate_on_a_url_only_vendor_with_urls_lists_the_task_afterwards()
    {
        await using var media = await MediaServer.StartAsync();
        await using var emulator = await EmulatorProcess.StartAsync();
        var generated = await Tool.RunAsync(["generate", "--emulator", "--provider", "kling", "--image", media.Url("image.png"), "--video", media.Url("moov_first.mp4"), "--yes", "--json"], emulator.Environment);
        Assert.True(generated.ExitCode == 0, generated.ToString());
        string id = Json.Single(generated).GetProperty("task").GetProperty("id").GetString()!;

        var listed = await Tool.RunAsync(["list", "--emulator", "--provider", "kling", "--json"], emulator.Environment);

        Assert.True(listed.ExitCode == 0, listed.ToString());
        var tasks = Json.Single(listed).GetProperty("tasks").EnumerateArray().ToList();
        Assert.Contains(tasks, t => t.GetProperty("id").GetString() == id && t.GetProperty("status").GetString() == "succeeded");

        var plain = await Tool.RunAsync(["list", "--emulator", "--provider", "kling"], emulator.Environment);
        Assert.Contains(plain.Stdout.Split('\n'), l => l.StartsWith(id, StringComparison.Ordinal) && l.Contains("succeeded"));
    }

    [Fact]
    public async Task List_on_a_vendor_without_a_list_endpoint_exits_2()
    {
        var result = await Tool.RunAsync("list", "--emulator", "--provider", "replicate", "--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("unsupported", Json.Single(result).GetProperty("error").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Balance_prints_the_amount_in_the_vendors_unit()
    {
        var result = await Tool.RunAsync("balance", "--emulator", "--provider", "vydra", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = Json.Single(result);
        Assert.Equal("vydra", json.GetProperty("provider").GetString());
        Assert.Equal("credits", json.GetProperty("unit").GetString());
        Assert.True(json.GetProperty("amount").GetDecimal() > 0);

        var plain = await Tool.RunAsync("balance", "--emulator", "--provider", "vydra");
        Assert.Contains("credits", plain.Stdout);
    }

    [Fact]
    public async Task Balance_on_a_vendor_without_one_exits_2()
    {
        var result = await Tool.RunAsync("balance", "--emulator", "--provider", "replicate");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Single(result.ErrorLines);
    }

    [Fact]
    public async Task Providers_lists_every_vendor_with_its_models_and_what_it_supports()
    {
        var result = await Tool.RunAsync("providers", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var providers = Json.Single(result).GetProperty("providers").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(EmulatorProviders.All.Order(), providers.Keys.Order());
        Assert.True(providers["vydra"].GetProperty("supports").GetProperty("cancel").GetBoolean());
        Assert.False(providers["kling"].GetProperty("supports").GetProperty("cancel").GetBoolean());
        Assert.Contains(providers["kling"].GetProperty("modelProfiles").EnumerateArray(), m => m.GetProperty("model").GetString() == "kling-v3" && m.GetProperty("elements").GetBoolean());
        Assert.All(providers.Values, p => Assert.False(p.GetProperty("configured").GetBoolean()));

        var configured = await Tool.RunAsync(["providers", "--json"], new Dictionary<string, string> { ["MOTIONCONTROL__VYDRA__APIKEY"] = "vydra_live_user_x" });
        Assert.True(Json.Single(configured).GetProperty("providers").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "vydra").GetProperty("configured").GetBoolean());

        var plain = await Tool.RunAsync("providers");
        Assert.Contains(plain.Stdout.Split('\n'), l => l.StartsWith("kling (Kling):", StringComparison.Ordinal) && l.Contains("estimate=yes"));
    }

    [Fact]
    public async Task Status_of_an_unknown_task_is_a_vendor_failure_exit_1()
    {
        var result = await Tool.RunAsync("status", "--emulator", "no-such-task", "--json");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("not-found", Json.Single(result).GetProperty("error").GetProperty("kind").GetString());
        Assert.DoesNotContain("   at ", result.All);
    }

    [Fact]
    public async Task A_usage_error_exits_2_with_one_line_naming_the_option()
    {
        var result = await Tool.RunAsync("generate", "--emulator", "--image", Tool.Image);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--video", Assert.Single(result.ErrorLines));

        var json = await Tool.RunAsync("wait", "--json", "--timeout", "soon", "x");
        Assert.Equal(2, json.ExitCode);
        Assert.Equal("usage", Json.Single(json).GetProperty("error").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Without_credentials_a_command_exits_2_naming_the_variable_to_set()
    {
        var result = await Tool.RunAsync("status", "--provider", "vydra", "abc");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("MOTIONCONTROL__VYDRA__APIKEY", result.Stderr);
        Assert.Contains("--emulator", result.Stderr);
    }

    [Fact]
    public async Task An_unknown_provider_exits_2()
    {
        var result = await Tool.RunAsync("balance", "--emulator", "--provider", "acme");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("vydra", result.Stderr);
    }

    [Fact]
    public async Task Cancel_stops_a_running_task_and_cancel_where_the_vendor_cannot_exits_2()
    {
        await using var emulator = await EmulatorProcess.StartAsync("--job-polls", "100000");
        var submitted = await Tool.RunAsync(["generate", "--emulator", "--image", Tool.Image, "--video", Tool.Video, "--yes", "--no-wait", "--json"], emulator.Environment);
        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        string id = Json.Single(submitted).GetProperty("task").GetProperty("id").GetString()!;

        var canceled = await Tool.RunAsync(["cancel", id, "--emulator", "--json"], emulator.Environment);
        Assert.True(canceled.ExitCode == 0, canceled.ToString());
        Assert.Equal("canceled", Json.Single(canceled).GetProperty("status").GetString());

        var waited = await Tool.RunAsync(["wait", id, "--emulator"], emulator.Environment);
        Assert.True(waited.ExitCode == 1, waited.ToString());
        Assert.Contains("canceled", waited.Stderr);

        var kling = await Tool.RunAsync(["cancel", "x", "--emulator", "--provider", "kling"], emulator.Environment);
        Assert.True(kling.ExitCode == 2, kling.ToString());
    }
}
