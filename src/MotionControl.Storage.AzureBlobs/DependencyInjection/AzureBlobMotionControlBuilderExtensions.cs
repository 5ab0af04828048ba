using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotionControl.Media;
using MotionControl.Storage.AzureBlobs;

namespace MotionControl.DependencyInjection;

/// <summary>Registers <see cref="AzureBlobMediaUploader"/> as the media uploader of every MotionControl registration.</summary>
public static class AzureBlobMotionControlBuilderExtensions
{
    /// <summary>
    /// Registers an <see cref="AzureBlobMediaUploader"/> as the <see cref="IMediaUploader"/> (and <see cref="IMediaCleanup"/>)
    /// of every provider registration whose options name no uploader of their own. Options are validated at start-up.
    /// </summary>
    /// <param name="builder">The <c>AddMotionControl()</c> builder.</param>
    /// <param name="configure">Sets the account, container and URL lifetime.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddAzureBlobMediaUploader(this MotionControlBuilder builder, Action<AzureBlobMediaUploaderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Add(builder, "AddAzureBlobMediaUploader", options => options.Configure(configure));
    }

    /// <summary>
    /// Registers an <see cref="AzureBlobMediaUploader"/> bound from a configuration section (keys: <c>ConnectionString</c>,
    /// or <c>ServiceUri</c> + <c>AccountName</c> + <c>AccountKey</c>; <c>ContainerName</c>, <c>BlobPrefix</c>,
    /// <c>UrlLifetime</c>, <c>CreateContainerIfMissing</c>, <c>BlockBytes</c>), for example <c>MotionControl:Storage:AzureBlobs</c>.
    /// </summary>
    /// <param name="builder">The <c>AddMotionControl()</c> builder.</param>
    /// <param name="section">The section holding the keys.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddAzureBlobMediaUploader(this MotionControlBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Add(builder, section is IConfigurationSection s ? s.Path : "AzureBlobs", options => options.Bind(section));
    }

    private static MotionControlBuilder Add(MotionControlBuilder builder, string sectionPath, Action<OptionsBuilder<AzureBlobMediaUploaderOptions>> configure) =>
        Storage.UploaderRegistration.Add<AzureBlobMediaUploaderOptions, AzureBlobMediaUploader>(builder, configure, new AzureBlobMediaUploaderOptionsValidator(sectionPath), static (options, logging) => new AzureBlobMediaUploader(options, logging));
}
