namespace MotionControl.Storage.AzureBlobs;

/// <summary>
/// Where <see cref="AzureBlobMediaUploader"/> stores media, and how long the URL it gives the vendor lives. Bound from
/// configuration by <c>AddAzureBlobMediaUploader(section)</c> (the keys are the property names). The account key and the
/// connection string are secrets: <see cref="ToString"/> omits them, and no message of this package shows them.
/// </summary>
public sealed class AzureBlobMediaUploaderOptions
{
    /// <summary>The default <see cref="UrlLifetime"/>: one hour.</summary>
    public static readonly TimeSpan DefaultUrlLifetime = TimeSpan.FromHours(1);

    /// <summary>
    /// A storage account connection string with an <c>AccountKey</c> (the key signs the read-only SAS). A secret. Give
    /// either this, or <see cref="ServiceUri"/> with <see cref="AccountName"/> and <see cref="AccountKey"/>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The blob service endpoint, for example <c>https://myaccount.blob.core.windows.net/</c>.</summary>
    public Uri? ServiceUri { get; set; }

    /// <summary>The storage account name (with <see cref="ServiceUri"/>).</summary>
    public string? AccountName { get; set; }

    /// <summary>The storage account key (with <see cref="ServiceUri"/>), Base64. A secret.</summary>
    public string? AccountKey { get; set; }

    /// <summary>The container the media go to. Required; 3–63 lower-case letters, digits and hyphens.</summary>
    public string? ContainerName { get; set; }

    /// <summary>A prefix for every blob name, for example <c>motion-control/</c> (a lifecycle rule can match it). Optional.</summary>
    public string? BlobPrefix { get; set; }

    /// <summary>
    /// How long the read-only SAS URL handed to the vendor stays valid. Default 1 hour; 1 minute–7 days. It must cover the
    /// time until the vendor fetches the video (at submission, or when the task leaves the vendor's queue).
    /// </summary>
    public TimeSpan UrlLifetime { get; set; } = DefaultUrlLifetime;

    /// <summary>Creates the container (private, no public access) on the first upload when it does not exist. Default false.</summary>
    public bool CreateContainerIfMissing { get; set; }

    /// <summary>
    /// The size of each block sent, in bytes: the upload reads and holds at most this much of the source at a time. Default
    /// 4 MiB; 256 KiB–100 MiB. A source no larger than one block goes in a single request.
    /// </summary>
    public int BlockBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The container and endpoint; never the key or the connection string.</summary>
    /// <returns>For example <c>AzureBlobMediaUploaderOptions(container media, https://myaccount.blob.core.windows.net/)</c>.</returns>
    public override string ToString() =>
        $"{nameof(AzureBlobMediaUploaderOptions)}(container {ContainerName ?? "(none)"}, {(ServiceUri is null ? (ConnectionString is null ? "no account" : "connection string") : ServiceUri.GetLeftPart(UriPartial.Path))})";

    /// <summary>What is wrong with these options, one sentence per problem naming the setting, never its value.</summary>
    /// <param name="includeAccount">Whether the account settings are checked (not when a container client is given).</param>
    internal IEnumerable<string> Errors(bool includeAccount)
    {
        if (string.IsNullOrWhiteSpace(ContainerName))
        {
            yield return "ContainerName is required.";
        }

        var hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        var hasAccount = ServiceUri is not null || !string.IsNullOrWhiteSpace(AccountName) || !string.IsNullOrWhiteSpace(AccountKey);
        if (includeAccount && hasConnectionString && hasAccount)
        {
            yield return "Give either ConnectionString or ServiceUri + AccountName + AccountKey, not both.";
        }
        else if (includeAccount && !hasConnectionString)
        {
            if (ServiceUri is null || string.IsNullOrWhiteSpace(AccountName) || string.IsNullOrWhiteSpace(AccountKey))
            {
                yield return "ConnectionString, or ServiceUri with AccountName and AccountKey, is required (the account key signs the read-only SAS URL).";
            }
            else if (!ServiceUri.IsAbsoluteUri || (ServiceUri.Scheme != Uri.UriSchemeHttps && ServiceUri.Scheme != Uri.UriSchemeHttp))
            {
                yield return "ServiceUri must be an absolute http(s) URL.";
            }
        }

        if (UrlLifetime < TimeSpan.FromMinutes(1) || UrlLifetime > TimeSpan.FromDays(7))
        {
            yield return "UrlLifetime must be between 1 minute and 7 days.";
        }

        if (BlockBytes is < 256 * 1024 or > 100 * 1024 * 1024)
        {
            yield return "BlockBytes must be between 256 KiB and 100 MiB.";
        }
    }

    /// <summary>Throws when <paramref name="options"/> are incomplete, naming every problem (never a value).</summary>
    internal static void ThrowIfInvalid(AzureBlobMediaUploaderOptions options, bool includeAccount)
    {
        var errors = options.Errors(includeAccount).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid AzureBlobMediaUploaderOptions: " + string.Join(" ", errors), nameof(options));
        }
    }
}
