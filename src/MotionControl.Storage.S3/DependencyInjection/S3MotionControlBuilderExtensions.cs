using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotionControl.Media;
using MotionControl.Storage.S3;

namespace MotionControl.DependencyInjection;

/// <summary>Registers <see cref="S3MediaUploader"/> as the media uploader of every MotionControl registration.</summary>
public static class S3MotionControlBuilderExtensions
{
    /// <summary>
    /// Registers an <see cref="S3MediaUploader"/> as the <see cref="IMediaUploader"/> (and <see cref="IMediaCleanup"/>)
    /// of every provider registration whose options name no uploader of their own. Options are validated at start-up.
    /// </summary>
    /// <param name="builder">The <c>AddMotionControl()</c> builder.</param>
    /// <param name="configure">Sets the bucket, endpoint, credentials and URL lifetime.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddS3MediaUploader(this MotionControlBuilder builder, Action<S3MediaUploaderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Add(builder, "AddS3MediaUploader", options => options.Configure(configure));
    }

    /// <summary>
    /// Registers an <see cref="S3MediaUploader"/> bound from a configuration section (keys: <c>BucketName</c>, <c>KeyPrefix</c>, <c>Region</c>, <c>ServiceUrl</c>, <c>ForcePathStyle</c>,
    /// <c>AccessKeyId</c>, <c>SecretAccessKey</c>, <c>UrlLifetime</c>, <c>CreateBucketIfMissing</c>), for example
    /// <c>MotionControl:Storage:S3</c>.
    /// </summary>
    /// <param name="builder">The <c>AddMotionControl()</c> builder.</param>
    /// <param name="section">The section holding the keys.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddS3MediaUploader(this MotionControlBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Add(builder, section is IConfigurationSection s ? s.Path : "S3", options => options.Bind(section));
    }

    private static MotionControlBuilder Add(MotionControlBuilder builder, string sectionPath, Action<OptionsBuilder<S3MediaUploaderOptions>> configure) =>
        Storage.UploaderRegistration.Add<S3MediaUploaderOptions, S3MediaUploader>(builder, configure, new S3MediaUploaderOptionsValidator(sectionPath), static (options, logging) => new S3MediaUploader(options, logging));
}
