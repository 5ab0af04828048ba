using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MotionControl.Media;

namespace MotionControl.Storage.S3;

/// <summary>
/// Stages local media in an Amazon S3 (or S3-compatible) bucket for vendors that take media by URL only (Kling's and
/// PowerTokens' reference video, ModelsLab, Vydra): streams the content into a new object (one PUT with its length and
/// content type; the SDK reads the source in small buffers as it sends), and returns a pre-signed GET URL for that object
/// alone that expires after <see cref="S3MediaUploaderOptions.UrlLifetime"/>. As an <see cref="IMediaCleanup"/> it deletes
/// the object when the task has ended.
/// </summary>
/// <remarks>
/// Set it as <c>MediaUploader</c> in a client's options, or register it with <c>AddS3MediaUploader</c> on the
/// <c>AddMotionControl()</c> builder. Thread-safe; one instance serves every client. The pre-signed URL is never logged;
/// log lines name the object without its query. One PUT takes objects up to 5 GB, far above every vendor's video limit.
/// </remarks>
public sealed partial class S3MediaUploader : IMediaUploader, IMediaCleanup, IDisposable
{
    private readonly IAmazonS3 _s3;
    private readonly bool _ownsClient;
    private readonly S3MediaUploaderOptions _options;
    private readonly Protocol _protocol;
    private readonly ILogger _logger;
    private volatile bool _bucketReady;

    /// <summary>Creates an uploader from options.</summary>
    /// <param name="options">Where to store; validated and copied.</param>
    /// <exception cref="ArgumentException">The options are incomplete (the message names the settings, never their values).</exception>
    public S3MediaUploader(S3MediaUploaderOptions options)
        : this(options, null)
    {
    }

    /// <summary>Creates an uploader from options, logging to <paramref name="loggerFactory"/>.</summary>
    /// <param name="options">Where to store; validated and copied.</param>
    /// <param name="loggerFactory">Where the uploader logs (uploads and deletions, without URL queries); <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">The options are incomplete (the message names the settings, never their values).</exception>
    public S3MediaUploader(S3MediaUploaderOptions options, ILoggerFactory? loggerFactory)
        : this(CreateClient(options), options, loggerFactory, ownsClient: true)
    {
    }

    /// <summary>
    /// Creates an uploader over an S3 client you built (your own <see cref="AmazonS3Config"/>, credentials, HTTP client
    /// factory). <paramref name="options"/> supplies the bucket, key prefix, URL lifetime and bucket creation; its endpoint
    /// and credential settings are not used. The client is not disposed by this uploader.
    /// </summary>
    /// <param name="client">The S3 client.</param>
    /// <param name="options">Bucket, key prefix, URL lifetime, bucket creation.</param>
    /// <param name="loggerFactory">Where the uploader logs; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    public S3MediaUploader(IAmazonS3 client, S3MediaUploaderOptions options, ILoggerFactory? loggerFactory)
        : this(client, options, loggerFactory, ownsClient: false)
    {
    }

    private S3MediaUploader(IAmazonS3 client, S3MediaUploaderOptions options, ILoggerFactory? loggerFactory, bool ownsClient)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        S3MediaUploaderOptions.ThrowIfInvalid(options, includeAccount: false);
        _s3 = client;
        _ownsClient = ownsClient;
        _options = new S3MediaUploaderOptions
        {
            BucketName = options.BucketName,
            KeyPrefix = options.KeyPrefix,
            UrlLifetime = options.UrlLifetime,
            CreateBucketIfMissing = options.CreateBucketIfMissing,
            ChunkedUploads = options.ChunkedUploads,
        };

