using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MotionControl;
using MotionControl.DependencyInjection;

namespace DependencyInjectionSample;

/// <summary>The media and prompt of the sample job (section <c>Job</c>).</summary>
internal sealed class JobSettings
{
    public Uri ImageUrl { get; set; } = new("https://example.com/character.png");

    public Uri VideoUrl { get; set; } = new("https://example.com/dance.mp4");

    public string Prompt { get; set; } = "a dancer on a rooftop at dusk";
}

/// <summary>Runs one job on every registered vendor, then stops the host.</summary>
internal sealed partial class MotionControlWorker(
    IMotionControlClientFactory factory,
    [FromKeyedServices("kling")] IMotionControlClient kling,
    IOptions<JobSettings> job,
    IHostApplicationLifetime lifetime,
    ILogger<MotionControlWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            LogProviders(factory.ProviderNames);
            var request = new MotionControlRequest
            {
                Image = MediaSource.FromUri(job.Value.ImageUrl),
                Video = MediaSource.FromUri(job.Value.VideoUrl),
                Prompt = job.Value.Prompt,
            };

            // A keyed client injected directly…
            await RunAsync(kling, request, stoppingToken);

            // …and one chosen by name at run time.
            await RunAsync(factory.GetClient("vydra"), request, stoppingToken);
        }
        catch (MotionControlException ex)
        {
            LogFailed(ex.ProviderName, ex.Message);
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private async Task RunAsync(IMotionControlClient client, MotionControlRequest request, CancellationToken cancellationToken)
    {
        var task = await client.GenerateAsync(request, cancellationToken: cancellationToken);
        LogSucceeded(client.ProviderName, task.Id, task.Videos[0].Url);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered providers: {Providers}")]
    private partial void LogProviders(IEnumerable<string> providers);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Provider}: task {TaskId} succeeded, video at {Url}")]
    private partial void LogSucceeded(string provider, string taskId, Uri url);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Provider}: {Message}")]
    private partial void LogFailed(string? provider, string message);
}
