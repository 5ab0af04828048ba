using System.Globalization;
using MotionControl.Diagnostics;
using MotionControl.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>Turns a Kling task (legacy, from Kling or PowerTokens, or API 2.0) into the neutral <see cref="MotionControlTask"/>.</summary>
internal static class KlingTaskMapper
{
    /// <summary>How long Kling keeps results: "generated results will be cleared after 30 days" (API reference, task outputs).</summary>
    public static readonly TimeSpan ResultRetention = TimeSpan.FromDays(30);

    // "succeed" is Kling's word; "success" is accepted by PowerTokens' own client and "succeeded" is the 2.0 contract's.
    public static readonly Dictionary<string, MotionControlTaskStatus> Statuses = VendorStatus.Map(
        ("submitted", MotionControlTaskStatus.Queued),
        ("processing", MotionControlTaskStatus.Processing),
        ("succeed", MotionControlTaskStatus.Succeeded),
        ("success", MotionControlTaskStatus.Succeeded),
        ("succeeded", MotionControlTaskStatus.Succeeded),
        ("failed", MotionControlTaskStatus.Failed));

    /// <summary>Maps one task.</summary>
    /// <param name="providerName">The provider that returned it.</param>
    /// <param name="task">The typed task (its id is known to be present).</param>
    /// <param name="raw">Its JSON, kept as <see cref="MotionControlTask.Raw"/>.</param>
    /// <param name="reportUnknownStatus">Told about a status word Kling does not document (which then means "still running").</param>
    /// <param name="redactor">Removes the client's secrets from the failure reason (a vendor may echo what it was sent).</param>
    /// <param name="externalTaskId">The id sent with the create, used when the reply does not echo it.</param>
    public static MotionControlTask ToTask(string providerName, KlingTask task, LazyJson raw, Action<string, string?> reportUnknownStatus, SecretRedactor redactor, string? externalTaskId = null) =>
        ToTask(providerName, KlingTaskRead.Of(task, raw), reportUnknownStatus, redactor, externalTaskId);

    /// <summary>Maps one task's fields, read from its DTO or straight from the reply.</summary>
    /// <param name="providerName">The provider that returned it.</param>
    /// <param name="task">The task's fields and JSON.</param>
    /// <param name="reportUnknownStatus">Told about a status word Kling does not document (which then means "still running").</param>
    /// <param name="redactor">Removes the client's secrets from the failure reason (a vendor may echo what it was sent).</param>
    /// <param name="externalTaskId">The id sent with the create, used when the reply does not echo it.</param>
    public static MotionControlTask ToTask(string providerName, in KlingTaskRead task, Action<string, string?> reportUnknownStatus, SecretRedactor redactor, string? externalTaskId = null)
    {
        var id = task.TaskId;
        if (!VendorStatus.TryMap(task.TaskStatus, Statuses, out var status))
        {
            reportUnknownStatus(id, task.TaskStatus);
        }

        return new MotionControlTask
        {
            Id = id,
            ProviderName = providerName,
            Status = status,
            VendorStatus = task.TaskStatus,
            FailureReason = status == MotionControlTaskStatus.Failed && !string.IsNullOrWhiteSpace(task.TaskStatusMessage) ? redactor.Redact(task.TaskStatusMessage) : null,
            ExternalTaskId = NullIfEmpty(task.ExternalTaskIdOr(externalTaskId)) ?? externalTaskId,
            Videos = Videos(task.Videos, Expiry(task.UpdatedAt ?? task.CreatedAt)),
            Charge = Charge(task.FinalUnitDeduction, task.FinalBalanceDeduction),
            CreatedAt = FromUnixMilliseconds(task.CreatedAt),
            UpdatedAt = FromUnixMilliseconds(task.UpdatedAt),
            RawJson = task.Raw,
        };
    }

    /// <summary>Maps one Kling API 2.0 task.</summary>
    /// <param name="providerName">The provider that returned it.</param>
    /// <param name="task">The typed task (its id is known to be present).</param>
    /// <param name="raw">Its JSON, kept as <see cref="MotionControlTask.Raw"/>.</param>
    /// <param name="reportUnknownStatus">Told about a status word Kling does not document.</param>
    /// <param name="redactor">Removes the client's secrets from the failure reason.</param>
    /// <param name="externalTaskId">The id sent with the create, used when the reply does not echo it.</param>
    public static MotionControlTask ToTask(string providerName, KlingV2Task task, LazyJson raw, Action<string, string?> reportUnknownStatus, SecretRedactor redactor, string? externalTaskId = null)
    {
        var id = task.Id!;
        if (!VendorStatus.TryMap(task.Status, Statuses, out var status))
        {
            reportUnknownStatus(id, task.Status);
        }

        var videos = new List<GeneratedVideo>();
        var expiresAt = Expiry(task.UpdateTime ?? task.CreateTime);
        foreach (var output in task.Outputs ?? [])
        {
            // Kling lists other output types (image, audio, voice, element) in the same array.
            if (output is { Type: null or "video" })
            {
                AddVideo(videos, output.Id, output.Url, output.WatermarkUrl, output.Duration, expiresAt);
            }
        }

        return new MotionControlTask
        {
            Id = id,
            ProviderName = providerName,
            Status = status,
            VendorStatus = task.Status,
            FailureReason = status == MotionControlTaskStatus.Failed && !string.IsNullOrWhiteSpace(task.Message) ? redactor.Redact(task.Message) : null,
            ExternalTaskId = NullIfEmpty(task.ExternalId) ?? externalTaskId,
            Videos = videos,
            Charge = Charge(task.Billing),
            CreatedAt = FromUnixMilliseconds(task.CreateTime),
            UpdatedAt = FromUnixMilliseconds(task.UpdateTime),
            RawJson = raw,
        };
    }

