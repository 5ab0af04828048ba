using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MotionControl.Media;

namespace MotionControl.Storage.AzureBlobs;

/// <summary>
/// Stages local media in an Azure Blob Storage container for vendors that take media by URL only (Kling's and
/// PowerTokens' reference video, ModelsLab, Vydra): streams the content into a new blob (in blocks of
/// <see cref="AzureBlobMediaUploaderOptions.BlockBytes"/>, the content type set), and returns a read-only SAS URL for that
/// blob alone that expires after <see cref="AzureBlobMediaUploaderOptions.UrlLifetime"/>. As an
/// <see cref="IMediaCleanup"/> it deletes the blob when the task has ended.
/// </summary>
/// <remarks>
/// Set it as <c>MediaUploader</c> in a client's options, or register it with <c>AddAzureBlobMediaUploader</c> on the
/// <c>AddMotionControl()</c> builder. Thread-safe; one instance serves every client. The SAS URL is never logged; log lines
/// name the blob without its query.
/// </remarks>
public sealed partial class AzureBlobMediaUploader : IMediaUploader, IMediaCleanup
{
    private readonly BlobContainerClient _container;
    private readonly AzureBlobMediaUploaderOptions _options;
    private readonly ILogger _logger;
    private volatile bool _containerReady;

    /// <summary>Creates an uploader from options (a connection string, or an endpoint with an account name and key).</summary>
    /// <param name="options">Where to store; validated and copied.</param>
    /// <exception cref="ArgumentException">The options are incomplete (the message names the settings, never their values).</exception>
    public AzureBlobMediaUploader(AzureBlobMediaUploaderOptions options)
        : this(options, null)
    {
    }

    /// <summary>Creates an uploader from options, logging to <paramref name="loggerFactory"/>.</summary>
    /// <param name="options">Where to store; validated and copied.</param>
    /// <param name="loggerFactory">Where the uploader logs (uploads and deletions, without URL queries); <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">The options are incomplete (the message names the settings, never their values).</exception>
    public AzureBlobMediaUploader(AzureBlobMediaUploaderOptions options, ILoggerFactory? loggerFactory)
        : this(CreateContainerClient(options), options, loggerFactory)
    {
    }

    /// <summary>
    /// Creates an uploader over a container client you built (your own <see cref="BlobClientOptions"/>: transport, retries,
    /// diagnostics). It must be authorised with a shared key, which signs the SAS; <paramref name="options"/> supplies the
    /// rest (its account settings and container name are not used).
    /// </summary>
    /// <param name="container">The container client; its <see cref="BlobContainerClient.CanGenerateSasUri"/> must be true.</param>
    /// <param name="options">Blob prefix, URL lifetime, block size, container creation.</param>
    /// <param name="loggerFactory">Where the uploader logs; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">The container client cannot sign a SAS, or the options are out of range.</exception>
    public AzureBlobMediaUploader(BlobContainerClient container, AzureBlobMediaUploaderOptions options, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(options);
        if (!container.CanGenerateSasUri)
        {
            throw new ArgumentException("The container client must be authorised with the account's shared key: the key signs the read-only SAS URL handed to the vendor.", nameof(container));
        }

        _options = new AzureBlobMediaUploaderOptions
        {
            ContainerName = container.Name,
            BlobPrefix = options.BlobPrefix,
            UrlLifetime = options.UrlLifetime,
            CreateContainerIfMissing = options.CreateContainerIfMissing,
            BlockBytes = options.BlockBytes,
        };
        AzureBlobMediaUploaderOptions.ThrowIfInvalid(_options, includeAccount: false);
        _container = container;
        _logger = loggerFactory?.CreateLogger<AzureBlobMediaUploader>() ?? NullLogger<AzureBlobMediaUploader>.Instance;
    }

    /// <summary>The container's URL (no credentials).</summary>
    public Uri ContainerUri => _container.Uri;

