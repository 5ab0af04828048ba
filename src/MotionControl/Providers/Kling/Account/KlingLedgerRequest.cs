using System.Text.Json.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>The body of a ledger query as sent: Unix milliseconds, nulls left out (a cursor alone when paging).</summary>
internal sealed record KlingLedgerRequest
{
    [JsonPropertyName("start_time")]
    public long? StartTime { get; init; }

    [JsonPropertyName("end_time")]
    public long? EndTime { get; init; }

    [JsonPropertyName("limit")]
    public int? Limit { get; init; }

    [JsonPropertyName("filters")]
    public IReadOnlyList<KlingLedgerRequestFilter>? Filters { get; init; }

    [JsonPropertyName("cursor")]
    public string? Cursor { get; init; }
}

/// <summary>One filter as sent: <c>{"key": …, "values": […]}</c>.</summary>
internal sealed record KlingLedgerRequestFilter(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("values")] IReadOnlyList<string> Values);
