using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MotionControl.DependencyInjection;
using MotionControl.Media;

namespace MotionControl.Storage;

/// <summary>
/// The DI registration both storage packages share (compiled into each, so neither depends on the other): the uploader's
/// options, validated at start-up, the uploader as a singleton, and that singleton as the <see cref="IMediaUploader"/> of
/// every registration whose options name none.
/// </summary>
internal static class UploaderRegistration
{
    public static MotionControlBuilder Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, TUploader>(
        MotionControlBuilder builder,
        Action<OptionsBuilder<TOptions>> configure,
        IValidateOptions<TOptions> validator,
        Func<TOptions, ILoggerFactory?, TUploader> create)
        where TOptions : class
        where TUploader : class, IMediaUploader
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        configure(services.AddOptions<TOptions>());
        services.AddOptions<TOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton(validator));
        services.TryAddSingleton(sp => create(sp.GetRequiredService<IOptions<TOptions>>().Value, sp.GetService<ILoggerFactory>()));
        services.AddSingleton<IMediaUploader>(sp => sp.GetRequiredService<TUploader>());
        return builder;
    }
}
