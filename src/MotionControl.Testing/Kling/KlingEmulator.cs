using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MotionControl.Testing;

/// <summary>Kling's own legacy v1 API: JWT or API-key bearer auth, <c>model_name</c> optional (kling-v2-6 | kling-v3), and a list route.</summary>
internal sealed class KlingEmulator : KlingCompatibleEmulator
{
    private static readonly string[] KlingModels = ["kling-v2-6", "kling-v3"];

    public KlingEmulator(EmulatorState state)
        : base(state)
    {
    }

    public override string Provider => EmulatorProviders.Kling;

    protected override string RoutePrefix => string.Empty;

    protected override IReadOnlyList<string> Models => KlingModels;

    protected override bool ModelRequired => false;

    protected override bool SupportsList => true;

    // The docs say the path takes either id; a live probe's "not found by id/external id" message agrees (inferred).
    protected override bool GetMatchesExternalId => true;

    protected override EmulatorAccount? FindAccount(string? authorization, DateTimeOffset now) =>
        KlingAuthenticator.Check(authorization, State.Accounts, now).Account;

    protected override EmulatorReply? Authenticate(VendorCall call, out EmulatorAccount account)
    {
        var result = KlingAuthenticator.Check(call.Authorization, State.Accounts, call.Now);
        account = result.Account!;
        return result.Account is null ? KlingReplies.Error(call, result.Code, result.Message, StatusCodes.Status401Unauthorized) : null;
    }

    // Only Kling's own host has elements; PowerTokens forwards element_list unchecked.
    protected override EmulatorReply? CheckElementBinding(VendorCall call, EmulatorAccount account, JsonElement body) =>
        State.RequireKnownElements && KlingElementStore.LegacyElementId(body) is { } elementId && !State.Elements.IsBindable(elementId, account.Name, call.Now)
            ? ElementNotFound(call, elementId.ToString(CultureInfo.InvariantCulture))
            : null;

    /// <summary>
    /// The reply to a motion-control create that binds an element the account does not have (400, code 1201).
    /// (inferred) Kling does not document its reply to an unknown element; 1201 is its code for a bad parameter.
    /// </summary>
    public static EmulatorReply ElementNotFound(VendorCall call, string elementId) =>
        KlingReplies.Error(call, KlingErrorCodes.InvalidParameter, $"Invalid parameter: element not found: {elementId}");

    // Real ids are 18-digit numeric strings ("867283741759111202"); clients must keep them as strings.
    protected override string NewTaskId(long sequence) => TaskIdFor(sequence);

    /// <summary>Makes a Kling task id from the emulator's creation sequence; the API 2.0 routes use the same ids.</summary>
    public static string TaskIdFor(long sequence) => (860_000_000_000_000_000L + sequence).ToString(CultureInfo.InvariantCulture);
}
