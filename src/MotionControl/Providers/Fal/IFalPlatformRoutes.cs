using Refit;

namespace MotionControl.Providers.Fal;

/// <summary>
/// fal's routes off the queue: the platform API's billing (on <see cref="FalOptions.PlatformBaseAddress"/>) and the storage
/// API's upload initiation (on <see cref="FalOptions.StorageBaseAddress"/>); each host gets its own connection of these routes.
/// </summary>
internal interface IFalPlatformRoutes
{
    /// <summary><c>GET /v1/account/billing?expand=credits</c> (https://fal.ai/docs/platform-apis/v1/account/billing.md).</summary>
    [Get("/v1/account/billing")]
    Task<HttpResponseMessage> GetBillingAsync(string expand, CancellationToken cancellationToken);

    /// <summary><c>POST /storage/upload/initiate?storage_type=fal-cdn-v3</c> (fal-js <c>storage.ts</c>).</summary>
    [Post("/storage/upload/initiate")]
    Task<HttpResponseMessage> InitiateUploadAsync([AliasAs("storage_type")] string storageType, [Body] HttpContent body, CancellationToken cancellationToken);

    /// <summary><c>POST /storage/upload/initiate-multipart?storage_type=fal-cdn-v3</c>, for files above 90 MB (fal-js <c>storage.ts</c>).</summary>
    [Post("/storage/upload/initiate-multipart")]
    Task<HttpResponseMessage> InitiateMultipartUploadAsync([AliasAs("storage_type")] string storageType, [Body] HttpContent body, CancellationToken cancellationToken);
}