    /// <summary>
    /// The legacy charge: <c>final_unit_deduction</c> (resource-pack units) when it is above zero, else
    /// <c>final_balance_deduction.quota</c> (an account paying from its cash balance, in a currency the reply does not
    /// name), else a zero unit deduction; <see langword="null"/> when the reply carries neither.
    /// </summary>
    private static MotionControlCharge? Charge(string? unitDeduction, KlingBalanceDeduction? balanceDeduction)
    {
        var units = Decimal(unitDeduction);
        if (units is > 0 || Decimal(balanceDeduction?.Quota) is not { } quota)
        {
            return units is { } charged ? new MotionControlCharge { Amount = charged, Unit = MotionControlCharge.Units, Source = "final_unit_deduction" } : null;
        }

        return new MotionControlCharge
        {
            Amount = quota,
            Unit = MotionControlCharge.Balance,
            ListPrice = Decimal(balanceDeduction!.ListPrice),
            Source = "final_balance_deduction",
        };
    }

    /// <summary>
    /// API 2.0's <c>billing[]</c>: <c>unit</c> items are resource-pack units, <c>cash</c> items an amount in their
    /// <c>currency</c>. The items of the first item's unit are added up (a task billed in two units keeps the first).
    /// </summary>
    private static MotionControlCharge? Charge(IReadOnlyList<KlingV2Billing>? billing)
    {
        string? unit = null;
        decimal amount = 0;
        decimal? listPrice = null;
        foreach (var item in billing ?? [])
        {
            var itemUnit = item?.ChargeType switch
            {
                "unit" => MotionControlCharge.Units,
                "cash" => string.IsNullOrWhiteSpace(item.Currency) ? null : item.Currency.Trim().ToUpperInvariant(),
                _ => null,
            };
            if (itemUnit is null || Decimal(item!.Amount) is not { } itemAmount || (unit is not null && unit != itemUnit))
            {
                continue;
            }

            unit = itemUnit;
            amount += itemAmount;
            if (Decimal(item.ListPrice) is { } price)
            {
                listPrice = (listPrice ?? 0) + price;
            }
        }

        return unit is null ? null : new MotionControlCharge { Amount = amount, Unit = unit, ListPrice = listPrice, Source = "billing" };
    }

    private static decimal? Decimal(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null;

    private static IReadOnlyList<GeneratedVideo> Videos(IReadOnlyList<KlingVideo>? videos, DateTimeOffset? expiresAt)
    {
        if (videos is not { Count: > 0 })
        {
            // A task still running has none: no list for it.
            return Array.Empty<GeneratedVideo>();
        }

        var result = new List<GeneratedVideo>();
        foreach (var video in videos)
        {
            // A null in the list is no video (a vendor or gateway glitch), not a reason to fail the read.
            if (video is not null)
            {
                AddVideo(result, video.Id, video.Url, video.WatermarkUrl, video.Duration, expiresAt);
            }
        }

        return result;
    }

    private static void AddVideo(List<GeneratedVideo> videos, string? id, string? url, string? watermarkUrl, string? duration, DateTimeOffset? expiresAt)
    {
        var watermark = AbsoluteUri(watermarkUrl);

        // PowerTokens' own client falls back to the watermarked copy when there is no plain one.
        if ((AbsoluteUri(url) ?? watermark) is { } video)
        {
            videos.Add(new GeneratedVideo
            {
                Url = video,
                Id = NullIfEmpty(id),
                WatermarkUrl = watermark,
                Duration = Seconds(duration),
                ExpiresAt = expiresAt,
            });
        }
    }

    private static Uri? AbsoluteUri(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;

    private static TimeSpan? Seconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and < 86_400
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private static DateTimeOffset? Expiry(long? generatedAt) => FromUnixMilliseconds(generatedAt) + ResultRetention;

    private static DateTimeOffset? FromUnixMilliseconds(long? milliseconds) =>
        milliseconds is > 0 and < 253_402_300_800_000 ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds.Value) : null;

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
