using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MotionControl.Testing;

namespace MotionControl.Tests.DependencyInjection;

/// <summary>Builds real hosts from JSON configuration that points every vendor at the emulator.</summary>
internal static class HostFixture
{
    public static string Json(MotionControlEmulator emulator, string? defaultProvider = "kling", Func<string, string>? edit = null)
    {
        var c = emulator.Credentials;
        var root = emulator.BaseAddress.AbsoluteUri;
        var json = $$"""
        {
          "MotionControl": {
            "DefaultProvider": "{{defaultProvider}}",
            "WaitOptions": { "PollInterval": "00:00:00.010", "MaxPollInterval": "00:00:00.050", "MaxHintedPollInterval": "00:00:00.050", "Jitter": 0, "Timeout": "00:00:30" },
            "RetryBaseDelay": "00:00:00.010",
            "RetryMaxDelay": "00:00:00.050",
            "Kling":       { "BaseAddress": "{{root}}", "AccessKey": "{{c.KlingAccessKey}}", "SecretKey": "{{c.KlingSecretKey}}" },
            "PowerTokens": { "BaseAddress": "{{root}}", "ApiKey": "{{c.PowerTokensApiKey}}" },
            "ModelsLab":   { "BaseAddress": "{{root}}", "ApiKey": "{{c.ModelsLabApiKey}}" },
            "AimlApi":     { "BaseAddress": "{{root}}", "ApiKey": "{{c.AimlApiKey}}" },
            "Vydra":       { "BaseAddress": "{{root}}", "ApiKey": "{{c.VydraApiKey}}" },
            "Replicate":   { "BaseAddress": "{{root}}", "ApiKey": "{{c.ReplicateApiKey}}", "CancelAfter": "00:05:00" },
            "Fal":         { "BaseAddress": "{{root}}", "PlatformBaseAddress": "{{root}}", "StorageBaseAddress": "{{root}}", "ApiKey": "{{c.FalApiKey}}" }
          }
        }
        """;
        return edit is null ? json : edit(json);
    }

    public static IHost Build(string json, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        builder.Services.AddMotionControl(builder.Configuration.GetSection("MotionControl"));
        configure?.Invoke(builder);
        return builder.Build();
    }

    public static MotionControlRequest Request() => new()
    {
        Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
        Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
        Prompt = "a dancer on a rooftop",
    };
}
