using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MotionControl.Testing;

/// <summary>
/// Kling's element management (https://kling.ai/document-api/api/video/3-0-omni/elements) on Kling's host, under the
/// provider name <see cref="EmulatorProviders.Kling"/>: <c>POST /v1/general/advanced-custom-elements</c> (an async
/// create, <see cref="EmulatorOperation.Create"/>), <c>GET …/advanced-custom-elements/{id}</c> (a poll,
/// <see cref="EmulatorOperation.Get"/>), the custom and preset lists (<see cref="EmulatorOperation.List"/>) and
/// <c>POST /v1/general/delete-advanced-elements</c> (<see cref="EmulatorOperation.Delete"/>). The same credentials as
/// the legacy routes (API key or AK/SK JWT), the same faults and request log; elements are scoped per account.
/// </summary>
internal sealed class KlingElementEmulator
{
    public const string CustomPath = "/v1/general/advanced-custom-elements";

    public const string PresetsPath = "/v1/general/advanced-presets-elements";

    public const string DeletePath = "/v1/general/delete-advanced-elements";

    // (inferred) The charge of a custom element: only the fields' string type is documented, not the amounts.
    private const string UnitDeduction = "1";
    private const string BalanceDeduction = "0.1";

    // (inferred) When the presets were made: fixed, so the preset list is the same on every run.
    private static readonly DateTimeOffset PresetsCreatedAt = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly EmulatorState _state;
    private readonly KlingEmulator _kling;

    /// <param name="state">The emulator's state.</param>
    /// <param name="kling">The legacy Kling routes: their accounts, authentication and fault dialect are these routes' too.</param>
    public KlingElementEmulator(EmulatorState state, KlingEmulator kling)
    {
        _state = state;
        _kling = kling;
    }

