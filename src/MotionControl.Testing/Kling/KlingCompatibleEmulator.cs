using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MotionControl.Testing;

/// <summary>
/// The legacy Kling contract (create, get by task_id or external_task_id, list), shared by Kling itself and by
/// PowerTokens, which forwards the same body to Kling behind its own prefix, key and ids. Tasks are scoped per
/// account, as on Kling: another account's task is "not found", and external ids are unique per account.
/// </summary>
internal abstract class KlingCompatibleEmulator : IErrorDialect, IAccountIdentifier
{
    protected KlingCompatibleEmulator(EmulatorState state)
    {
        State = state;
    }

    public abstract string Provider { get; }

    protected EmulatorState State { get; }

    /// <summary>Gets the path before <c>/v1/videos/motion-control</c>.</summary>
    protected abstract string RoutePrefix { get; }

    protected abstract IReadOnlyList<string> Models { get; }

    protected abstract bool ModelRequired { get; }

    protected abstract bool SupportsList { get; }

    /// <summary>Gets a value indicating whether the get path also matches <c>external_task_id</c>.</summary>
    protected abstract bool GetMatchesExternalId { get; }

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        string path = RoutePrefix + "/v1/videos/motion-control";
        routes.MapPost(path, VendorEndpoint.Create(State, Provider, EmulatorOperation.Create, this, this, Create));
        routes.MapGet(path + "/{id}", VendorEndpoint.Create(State, Provider, EmulatorOperation.Get, this, this, Get));
        if (SupportsList)
        {
            routes.MapGet(path, VendorEndpoint.Create(State, Provider, EmulatorOperation.List, this, this, List));
        }

