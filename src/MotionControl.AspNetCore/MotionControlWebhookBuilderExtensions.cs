using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MotionControl.DependencyInjection;

namespace MotionControl.AspNetCore;

/// <summary>Adds the webhook endpoints' services to an <c>AddMotionControl()</c> builder.</summary>
public static class MotionControlWebhookBuilderExtensions
{
    /// <summary>
    /// Registers what <c>app.MapMotionControlWebhooks(prefix)</c> needs: the options (validated when the host starts), the
    /// deduplication of events, and each registration's default callback URL,
    /// <c>{PublicBaseUrl}{prefix}/{registration}</c>, so requests to vendors with a callback field name it unless they set
    /// their own, and the scoped <see cref="MotionControlWebhookContext"/> that tells a handler which registration a callback
    /// came for. Register your <see cref="IMotionControlWebhookHandler"/>s in DI.
    /// </summary>
    /// <param name="builder">The builder <c>AddMotionControl</c> returned.</param>
    /// <param name="configure">Sets <see cref="MotionControlWebhookOptions.PublicBaseUrl"/>, the signing secrets and limits.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddWebhooks(this MotionControlBuilder builder, Action<MotionControlWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<MotionControlWebhookOptions>().Configure(configure).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MotionControlWebhookOptions>, WebhookOptionsValidator>());
        builder.Services.TryAddSingleton<WebhookRoutes>();
        builder.Services.TryAddSingleton<IMotionControlCallbackUrlSource>(sp => sp.GetRequiredService<WebhookRoutes>());
        builder.Services.TryAddSingleton<WebhookDeduplicator>();
        builder.Services.TryAddSingleton<WebhookReceiver>();
        builder.Services.TryAddScoped(_ => new MotionControlWebhookContext());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, WebhookStartupCheck>());
        return builder;
    }
}
