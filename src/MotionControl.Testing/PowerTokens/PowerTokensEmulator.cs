namespace MotionControl.Testing;

/// <summary>
/// PowerTokens: the legacy Kling body and envelope under <c>/kling/v1/videos/motion-control</c>, a bearer key,
/// <c>model_name</c> required and only <c>kling-v3</c>. Body-validation and Kling business errors come back in Kling's
/// envelope (forwarded from Kling); the gateway's own errors (auth, its rate limit, 5xx, balance, unknown task) in
/// the new-api shape. (inferred) The get route follows new-api gateways; no list route was found, so none is served.
/// </summary>
internal sealed class PowerTokensEmulator : KlingCompatibleEmulator
{
    private static readonly string[] PowerTokensModels = ["kling-v3"];

    public PowerTokensEmulator(EmulatorState state)
        : base(state)
    {
    }

    public override string Provider => EmulatorProviders.PowerTokens;

    protected override string RoutePrefix => "/kling";

    protected override IReadOnlyList<string> Models => PowerTokensModels;

    protected override bool ModelRequired => true;

    protected override bool SupportsList => false;

    // (inferred) The gateway forwards the body (external_task_id included) to Kling, whose get path resolves an external id
    // as well as a task id; emulate the same here. Unconfirmed for PowerTokens: see docs/vendors/powertokens.md.
    protected override bool GetMatchesExternalId => true;

    public override EmulatorReply RateLimited(VendorCall call, TimeSpan retryAfter, int? klingCode) =>
        klingCode is { } code
            ? KlingReplies.Error(call, code)
            : PowerTokensReplies.GatewayError(call, 429, "Rate limit exceeded, please try again later", "rate_limit_error", "rate_limit_exceeded");

    public override EmulatorReply ServerError(VendorCall call, int statusCode) =>
        PowerTokensReplies.GatewayError(call, statusCode, "Upstream service error, please try again later", "upstream_error", "upstream_error");

    // (inferred) PowerTokens' client treats 402 or quota/balance wording as "out of credit"; the exact shape is unconfirmed.
    public override EmulatorReply InsufficientCredits(VendorCall call) =>
        PowerTokensReplies.GatewayError(call, 402, "Insufficient user quota (balance)", "insufficient_quota", "insufficient_user_quota");

    protected override EmulatorAccount? FindAccount(string? authorization, DateTimeOffset now) =>
        BearerAuthenticator.Check(authorization, State.Accounts, Provider).Account;

    protected override EmulatorReply? Authenticate(VendorCall call, out EmulatorAccount account)
    {
        var (outcome, found) = BearerAuthenticator.Check(call.Authorization, State.Accounts, Provider);
        account = found!;
        return outcome switch
        {
            BearerOutcome.Accepted => null,
            BearerOutcome.Missing => PowerTokensReplies.GatewayError(call, 401, "No token provided in the Authorization header", "new_api_error", "missing_token"),
            _ => PowerTokensReplies.GatewayError(call, 401, "Invalid token", "new_api_error", "invalid_token"),
        };
    }

    // PowerTokens returns its own "public" id, not Kling's; its client checks ^[A-Za-z0-9_-]{1,200}$ (inferred).
    protected override string NewTaskId(long sequence) => $"pt_mc_{sequence:D6}_{Guid.NewGuid():N}"[..30];

    protected override EmulatorReply TaskNotFound(VendorCall call, string id) =>
        PowerTokensReplies.GatewayError(call, 404, $"Task not found: {id}", "new_api_error", "task_not_exist");
}
