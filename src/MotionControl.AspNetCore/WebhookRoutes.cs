using Microsoft.Extensions.Options;
using MotionControl.DependencyInjection;

namespace MotionControl.AspNetCore;

/// <summary>
/// Where each registration's callbacks go: <c>{PublicBaseUrl}{prefix}/{registration}</c>. The prefix is the one
/// <c>MapMotionControlWebhooks</c> maps; a client built before the mapping gets the default prefix, and mapping another
/// one afterwards is refused, so no vendor is ever told an address that is not served.
/// </summary>
internal sealed class WebhookRoutes(IOptions<MotionControlWebhookOptions> options) : IMotionControlCallbackUrlSource
{
    private readonly object _gate = new();
    private string? _prefix;
    private bool _handedOut;

    public void UsePrefix(string prefix)
    {
        lock (_gate)
        {
            if (_handedOut && !string.Equals(_prefix, prefix, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"MotionControl clients were already given callback URLs under '{_prefix}'; map the webhooks with that prefix, or map them before any client is resolved.");
            }

            _prefix = prefix;
        }
    }

    public Uri? GetCallbackUrl(string registrationName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registrationName);
        if (options.Value.PublicBaseUrl is not { } root)
        {
            return null;
        }

        string prefix;
        lock (_gate)
        {
            _prefix ??= MotionControlWebhookEndpointExtensions.DefaultPrefix;
            _handedOut = true;
            prefix = _prefix;
        }

        var path = root.AbsolutePath.TrimEnd('/') + prefix + "/" + Uri.EscapeDataString(registrationName);
        return new UriBuilder(root) { Path = path, Query = string.Empty, Fragment = string.Empty }.Uri;
    }
}
