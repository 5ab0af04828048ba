namespace MotionControl.Providers.Fal;

/// <summary>
/// Settings of a <see cref="FalClient"/>. fal authenticates with <see cref="MotionControlClientOptions.ApiKey"/> (the
/// <c>FAL_KEY</c>) sent as <c>Authorization: Key &lt;key&gt;</c> (https://docs.fal.ai/model-endpoints/queue). fal serves
/// three hosts: the queue (<see cref="MotionControlClientOptions.BaseAddress"/>), the platform API
/// (<see cref="PlatformBaseAddress"/>, the balance) and the storage API (<see cref="StorageBaseAddress"/>, uploads of local files).
/// </summary>
public sealed class FalOptions : MotionControlClientOptions
{
    /// <summary><c>https://queue.fal.run/</c>: fal's queue, the default <see cref="MotionControlClientOptions.BaseAddress"/>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://queue.fal.run/");

    /// <summary><c>https://api.fal.ai/</c>: fal's platform API (<c>v1/account/billing</c>), the default <see cref="PlatformBaseAddress"/>.</summary>
    public static readonly Uri DefaultPlatformBaseAddress = new("https://api.fal.ai/");

    /// <summary>
    /// <c>https://rest.fal.ai/</c>: fal's storage API (<c>storage/upload/initiate</c>, as fal's own client uses it), the
    /// default <see cref="StorageBaseAddress"/>.
    /// </summary>
    public static readonly Uri DefaultStorageBaseAddress = new("https://rest.fal.ai/");

    /// <summary>Creates options for fal's production hosts.</summary>
    public FalOptions()
        : base(DefaultBaseAddress)
    {
    }

    /// <summary>The platform API's root (the balance: <c>GET v1/account/billing?expand=credits</c>); <see cref="DefaultPlatformBaseAddress"/> unless set.</summary>
    public Uri PlatformBaseAddress { get; set; } = DefaultPlatformBaseAddress;

    /// <summary>
    /// The storage API's root, where local files are uploaded when no <see cref="MotionControlClientOptions.MediaUploader"/>
    /// is given (<c>POST storage/upload/initiate</c>, then a PUT to the address it returns); <see cref="DefaultStorageBaseAddress"/> unless set.
    /// </summary>
    public Uri StorageBaseAddress { get; set; } = DefaultStorageBaseAddress;

    /// <summary>The two extra hosts must be absolute http(s) URLs, like the queue's.</summary>
    internal override IEnumerable<string> VendorSettingErrors()
    {
        if (!IsHttpUrl(PlatformBaseAddress))
        {
            yield return "PlatformBaseAddress must be an absolute http or https URL.";
        }

        if (!IsHttpUrl(StorageBaseAddress))
        {
            yield return "StorageBaseAddress must be an absolute http or https URL.";
        }
    }

    private static bool IsHttpUrl(Uri? uri) =>
        uri is { IsAbsoluteUri: true } && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
