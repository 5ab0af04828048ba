using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MotionControl.Testing;

/// <summary>Writes the legacy Kling task object, shared by Kling and PowerTokens.</summary>
internal static class KlingTaskJson
{
    public static string StatusWord(EmulatedTaskStatus status) => status switch
    {
        EmulatedTaskStatus.Queued => "submitted",
        EmulatedTaskStatus.Processing => "processing",
        EmulatedTaskStatus.Succeeded => "succeed",
        _ => "failed",
    };

    public static JsonObject TaskInfo(EmulatedTaskRecord record)
    {
        var info = new JsonObject();
        if (record.ExternalTaskId is { } externalId)
        {
            info["external_task_id"] = externalId;
        }

        return info;
    }

    /// <summary>Whether a create body asked for a watermark: legacy <c>watermark_info</c>, or API 2.0 <c>options.watermark_info</c>.</summary>
    public static bool IsWatermarked(JsonElement request)
    {
        var holder = BodyFields.TryGet(request, "options", out var options) && options.ValueKind == JsonValueKind.Object ? options : request;
        return BodyFields.TryGet(holder, "watermark_info", out var watermark) &&
               watermark.ValueKind == JsonValueKind.Object &&
               BodyFields.GetBoolean(watermark, "enabled") == true;
    }

    public static JsonObject Write(EmulatedTaskRecord record, TaskObservation observation, VendorCall call) =>
        Write(record, observation, call.State, call.StatusWord);

    /// <summary>The task object outside a request (a callback's body): <paramref name="statusWord"/> may replace the status word.</summary>
    public static JsonObject Write(EmulatedTaskRecord record, TaskObservation observation, EmulatorState state, Func<string, string>? statusWord = null)
    {
        statusWord ??= static word => word;
        bool watermarked = IsWatermarked(record.Request);

        var task = new JsonObject
        {
            ["task_id"] = record.Id,
            ["task_status"] = statusWord(StatusWord(observation.Status)),
            ["task_status_msg"] = observation.Status == EmulatedTaskStatus.Failed ? record.Outcome.Message : string.Empty,
            ["task_info"] = TaskInfo(record),
            ["watermark_info"] = new JsonObject { ["enabled"] = watermarked },
            ["created_at"] = JsonWire.UnixMilliseconds(record.CreatedAt),
            ["updated_at"] = JsonWire.UnixMilliseconds(observation.UpdatedAt),
        };

        if (observation.Status == EmulatedTaskStatus.Succeeded)
        {
            var videos = new JsonArray();
            for (int i = 0; i < record.Outcome.VideoCount; i++)
            {
                var video = new JsonObject
                {
                    ["id"] = $"{record.Id}-{i}",
                    ["url"] = state.VideoUrl(record.Provider, record.Id, i, watermarked: false),
                    // Kling writes the duration as a string of seconds ("5.0").
                    ["duration"] = record.Outcome.VideoDurationSeconds.ToString("0.0##", CultureInfo.InvariantCulture),
                };
                if (watermarked)
                {
                    video["watermark_url"] = state.VideoUrl(record.Provider, record.Id, i, watermarked: true);
                }

                videos.Add(video);
            }

            task["task_result"] = new JsonObject { ["videos"] = videos };

            // (inferred) The unit count is illustrative: Kling bills by mode and length; only its string type is documented.
            task["final_unit_deduction"] = EmulatorBalances.KlingUnitsFor(record).ToString(CultureInfo.InvariantCulture);
        }

        return task;
    }
}