    private static string Provider => EmulatorProviders.Kling;

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapPost(CustomPath, Endpoint(EmulatorOperation.Create, Create));
        routes.MapGet(CustomPath + "/{id}", Endpoint(EmulatorOperation.Get, Get));
        routes.MapGet(CustomPath, Endpoint(EmulatorOperation.List, call => List(call, presets: false)));
        routes.MapGet(PresetsPath, Endpoint(EmulatorOperation.List, call => List(call, presets: true)));
        routes.MapPost(DeletePath, Endpoint(EmulatorOperation.Delete, Delete));
    }

    private RequestDelegate Endpoint(EmulatorOperation operation, Func<VendorCall, EmulatorReply> handler) =>
        VendorEndpoint.Create(_state, Provider, operation, _kling, _kling, handler);

    private EmulatorReply? Authenticate(VendorCall call, out EmulatorAccount account)
    {
        var result = KlingAuthenticator.Check(call.Authorization, _state.Accounts, call.Now);
        account = result.Account!;
        return result.Account is null ? KlingReplies.Error(call, result.Code, result.Message, StatusCodes.Status401Unauthorized) : null;
    }

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

        if (KlingElementBodyValidator.ValidateCreate(body) is { } problem)
        {
            return Invalid(call, problem);
        }

        string? externalId = KlingElementBodyValidator.ExternalTaskId(body);
        var elements = _state.Elements;

        // Checked before a scripted lifecycle is taken, so a rejected duplicate does not use up the next script.
        if (externalId is not null && elements.ExternalIdInUse(account.Name, externalId))
        {
            return DuplicateExternalId(call, externalId);
        }

        long sequence = _state.Tasks.NextSequence();
        var now = call.Now;
        var task = new EmulatedTaskRecord(
            Provider, account.Name, KlingEmulator.TaskIdFor(sequence), externalId, sequence, now, elements.NextLifecycle(), body, call.RecordedBody);
        var record = new KlingElementRecord(task, KlingElementStore.ElementIdFor(sequence));
        if (!elements.TryAdd(record))
        {
            return DuplicateExternalId(call, externalId!);
        }

        return KlingReplies.Success(call, new JsonObject
        {
            ["task_id"] = task.Id,
            ["task_info"] = KlingTaskJson.TaskInfo(task),
            ["task_status"] = call.StatusWord("submitted"),
            ["created_at"] = JsonWire.UnixMilliseconds(now),
            ["updated_at"] = JsonWire.UnixMilliseconds(now),
        });
    }

    private EmulatorReply Get(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        string id = call.RouteValue("id") ?? string.Empty;
        if (_state.Elements.FindTask(id, account.Name) is not { } record)
        {
            return KlingReplies.Error(call, KlingErrorCodes.InvalidParameter, $"Task not found by id/external id: {id}");
        }

        return KlingReplies.Success(call, WriteTask(record, record.Task.Observe(call.Now, countAsPoll: true), account, call));
    }

    private EmulatorReply List(VendorCall call, bool presets)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        if (!TryReadPageParameter(call, "pageNum", 1, 1000, out int pageNum) ||
            !TryReadPageParameter(call, "pageSize", 30, 500, out int pageSize))
        {
            return Invalid(call, "Invalid parameter: pageNum must be an integer in [1, 1000] and pageSize in [1, 500]");
        }

        var page = new JsonArray();
        int skip = (pageNum - 1) * pageSize;
        if (presets)
        {
            foreach (var preset in KlingElementStore.Presets.Skip(skip).Take(pageSize))
            {
                page.Add(WritePreset(preset, call));
            }
        }
        else
        {
            var now = call.Now;
            foreach (var record in _state.Elements.Newest(account.Name).Skip(skip).Take(pageSize))
            {
                page.Add(WriteTask(record, record.Task.Observe(now, countAsPoll: false), account, call));
            }
        }

        return KlingReplies.Success(call, page);
    }

    private EmulatorReply Delete(VendorCall call)
    {
        if (Authenticate(call, out var account) is { } denied)
        {
            return denied;
        }

        if (!JsonWire.TryParseObject(call.Body, out var body))
        {
            return KlingReplies.Error(call, KlingErrorCodes.InvalidRequest, "Invalid request body: expected a JSON object");
        }

        if (KlingElementBodyValidator.ValidateDelete(body) is { } problem)
        {
            return Invalid(call, problem);
        }

        string text = BodyFields.GetString(body, "element_id")!;
        bool isNumber = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long elementId);
        if (isNumber && KlingElementStore.IsPreset(elementId))
        {
            // (inferred) The page says only custom elements can be deleted, not how Kling refuses a preset.
            return Invalid(call, $"Invalid parameter: preset element {text} cannot be deleted");
        }

        var now = call.Now;

        // (inferred) An element not made yet, another account's, or deleted already is "not found", as an unknown one.
        if (!isNumber || _state.Elements.FindElement(elementId, account.Name) is not { } record || !record.IsUsable(now) || !record.TryDelete(now))
        {
            return Invalid(call, $"Invalid parameter: element not found: {text}");
        }

        // (inferred) The page's reply names a task; the delete is done at once, so it is a new task that has succeeded.
        return KlingReplies.Success(call, new JsonObject
        {
            ["task_id"] = KlingEmulator.TaskIdFor(_state.Tasks.NextSequence()),
            ["task_status"] = call.StatusWord("succeed"),
        });
    }

    private JsonObject WriteTask(KlingElementRecord record, TaskObservation observation, EmulatorAccount account, VendorCall call)
    {
        var task = record.Task;
        var json = new JsonObject
        {
            ["task_id"] = task.Id,
            ["task_status"] = call.StatusWord(KlingTaskJson.StatusWord(observation.Status)),
            ["task_status_msg"] = observation.Status == EmulatedTaskStatus.Failed ? task.Outcome.Message : string.Empty,
            ["task_info"] = KlingTaskJson.TaskInfo(task),
        };

        if (observation.Status == EmulatedTaskStatus.Succeeded)
        {
            json["task_result"] = new JsonObject { ["elements"] = new JsonArray(WriteElement(record, account)) };
            json["final_unit_deduction"] = UnitDeduction;
            json["final_balance_deduction"] = new JsonObject { ["quota"] = BalanceDeduction, ["list_price"] = BalanceDeduction };
        }

        json["created_at"] = JsonWire.UnixMilliseconds(task.CreatedAt);
        json["updated_at"] = JsonWire.UnixMilliseconds(record.DeletedAt ?? observation.UpdatedAt);
        return json;
    }

    private JsonObject WriteElement(KlingElementRecord record, EmulatorAccount account)
    {
        var request = record.Task.Request;
        string? voiceId = BodyFields.GetString(request, "element_voice_id");
        var voice = new JsonObject();
        if (voiceId is not null)
        {
            // (inferred) A library voice bound by id: its name is made up, no trial_url (the emulator serves no audio).
            voice["voice_id"] = voiceId;
            voice["voice_name"] = $"voice {voiceId}";
            voice["owned_by"] = "kling";
        }

        return new JsonObject
        {
            // A JSON number, written from the long: never through a double, so all 64 bits arrive.
            ["element_id"] = record.ElementId,
            ["element_name"] = BodyFields.GetString(request, "element_name"),
            ["element_description"] = BodyFields.GetString(request, "element_description"),
            ["reference_type"] = BodyFields.GetString(request, "reference_type"),
            ["element_image_list"] = Copy(request, "element_image_list") ?? new JsonObject(),
            ["element_video_list"] = Copy(request, "element_video_list") ?? new JsonObject(),
            ["element_voice_info"] = voice,
            ["tag_list"] = Copy(request, "tag_list") ?? new JsonArray(),

            // The page: "kling" for Kling's library, otherwise the creator's id, a number. (inferred) The number is made up per account.
            ["owned_by"] = CreatorId(account),
            ["status"] = record.DeletedAt is null ? "succeed" : "deleted",
        };
    }

    private static JsonObject WritePreset(KlingPresetElement preset, VendorCall call)
    {
        long at = JsonWire.UnixMilliseconds(PresetsCreatedAt);
        var element = new JsonObject
        {
            ["element_id"] = preset.ElementId,
            ["element_name"] = preset.Name,
            ["element_description"] = preset.Description,
            ["reference_type"] = "image_refer",
            ["element_image_list"] = new JsonObject(),
            ["element_video_list"] = new JsonObject(),
            ["element_voice_info"] = new JsonObject(),
            ["tag_list"] = new JsonArray(new JsonObject { ["tag_id"] = preset.TagId }),
            ["owned_by"] = "kling",
            ["status"] = "succeed",
        };

        // The page's preset list has the custom list's shape without the deduction fields.
        return new JsonObject
        {
            ["task_id"] = preset.TaskId,
            ["task_status"] = call.StatusWord("succeed"),
            ["task_status_msg"] = string.Empty,
            ["task_info"] = new JsonObject(),
            ["task_result"] = new JsonObject { ["elements"] = new JsonArray(element) },
            ["created_at"] = at,
            ["updated_at"] = at,
        };
    }

    private long CreatorId(EmulatorAccount account)
    {
        var all = _state.Accounts.All;
        for (int i = 0; i < all.Count; i++)
        {
            if (all[i].Name == account.Name)
            {
                return 10_000_001L + i;
            }
        }

        return 10_000_000L;
    }

    private static JsonNode? Copy(JsonElement request, string name) =>
        BodyFields.TryGet(request, name, out var value) ? JsonNode.Parse(value.GetRawText()) : null;

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

    private static EmulatorReply Invalid(VendorCall call, string message) =>
        KlingReplies.Error(call, KlingErrorCodes.InvalidParameter, message);

    private static EmulatorReply DuplicateExternalId(VendorCall call, string externalId) =>
        Invalid(call, $"Invalid parameter: external_task_id '{externalId}' already exists");
}
