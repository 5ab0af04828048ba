using System.Globalization;
using System.Text.Json.Nodes;

namespace MotionControl.Testing;

/// <summary>
/// Writes the Kling API 2.0 task object (<c>GET /tasks</c>, <c>POST /tasks</c>). Unlike the legacy object: the status
/// of a finished task is <c>succeeded</c> (legacy <c>succeed</c>), the failure reason is <c>message</c>, the videos are
/// <c>outputs[]</c> and the charge is <c>billing[]</c>.
/// </summary>
/// <remarks>
/// Choices the documentation leaves open: <c>outputs</c> and <c>billing</c> appear only once the task succeeded;
/// <c>message</c> is empty unless the task failed; the billing entry is always one resource-pack charge,
/// <c>{"charge_type":"unit","amount":"5"|"10","package_type":"video"}</c>, 10 units for <c>settings.resolution</c>
/// 1080p (or a legacy task in <c>pro</c> mode) and 5 otherwise, whatever the video's length.
/// </remarks>
internal static class KlingV2TaskJson
{
    /// <summary>The API 2.0 status words, in the order a task goes through them.</summary>
    public static readonly string[] StatusWords = ["submitted", "processing", "succeeded", "failed"];

    /// <summary>The product type of every emulated task (the emulator serves only motion control, a video product).</summary>
    public const string ProductType = "video";

    public static string StatusWord(EmulatedTaskStatus status) => status switch
    {
        EmulatedTaskStatus.Queued => "submitted",
        EmulatedTaskStatus.Processing => "processing",
        EmulatedTaskStatus.Succeeded => "succeeded",
        _ => "failed",
    };

    /// <summary>The reply data of a create: the task as just submitted.</summary>
    public static JsonObject Created(EmulatedTaskRecord record, VendorCall call)
    {
        var data = new JsonObject
        {
            ["id"] = record.Id,
            ["status"] = call.StatusWord("submitted"),
            ["create_time"] = JsonWire.UnixMilliseconds(record.CreatedAt),
            ["update_time"] = JsonWire.UnixMilliseconds(record.CreatedAt),
        };
        if (record.ExternalTaskId is { } externalId)
        {
            data["external_id"] = externalId;
        }

        return data;
    }

    public static JsonObject Write(EmulatedTaskRecord record, TaskObservation observation, VendorCall call) =>
        Write(record, observation, call.State, call.StatusWord);

    /// <summary>The task object outside a request (a callback's body): <paramref name="statusWord"/> may replace the status word.</summary>
    public static JsonObject Write(EmulatedTaskRecord record, TaskObservation observation, EmulatorState state, Func<string, string>? statusWord = null)
    {
        statusWord ??= static word => word;
        var task = new JsonObject
        {
            ["id"] = record.Id,
            ["status"] = statusWord(StatusWord(observation.Status)),
            ["message"] = observation.Status == EmulatedTaskStatus.Failed ? record.Outcome.Message : string.Empty,
            ["create_time"] = JsonWire.UnixMilliseconds(record.CreatedAt),
            ["update_time"] = JsonWire.UnixMilliseconds(observation.UpdatedAt),
        };
        if (record.ExternalTaskId is { } externalId)
        {
            task["external_id"] = externalId;
        }

        if (observation.Status != EmulatedTaskStatus.Succeeded)
        {
            return task;
        }

        bool watermarked = KlingTaskJson.IsWatermarked(record.Request);
        var outputs = new JsonArray();
        for (int i = 0; i < record.Outcome.VideoCount; i++)
        {
            var output = new JsonObject
            {
                ["type"] = "video",
                ["id"] = $"{record.Id}-{i}",
                ["url"] = state.VideoUrl(record.Provider, record.Id, i, watermarked: false),
            };
            if (watermarked)
            {
                output["watermark_url"] = state.VideoUrl(record.Provider, record.Id, i, watermarked: true);
            }

            // A string of seconds, as on the legacy contract ("5.0").
            output["duration"] = record.Outcome.VideoDurationSeconds.ToString("0.0##", CultureInfo.InvariantCulture);
            outputs.Add(output);
        }

        task["outputs"] = outputs;
        task["billing"] = new JsonArray
        {
            new JsonObject
            {
                ["charge_type"] = "unit",
                ["amount"] = BillingUnits(record),
                ["package_type"] = ProductType,
            },
        };
        return task;
    }

    private static string BillingUnits(EmulatedTaskRecord record) => EmulatorBalances.KlingUnitsFor(record).ToString(CultureInfo.InvariantCulture);
}
