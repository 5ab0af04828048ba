using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MotionControl.AspNetCore;

/// <summary>Maps the webhook endpoints.</summary>
public static class MotionControlWebhookEndpointExtensions
{
    /// <summary>The prefix <see cref="MapMotionControlWebhooks"/> maps when given none: <c>/hooks/motion-control</c>.</summary>
    public const string DefaultPrefix = "/hooks/motion-control";

    /// <summary>
    /// Maps <c>POST {prefix}/{registration}</c>: each vendor callback is read (at most
    /// <see cref="MotionControlWebhookOptions.MaxBodyBytes"/>), verified with the registration's signing secret or confirmed
    /// by reading the task from the vendor, deduplicated, handed to the waits on its task in this process and then to
    /// every <see cref="IMotionControlWebhookHandler"/>. Answers: 200 when handled or a duplicate, 202 when the vendor's
    /// own read does not confirm an unsigned callback (nothing is passed on), 400 for a body that is not the vendor's
    /// callback, 401 for a missing, wrong or stale signature, 404 for an unknown registration, 413 for a body over the
    /// limit, 503 when the vendor cannot be asked or a handler fails or times out (so the vendor delivers it again).
    /// Requires <c>AddWebhooks</c> on the <c>AddMotionControl()</c> builder.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="prefix">The path prefix, starting with <c>/</c>; <see cref="DefaultPrefix"/> by default.</param>
    /// <returns>The endpoint's convention builder (add authorization or rate limiting policies to it).</returns>
    /// <exception cref="InvalidOperationException"><c>AddWebhooks</c> was not called, or callback URLs were already given out with another prefix.</exception>
    public static IEndpointConventionBuilder MapMotionControlWebhooks(this IEndpointRouteBuilder endpoints, string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        if (!prefix.StartsWith('/'))
        {
            throw new ArgumentException("The prefix must start with '/', for example \"/hooks/motion-control\".", nameof(prefix));
        }

        var routes = endpoints.ServiceProvider.GetService<WebhookRoutes>()
            ?? throw new InvalidOperationException("Call AddWebhooks(...) on the AddMotionControl() builder before MapMotionControlWebhooks.");
        var normalized = prefix.TrimEnd('/');
        routes.UsePrefix(normalized);
        var receiver = endpoints.ServiceProvider.GetRequiredService<WebhookReceiver>();
        return endpoints.MapPost(normalized + "/{registration}", receiver.ReceiveAsync)
            .WithDisplayName("MotionControl webhooks")
            .ExcludeFromDescription();
    }
}
