using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MotionControl.DependencyInjection;

namespace MotionControl.AspNetCore;

/// <summary>
/// Fails the host's start when a signing secret is configured for a registration whose vendor does not sign its callbacks
/// (its callbacks would all be refused). Runs as a hosted service because it needs the clients, which are built from
/// options that read the webhook options: inside their validation it would recurse.
/// </summary>
internal sealed class WebhookStartupCheck(IOptions<MotionControlWebhookOptions> options, IMotionControlClientFactory clients) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var wrong = options.Value.SigningSecrets.Keys
            .Where(registration => clients.ProviderNames.Contains(registration, StringComparer.Ordinal) && !clients.GetClient(registration).Capabilities.SignsCallbacks)
            .ToList();
        return wrong.Count == 0
            ? Task.CompletedTask
            : throw new InvalidOperationException(string.Join(" ", wrong.Select(r => $"MotionControlWebhookOptions.SigningSecrets has a secret for '{r}', whose vendor does not sign its callbacks; remove it (its callbacks are confirmed by reading the task from the vendor).")));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