        // Pre-signed URLs take the scheme of the endpoint the client talks to (a local server may be plain http).
        var endpoint = client.Config.ServiceURL;
        _protocol = endpoint is not null && endpoint.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS;
        _logger = loggerFactory?.CreateLogger<S3MediaUploader>() ?? NullLogger<S3MediaUploader>.Instance;
    }

    /// <summary>The bucket objects are stored in.</summary>
    public string BucketName => _options.BucketName!;

    /// <inheritdoc />
    /// <exception cref="AmazonS3Exception">The storage service refused the upload (its message names no credential).</exception>
    public async ValueTask<Uri> UploadAsync(MediaUploadRequest upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        await EnsureBucketAsync(cancellationToken).ConfigureAwait(false);
        var key = StagedObjectNames.Create(_options.KeyPrefix, upload.FileName);
        var put = new PutObjectRequest
        {
            BucketName = BucketName,
            Key = key,
            InputStream = upload.Content,
            ContentType = upload.ContentType,

            // The SDK owns neither the stream nor its position: MediaUploadRequest.Content belongs to MotionControl.
            AutoCloseStream = false,
            AutoResetStreamPosition = false,
        };
        if (!_options.ChunkedUploads)
        {
            // Without aws-chunked framing a signed payload would need its SHA-256 first, which means reading the whole
            // source before the first byte is sent; an unsigned payload streams (see S3MediaUploaderOptions.ChunkedUploads).
            put.UseChunkEncoding = false;
            put.DisablePayloadSigning = true;
        }
        if (upload.Length is { } length)
        {
            put.Headers.ContentLength = length;
        }

        await _s3.PutObjectAsync(put, cancellationToken).ConfigureAwait(false);
        var url = await _s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = BucketName,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = TimeProvider.System.GetUtcNow().UtcDateTime + _options.UrlLifetime,
            Protocol = _protocol,
        }).ConfigureAwait(false);
        var signed = new Uri(url);
        var address = signed.GetLeftPart(UriPartial.Path);
        Log.Staged(_logger, upload.Field, address, upload.Length, _options.UrlLifetime);
        return signed;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="url"/> is not an object in this uploader's bucket.</exception>
    /// <exception cref="AmazonS3Exception">The storage service refused the deletion.</exception>
    public async ValueTask DeleteAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var key = KeyOf(url);
        var address = url.GetLeftPart(UriPartial.Path);
        try
        {
            // S3 answers 204 whether or not the object existed: an object already gone is not an error.
            await _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = BucketName, Key = key }, cancellationToken).ConfigureAwait(false);
            Log.Deleted(_logger, address);
        }
        catch (AmazonS3Exception ex)
        {
            Log.DeleteFailed(_logger, address, (int)ex.StatusCode, ex.ErrorCode);
            throw;
        }
    }

    /// <summary>The bucket; never a key or a pre-signed URL.</summary>
    /// <returns>For example <c>S3MediaUploader(bucket media)</c>.</returns>
    public override string ToString() => $"{nameof(S3MediaUploader)}(bucket {BucketName})";

    /// <summary>Disposes the S3 client when this uploader created it (from options).</summary>
    public void Dispose()
    {
        if (_ownsClient)
        {
            _s3.Dispose();
        }
    }

    private static AmazonS3Client CreateClient(S3MediaUploaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        S3MediaUploaderOptions.ThrowIfInvalid(options, includeAccount: true);
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,

            // Flexible checksums (CRC32 trailers in aws-chunked bodies, checksum checks on replies) only where an operation
            // requires them. AWS itself accepts either; many S3-compatible servers (s3rver, older MinIO, R2 at times)
            // reject or mangle the trailer that the SDK's default (WHEN_SUPPORTED) adds to every PUT. Integrity is still
            // covered by SigV4 over the payload and TLS.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (options.ServiceUrl is { } serviceUrl)
        {
            config.ServiceURL = serviceUrl.AbsoluteUri;
            config.AuthenticationRegion = string.IsNullOrWhiteSpace(options.Region) ? "us-east-1" : options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        return string.IsNullOrWhiteSpace(options.AccessKeyId)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey), config);
    }

    private async ValueTask EnsureBucketAsync(CancellationToken cancellationToken)
    {
        if (!_options.CreateBucketIfMissing || _bucketReady)
        {
            return;
        }

        try
        {
            await _s3.PutBucketAsync(new PutBucketRequest { BucketName = BucketName }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.Conflict && ex.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            // There already: what we wanted (a bucket owned by someone else fails the upload that follows, with its own error).
        }

        _bucketReady = true;
    }

    /// <summary>The object key of a URL in this bucket, path-style or virtual-hosted (query ignored); refuses other buckets.</summary>
    private string KeyOf(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException("The URL must be absolute.", nameof(url));
        }

        var path = Uri.UnescapeDataString(url.AbsolutePath);
        var pathStylePrefix = "/" + BucketName + "/";
        string? key = null;
        if (url.Host.StartsWith(BucketName + ".", StringComparison.OrdinalIgnoreCase))
        {
            key = path.TrimStart('/');
        }
        else if (path.StartsWith(pathStylePrefix, StringComparison.Ordinal))
        {
            key = path[pathStylePrefix.Length..];
        }

        return key is { Length: > 0 }
            ? key
            : throw new ArgumentException($"'{url.GetLeftPart(UriPartial.Path)}' is not an object in the bucket {BucketName}.", nameof(url));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4200, Level = LogLevel.Debug, Message = "Staged the {Field} as {ObjectUrl} ({Bytes} bytes); its pre-signed URL lives {Lifetime}.")]
        public static partial void Staged(ILogger logger, string field, string objectUrl, long? bytes, TimeSpan lifetime);

        [LoggerMessage(EventId = 4201, Level = LogLevel.Debug, Message = "Deleted the staged object {ObjectUrl}.")]
        public static partial void Deleted(ILogger logger, string objectUrl);

        [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Could not delete the staged object {ObjectUrl}: HTTP {Status} {ErrorCode}.")]
        public static partial void DeleteFailed(ILogger logger, string objectUrl, int status, string? errorCode);
    }
}
