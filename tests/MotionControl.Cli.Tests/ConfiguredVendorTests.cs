using System.Diagnostics;
using System.Text.Json;
using MotionControl.Cli.Tests.Support;
using MotionControl.Testing;

namespace MotionControl.Cli.Tests;

/// <summary>
/// The tool configured as for a real vendor (the SDK's keys in environment variables or user secrets, no --emulator),
/// against an emulator the test started with keys of its own: failures and their exit codes, Ctrl+C, and no key in any
/// output of any command.
/// </summary>
public sealed class ConfiguredVendorTests
{
    public static TheoryData<string> Modes => new() { "plain", "json", "verbose" };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task No_configured_key_shows_in_the_output_of_any_command(string mode)
    {
        await using var vendors = await ConfiguredVendors.StartAsync();
        await using var media = await MediaServer.StartAsync();

        // The loopback media server is not the vendor's origin: the SSRF guard needs it allow-listed.
        var env = vendors.Environment(e => e["MotionControl__Kling__RemoteMediaAllowList__0"] = media.Url(string.Empty));
        string[] extra = mode switch { "json" => ["--json"], "verbose" => ["--verbose"], _ => [] };
        string folder = Tool.Scratch();
        var outputs = new List<CliResult>();

        async Task<CliResult> Run(params string[] args)
        {
            var result = await Tool.RunAsync([.. args, .. extra], env, folder);
            outputs.Add(result);
            return result;
        }

        var generated = await Run("generate", "--image", Tool.Image, "--video", Tool.Video, "--yes", "--out", "a.mp4");
        Assert.True(generated.ExitCode == 0, generated.ToString());
        string id = vendors.Emulator.GetTasks("replicate").Single().Id;
        var kling = await Run("generate", "--provider", "kling", "--image", media.Url("image.png"), "--video", media.Url("moov_first.mp4"), "--yes", "--no-wait");
        Assert.True(kling.ExitCode == 0, kling.ToString());
        Assert.Equal(0, (await Run("validate", "--image", Tool.Image, "--video", Tool.Video)).ExitCode);
        Assert.Equal(0, (await Run("estimate", "--image", Tool.Image, "--video", Tool.Video)).ExitCode);
        Assert.Equal(0, (await Run("status", id)).ExitCode);
        Assert.Equal(0, (await Run("wait", id)).ExitCode);
        Assert.Equal(0, (await Run("download", id, "--out", "b.mp4")).ExitCode);
        Assert.Equal(0, (await Run("list", "--provider", "kling")).ExitCode);
        Assert.Equal(0, (await Run("balance", "--provider", "vydra")).ExitCode);
        Assert.Equal(0, (await Run("providers")).ExitCode);
        Assert.Equal(0, (await Run("cancel", id)).ExitCode);
        foreach (string provider in EmulatorProviders.All)
        {
            // A failure from each vendor (an unknown task): its error message, with --verbose its stack trace.
            Assert.Equal(1, (await Run("status", "--provider", provider, "missing-" + provider)).ExitCode);
        }

        // Refused keys: the vendor's 401 reported, the key still not.
        var refused = await Tool.RunAsync([.. new[] { "balance", "--provider", "vydra" }, .. extra], vendors.Environment(e => e["MOTIONCONTROL__VYDRA__APIKEY"] = "vydra_live_user_wrong_" + vendors.Keys.VydraApiKey), folder);
        Assert.Equal(1, refused.ExitCode);
        outputs.Add(refused);

        var secrets = vendors.Secrets.Append("vydra_live_user_wrong_").ToList();
        Assert.All(outputs, o => SecretAssert.ShowsNoSecret(o.All, secrets));
        Assert.True(vendors.Emulator.Requests.Count > 10);
        if (mode == "verbose")
        {
            // --verbose did show the SDK's logs (so the check above covered them).
            Assert.Contains(outputs, o => o.Stderr.Contains("MotionControl", StringComparison.Ordinal) && o.Stderr.Contains("dbug", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_key_in_user_secrets_is_used()
    {
        await using var vendors = await ConfiguredVendors.StartAsync();
        var env = vendors.Environment(e => e.Remove("MOTIONCONTROL__VYDRA__APIKEY"));
        string home = Tool.Scratch();
        env["HOME"] = home;
        string secrets = Path.Combine(home, ".microsoft", "usersecrets", "motion-control-cli");
        Directory.CreateDirectory(secrets);
        await File.WriteAllTextAsync(Path.Combine(secrets, "secrets.json"), JsonSerializer.Serialize(new Dictionary<string, string> { ["MotionControl:Vydra:ApiKey"] = vendors.Keys.VydraApiKey }));

        var result = await Tool.RunAsync(["balance", "--provider", "vydra", "--json"], env);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("vydra", Json.Single(result).GetProperty("provider").GetString());
        Assert.Contains(vendors.Emulator.Requests, r => r.Provider == "vydra" && r.Account == EmulatorCredentials.DefaultAccountName);
    }

    [Fact]
    public async Task A_failed_task_exits_1_with_the_vendors_reason()
    {
        await using var vendors = await ConfiguredVendors.StartAsync(new TaskLifecycle().Processing(1).FailsWithContentPolicyViolation());

        var result = await Tool.RunAsync(["generate", "--image", Tool.Image, "--video", Tool.Video, "--yes", "--json"], vendors.Environment());

        Assert.True(result.ExitCode == 1, result.ToString());
        var error = Json.Single(result).GetProperty("error");
        Assert.Equal("task-failed", error.GetProperty("kind").GetString());
        Assert.Equal(vendors.Emulator.GetTasks("replicate").Single().Id, error.GetProperty("taskId").GetString());
        Assert.Single(result.ErrorLines);
    }

    [Fact]
    public async Task A_wait_past_its_timeout_exits_1_and_says_how_to_wait_longer()
    {
        await using var vendors = await ConfiguredVendors.StartAsync(new TaskLifecycle().ProcessingForever());

        var result = await Tool.RunAsync(["generate", "--image", Tool.Image, "--video", Tool.Video, "--yes", "--timeout", "1s"], vendors.Environment());

        Assert.True(result.ExitCode == 1, result.ToString());
        string id = vendors.Emulator.GetTasks("replicate").Single().Id;
        Assert.Contains($"motion-control wait {id} --provider replicate", result.Stderr);
        Assert.Contains("--timeout", result.Stderr);
    }

    [Fact]
    public async Task A_refused_key_is_a_vendor_failure_exit_1()
    {
        await using var vendors = await ConfiguredVendors.StartAsync();

        var result = await Tool.RunAsync(["balance", "--provider", "vydra"], vendors.Environment(e => e["MOTIONCONTROL__VYDRA__APIKEY"] = "vydra_live_user_not_known"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Single(result.ErrorLines);
        Assert.DoesNotContain("vydra_live_user_not_known", result.All);
    }

    [Fact]
    public async Task Incomplete_configuration_exits_2_naming_the_setting()
    {
        await using var vendors = await ConfiguredVendors.StartAsync();

        var result = await Tool.RunAsync(["status", "--provider", "kling", "x"], vendors.Environment(e => e.Remove("MOTIONCONTROL__KLING__SECRETKEY")));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("MotionControl:Kling", result.Stderr);
        Assert.DoesNotContain(vendors.Keys.KlingAccessKey, result.All);
    }

    [Fact]
    public async Task A_stop_signal_during_a_wait_exits_130_names_the_task_and_leaves_it_running()
    {
        await using var vendors = await ConfiguredVendors.StartAsync(new TaskLifecycle().ProcessingForever());
        using var process = Tool.Start(["generate", "--image", Tool.Image, "--video", Tool.Video, "--yes"], vendors.Environment());
        var stderr = process.StandardError.ReadToEndAsync();
        var seen = new System.Text.StringBuilder();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                seen.AppendLine(line);
                if (line.Contains(": processing", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }

        Assert.Contains("processing", seen.ToString());
        // SIGTERM, the signal a process manager sends: SIGINT would be ignored here whenever the test run itself was started
        // in the background (a shell starts background jobs with SIGINT ignored, and .NET keeps an inherited SIG_IGN).
        // Ctrl+C itself is sent in a real terminal by TerminalTests.Ctrl_C_in_a_terminal_stops_the_wait_and_prints_the_task_to_resume.
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var rest = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var result = new CliResult(process.ExitCode, seen + await rest, await stderr);

        Assert.True(result.ExitCode == 130, result.ToString());
        var task = Assert.Single(vendors.Emulator.GetTasks("replicate"));
        Assert.Contains($"motion-control wait {task.Id} --provider replicate", result.Stderr);
        Assert.Equal(EmulatedTaskStatus.Processing, vendors.Emulator.FindTask("replicate", task.Id)!.Status);
        Assert.DoesNotContain(vendors.Emulator.Requests, r => r.Provider == "replicate" && r.Operation == EmulatorOperation.Cancel);
    }

    [Fact]
    public async Task Validate_and_generate_report_the_media_they_could_not_check_as_warnings()
    {
        await using var vendors = await ConfiguredVendors.StartAsync();
        var env = vendors.Environment();

        // Names reserved for examples are never fetched, so the remote pre-flight (BestEffort, the default) cannot check them.
        string[] request = ["--provider", "kling", "--image", "https://example.com/character.png?sig=abc", "--video", "https://example.com/dance.mp4"];

        var plain = await Tool.RunAsync(["validate", .. request], env);
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Contains("2 check(s) could not be made", plain.Stdout);
        var warnings = plain.ErrorLines.Where(l => l.StartsWith("warning: media.url.unchecked  ", StringComparison.Ordinal)).ToList();
        Assert.True(warnings.Count == 2, plain.ToString());
        Assert.Contains(warnings, l => l.Contains("  Image  ") && l.Contains("https://example.com/character.png"));
        Assert.Contains(warnings, l => l.Contains("  Video  ") && l.Contains("https://example.com/dance.mp4"));
        Assert.DoesNotContain("sig=abc", plain.All);

        var json = await Tool.RunAsync(["validate", .. request, "--json"], env);
        Assert.True(json.ExitCode == 0, json.ToString());
        var document = Json.Single(json);
        Assert.True(document.GetProperty("valid").GetBoolean());
        Assert.Equal(["Image", "Video"], document.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("field").GetString()));
        Assert.All(document.GetProperty("warnings").EnumerateArray(), w => Assert.Equal("media.url.unchecked", w.GetProperty("code").GetString()));
        Assert.Empty(json.ErrorLines);

        var generated = await Tool.RunAsync(["generate", .. request, "--yes", "--no-wait", "--json"], env);
        Assert.True(generated.ExitCode == 0, generated.ToString());
        Assert.Equal(2, Json.Single(generated).GetProperty("warnings").GetArrayLength());
        Assert.Single(vendors.Emulator.GetTasks("kling"));

        var generatedPlain = await Tool.RunAsync(["generate", .. request, "--yes", "--no-wait"], env);
        Assert.True(generatedPlain.ExitCode == 0, generatedPlain.ToString());
        Assert.Equal(2, generatedPlain.ErrorLines.Count(l => l.StartsWith("warning: media.url.unchecked  ", StringComparison.Ordinal)));
        Assert.Contains("except 2 check(s) that could not be made", generatedPlain.Stdout);
    }
}
