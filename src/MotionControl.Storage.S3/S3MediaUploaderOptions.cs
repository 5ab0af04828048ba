namespace MotionControl.Storage.S3;

/// <summary>
/// Where <see cref="S3MediaUploader"/> stores media, and how long the pre-signed URL it gives the vendor lives. Bound from
/// configuration by <c>AddS3MediaUploader(section)</c> (the keys are the property names). The secret access key is a secret:
/// <see cref="ToString"/> omits it, and no message of this package shows it.
/// </summary>
public sealed class S3MediaUploaderOptions
{
    /// <summary>The default <see cref="UrlLifetime"/>: one hour.</summary>
    public static readonly TimeSpan DefaultUrlLifetime = TimeSpan.FromHours(1);

    /// <summary>The bucket the media go to. Required.</summary>
    public string? BucketName { get; set; }

    /// <summary>A prefix for every object key, for example <c>motion-control/</c> (a lifecycle rule can match it). Optional.</summary>
    public string? KeyPrefix { get; set; }

    /// <summary>The AWS region, for example <c>eu-west-1</c>. Required unless <see cref="ServiceUrl"/> is set (then it names the signing region; default <c>us-east-1</c>).</summary>
    public string? Region { get; set; }

    /// <summary>
    /// An S3-compatible endpoint instead of AWS (MinIO, Cloudflare R2, a local server), for example
    /// <c>https://minio.example.com:9000</c>. Usually with <see cref="ForcePathStyle"/>.
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Addresses the bucket in the path (<c>https://host/bucket/key</c>) rather than the host name; most custom endpoints need it. Default false.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>The access key id. With <see cref="SecretAccessKey"/>; when both are empty the AWS SDK's default credential chain is used (environment, profile, instance role).</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>The secret access key. A secret.</summary>
    public string? SecretAccessKey { get; set; }

    /// <summary>
    /// How long the pre-signed GET URL handed to the vendor stays valid. Default 1 hour; 1 minute–7 days (the SigV4 maximum).
    /// It must cover the time until the vendor fetches the video (at submission, or when the task leaves the vendor's queue).
    /// With temporary credentials the URL also ends when they do.
    /// </summary>
    public TimeSpan UrlLifetime { get; set; } = DefaultUrlLifetime;

    /// <summary>
    /// Sends the upload as a SigV4 streaming body (<c>aws-chunked</c>: each chunk signed as it is sent), the SDK's default.
    /// Default true. Set false for S3-compatible servers that do not decode <c>aws-chunked</c> bodies and would store the
    /// chunk framing as the object's bytes (s3rver, some gateways): the body then goes as it is, with
    /// <c>UNSIGNED-PAYLOAD</c> (the request is still signed; the content is not, so use https to such a server). Both
    /// stream the source; neither reads it whole first.
    /// </summary>
    public bool ChunkedUploads { get; set; } = true;

    /// <summary>Creates the bucket (private) on the first upload when it does not exist. Default false.</summary>
    public bool CreateBucketIfMissing { get; set; }

    /// <summary>The bucket, region and endpoint; never the keys.</summary>
    /// <returns>For example <c>S3MediaUploaderOptions(bucket media, eu-west-1)</c>.</returns>
    public override string ToString() =>
        $"{nameof(S3MediaUploaderOptions)}(bucket {BucketName ?? "(none)"}, {(ServiceUrl is null ? Region ?? "no region" : ServiceUrl.GetLeftPart(UriPartial.Path))})";

    /// <summary>What is wrong with these options, one sentence per problem naming the setting, never its value.</summary>
    /// <param name="includeAccount">Whether the endpoint and credential settings are checked (not when a client is given).</param>
    internal IEnumerable<string> Errors(bool includeAccount)
    {
        if (string.IsNullOrWhiteSpace(BucketName))
        {
            yield return "BucketName is required.";
        }

        if (includeAccount)
        {
            if (ServiceUrl is null && string.IsNullOrWhiteSpace(Region))
            {
                yield return "Region is required (or ServiceUrl for an S3-compatible endpoint).";
            }

            if (ServiceUrl is not null && (!ServiceUrl.IsAbsoluteUri || (ServiceUrl.Scheme != Uri.UriSchemeHttps && ServiceUrl.Scheme != Uri.UriSchemeHttp)))
            {
                yield return "ServiceUrl must be an absolute http(s) URL.";
            }

            if (string.IsNullOrWhiteSpace(AccessKeyId) != string.IsNullOrWhiteSpace(SecretAccessKey))
            {
                yield return "AccessKeyId and SecretAccessKey go together: give both, or neither for the default credential chain.";
            }
        }

        if (UrlLifetime < TimeSpan.FromMinutes(1) || UrlLifetime > TimeSpan.FromDays(7))
        {
            yield return "UrlLifetime must be between 1 minute and 7 days.";
        }
    }

    /// <summary>Throws when <paramref name="options"/> are incomplete, naming every problem (never a value).</summary>
    internal static void ThrowIfInvalid(S3MediaUploaderOptions options, bool includeAccount)
    {
        var errors = options.Errors(includeAccount).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid S3MediaUploaderOptions: " + string.Join(" ", errors), nameof(options));
        }
    }
}
