using Refit;

namespace MotionControl.Providers.Kling;

/// <summary>
/// Kling's account routes (https://kling.ai/document-api/api/assets/account-usage), on Kling's own host only (PowerTokens
/// does not serve them). Replies come back unread, for the reply reader and the error policy.
/// </summary>
internal interface IKlingAccountRoutes
{
    /// <summary><c>GET /account/costs?start_time&amp;end_time&amp;resource_pack_name</c>: the resource packs and what is left in them.</summary>
    [Get("/account/costs")]
    Task<HttpResponseMessage> GetAccountCostsAsync(
        [AliasAs("start_time")] long startTime,
        [AliasAs("end_time")] long endTime,
        [AliasAs("resource_pack_name")] string? resourcePackName,
        CancellationToken cancellationToken);

    /// <summary><c>POST /account/billing/balance</c>: the cash-balance deductions per task (a read, though a POST).</summary>
    [Post("/account/billing/balance")]
    Task<HttpResponseMessage> GetBalanceLedgerAsync([Body] HttpContent body, CancellationToken cancellationToken);

    /// <summary><c>POST /account/billing/package</c>: the resource-pack unit deductions per task (a read, though a POST).</summary>
    [Post("/account/billing/package")]
    Task<HttpResponseMessage> GetUnitLedgerAsync([Body] HttpContent body, CancellationToken cancellationToken);
}