    /// <inheritdoc />
    /// <exception cref="RequestFailedException">The storage service refused the upload (its message names no credential).</exception>
    public async ValueTask<Uri> UploadAsync(MediaUploadRequest upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var blob = _container.GetBlobClient(StagedObjectNames.Create(_options.BlobPrefix, upload.FileName));

        // BlobClient.UploadAsync streams: a source no larger than one block goes as one Put Blob, a larger one as Put Block
        // requests of BlockBytes each, one at a time, then Put Block List. So at most one block of the source is held.
        await blob.UploadAsync(upload.Content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = upload.ContentType },
            TransferOptions = new StorageTransferOptions
            {
                InitialTransferSize = _options.BlockBytes,
                MaximumTransferSize = _options.BlockBytes,
                MaximumConcurrency = 1,
            },
        }, cancellationToken).ConfigureAwait(false);

        var sas = new BlobSasBuilder(BlobSasPermissions.Read, TimeProvider.System.GetUtcNow() + _options.UrlLifetime)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
        };
        var url = blob.GenerateSasUri(sas);
        Log.Staged(_logger, upload.Field, blob.Uri, upload.Length, _options.UrlLifetime);
        return url;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="url"/> is not a blob in this uploader's container.</exception>
    /// <exception cref="RequestFailedException">The storage service refused the deletion.</exception>
    public async ValueTask DeleteAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var blob = _container.GetBlobClient(BlobNameOf(url));
        var blobUri = blob.Uri;
        try
        {
            await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false);
            Log.Deleted(_logger, blobUri);
        }
        catch (RequestFailedException ex)
        {
            Log.DeleteFailed(_logger, blobUri, ex.Status, ex.ErrorCode);
            throw;
        }
    }

    /// <summary>The container and endpoint; never a key, connection string or SAS.</summary>
    /// <returns>For example <c>AzureBlobMediaUploader(https://myaccount.blob.core.windows.net/media)</c>.</returns>
    public override string ToString() => $"{nameof(AzureBlobMediaUploader)}({_container.Uri.GetLeftPart(UriPartial.Path)})";

    private static BlobContainerClient CreateContainerClient(AzureBlobMediaUploaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        AzureBlobMediaUploaderOptions.ThrowIfInvalid(options, includeAccount: true);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            try
            {
                return new BlobContainerClient(options.ConnectionString, options.ContainerName);
            }
            catch (FormatException)
            {
                // The parser's message may quote the string; the key must not travel in an exception.
                throw new ArgumentException("AzureBlobMediaUploaderOptions.ConnectionString is not a valid storage connection string.", nameof(options));
            }
        }

        StorageSharedKeyCredential credential;
        try
        {
            credential = new StorageSharedKeyCredential(options.AccountName, options.AccountKey);
        }
        catch (FormatException)
        {
            throw new ArgumentException("AzureBlobMediaUploaderOptions.AccountKey is not a Base64 storage account key.", nameof(options));
        }

        var serviceUri = options.ServiceUri!.AbsoluteUri.EndsWith('/') ? options.ServiceUri : new Uri(options.ServiceUri.AbsoluteUri + "/");
        return new BlobContainerClient(new Uri(serviceUri, Uri.EscapeDataString(options.ContainerName!)), credential);
    }

    private async ValueTask EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (!_options.CreateContainerIfMissing || _containerReady)
        {
            return;
        }

        // Idempotent: two first uploads racing both ask, and both succeed.
        await _container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken).ConfigureAwait(false);
        _containerReady = true;
    }

    /// <summary>The blob name of a URL in this container (query ignored); refuses any other container or account.</summary>
    private string BlobNameOf(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException("The URL must be absolute.", nameof(url));
        }

        var container = new BlobUriBuilder(_container.Uri);
        var given = new BlobUriBuilder(url);
        if (!string.Equals(given.Host, container.Host, StringComparison.OrdinalIgnoreCase) || given.Port != container.Port
            || !string.Equals(given.AccountName, container.AccountName, StringComparison.Ordinal)
            || !string.Equals(given.BlobContainerName, container.BlobContainerName, StringComparison.Ordinal)
            || string.IsNullOrEmpty(given.BlobName))
        {
            throw new ArgumentException($"'{url.GetLeftPart(UriPartial.Path)}' is not a blob in {_container.Uri.GetLeftPart(UriPartial.Path)}.", nameof(url));
        }

        return given.BlobName;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "Staged the {Field} as {BlobUri} ({Bytes} bytes); its read-only URL lives {Lifetime}.")]
        public static partial void Staged(ILogger logger, string field, Uri blobUri, long? bytes, TimeSpan lifetime);

        [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Deleted the staged blob {BlobUri}.")]
        public static partial void Deleted(ILogger logger, Uri blobUri);

        [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Could not delete the staged blob {BlobUri}: HTTP {Status} {ErrorCode}.")]
        public static partial void DeleteFailed(ILogger logger, Uri blobUri, int status, string? errorCode);
    }
}