        // Kling's own host only: PowerTokens documents no balance.
        if (Provider == EmulatorProviders.Kling)
        {
            routes.MapGet("/account/costs", VendorEndpoint.Create(State, Provider, EmulatorOperation.Balance, this, this, AccountCosts));
            routes.MapPost("/account/billing/package", VendorEndpoint.Create(State, Provider, EmulatorOperation.Balance, this, this, UnitLedger));
            routes.MapPost("/account/billing/balance", VendorEndpoint.Create(State, Provider, EmulatorOperation.Balance, this, this, BalanceLedger));
        }
    }

    public virtual EmulatorReply RateLimited(VendorCall call, TimeSpan retryAfter, int? klingCode) =>
        KlingReplies.Error(call, klingCode ?? KlingErrorCodes.RateLimited);

    public virtual EmulatorReply ServerError(VendorCall call, int statusCode) =>
        KlingReplies.Error(call, KlingErrorCodes.CodeForServerStatus(statusCode), statusCode: statusCode);

    public virtual EmulatorReply InsufficientCredits(VendorCall call) =>
        KlingReplies.Error(call, KlingErrorCodes.ResourcePackExhausted);

    public EmulatorAccount? Identify(HttpRequest request, string body, DateTimeOffset now) => FindAccount(VendorCall.AuthorizationOf(request), now);

    /// <summary>Returns the account an Authorization header authenticates at <paramref name="now"/>, or null.</summary>
    protected abstract EmulatorAccount? FindAccount(string? authorization, DateTimeOffset now);

    /// <summary>Returns null when the call may proceed (with <paramref name="account"/> set), else the rejection.</summary>
    protected abstract EmulatorReply? Authenticate(VendorCall call, out EmulatorAccount account);

    protected abstract string NewTaskId(long sequence);

    /// <summary>Returns null when the element the body binds (if any) may be bound, else the rejection; by default any well-formed one may.</summary>
    protected virtual EmulatorReply? CheckElementBinding(VendorCall call, EmulatorAccount account, JsonElement body) => null;

    protected virtual EmulatorReply TaskNotFound(VendorCall call, string id) =>
        KlingReplies.Error(call, KlingErrorCodes.InvalidParameter, $"Task not found by id/external id: {id}");

    private EmulatorReply Create(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        if (!JsonWire.TryParseObject(call.Body, out var body))
        {
            return KlingReplies.Error(call, KlingErrorCodes.InvalidRequest, "Invalid request body: expected a JSON object");
        }

        if (KlingBodyValidator.Validate(body, Models, ModelRequired) is { } problem)
        {
            return KlingReplies.Error(call, KlingErrorCodes.InvalidParameter, problem);
        }

        if (CheckElementBinding(call, account, body) is { } unbound)
        {
            return unbound;
        }

        string? externalId = BodyFields.GetString(body, "external_task_id");
        var tasks = State.Tasks.For(Provider);

        // Checked before a scripted lifecycle is taken, so a rejected duplicate does not use up the next script.
        if (externalId is not null && tasks.ByExternalId.ContainsKey((account.Name, externalId)))
        {
            return DuplicateExternalId(call, externalId);
        }

        long sequence = State.Tasks.NextSequence();
        var now = call.Now;
        var record = new EmulatedTaskRecord(
            Provider, account.Name, NewTaskId(sequence), externalId, sequence, now, State.Tasks.NextLifecycle(Provider, State.DefaultLifecycle), body, call.RecordedBody);
        switch (tasks.TryAdd(record, State.MaxConcurrentTasksPerAccount))
        {
            case TaskAddResult.DuplicateExternalId:
                return DuplicateExternalId(call, externalId!);
            case TaskAddResult.OverConcurrencyLimit:
                return RateLimited(call, TimeSpan.FromSeconds(1), KlingErrorCodes.ParallelTasksOverLimit);
        }

        // Kling signs its callbacks (Standard Webhooks); PowerTokens documents no signature.
        State.Callbacks.Track(record, BodyFields.GetString(body, "callback_url"), (task, seen) => KlingTaskJson.Write(task, seen, State), signed: Provider == EmulatorProviders.Kling);

        return KlingReplies.Success(call, new JsonObject
        {
            ["task_id"] = record.Id,
            ["task_status"] = call.StatusWord("submitted"),
            ["task_info"] = KlingTaskJson.TaskInfo(record),
            ["created_at"] = JsonWire.UnixMilliseconds(now),
            ["updated_at"] = JsonWire.UnixMilliseconds(now),
        });
    }

    /// <summary>
    /// <c>GET /account/costs</c>: one online resource pack of 200 units, less each succeeded task's
    /// <c>final_unit_deduction</c> (5, or 10 in <c>pro</c> mode); <c>start_time</c> and <c>end_time</c> are required.
    /// </summary>
    private EmulatorReply AccountCosts(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        if (!long.TryParse(call.Query("start_time"), NumberStyles.None, CultureInfo.InvariantCulture, out long start)
            || !long.TryParse(call.Query("end_time"), NumberStyles.None, CultureInfo.InvariantCulture, out long end)
            || end < start)
        {
            return KlingReplies.Error(call, KlingErrorCodes.InvalidParameter, "start_time and end_time are required (Unix ms)");
        }

        var left = EmulatorBalances.Of(State, Provider, account.Name, call.Now);
        long created = call.Now.AddDays(-1).ToUnixTimeMilliseconds();
        var pack = new JsonObject
        {
            ["resource_pack_name"] = KlingLedgers.PackageName,
            ["resource_pack_id"] = KlingLedgers.PackageId,
            ["resource_pack_type"] = "decreasing_total",
            ["total_quantity"] = EmulatorBalances.StartOf(State, Provider),
            ["remaining_quantity"] = Math.Max(0, left),
            ["purchase_time"] = created,
            ["effective_time"] = created,
            ["invalid_time"] = created + (long)TimeSpan.FromDays(365).TotalMilliseconds,
            ["status"] = left > 0 ? "online" : "runOut",
        };
        return KlingReplies.Success(call, new JsonObject { ["code"] = 0, ["msg"] = "success", ["resource_pack_subscribe_infos"] = new JsonArray(pack) });
    }

    /// <summary><c>POST /account/billing/package</c>: the unit deductions of the account's succeeded tasks (<see cref="KlingLedgers"/>).</summary>
    private EmulatorReply UnitLedger(VendorCall call) =>
        Authenticate(call, out var account) ?? KlingLedgers.Units(call, State, Provider, account);

    /// <summary><c>POST /account/billing/balance</c>: always empty, since the emulated accounts pay in units (<see cref="KlingLedgers"/>).</summary>
    private EmulatorReply BalanceLedger(VendorCall call) =>
        Authenticate(call, out _) ?? KlingLedgers.Balance(call);

    private EmulatorReply Get(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        string id = call.RouteValue("id") ?? string.Empty;

        var record = State.Tasks.Find(Provider, id, GetMatchesExternalId, account.Name);
        if (record is null)
        {
            return TaskNotFound(call, id);
        }

        var observation = record.Observe(call.Now, countAsPoll: true);
        return KlingReplies.Success(call, KlingTaskJson.Write(record, observation, call));
    }

    private EmulatorReply List(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        if (!TryReadPageParameter(call, "pageNum", 1, 1000, out int pageNum) ||
            !TryReadPageParameter(call, "pageSize", 30, 500, out int pageSize))
        {
            return KlingReplies.Error(call, KlingErrorCodes.InvalidParameter, "Invalid parameter: pageNum must be an integer in [1, 1000] and pageSize in [1, 500]");
        }

        var now = call.Now;
        var page = new JsonArray();
        foreach (var record in State.Tasks.Newest(Provider, account.Name).Skip((pageNum - 1) * pageSize).Take(pageSize))
        {
            page.Add(KlingTaskJson.Write(record, record.Observe(now, countAsPoll: false), call));
        }

        return KlingReplies.Success(call, page);
    }

    private static bool TryReadPageParameter(VendorCall call, string name, int fallback, int max, out int value)
    {
        string? text = call.Query(name);
        if (text is null)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1 && value <= max;
    }

    private static EmulatorReply DuplicateExternalId(VendorCall call, string externalId) =>
        KlingReplies.Error(call, KlingErrorCodes.InvalidParameter, $"Invalid parameter: external_task_id '{externalId}' already exists");
}
