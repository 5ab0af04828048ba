using System.Text.Json.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>The body of Kling API 2.0's cursor list (<c>POST /tasks</c>).</summary>
public sealed record KlingV2TaskListRequest
{
    /// <summary><c>start_time</c>: the earliest creation time, Unix milliseconds as a string (Kling's default: 30 days before <c>end_time</c>). Ignored with a cursor.</summary>
    [JsonPropertyName("start_time")]
    public string? StartTime { get; init; }

    /// <summary><c>end_time</c>: the latest creation time, Unix milliseconds as a string (Kling's default: now). Ignored with a cursor.</summary>
    [JsonPropertyName("end_time")]
    public string? EndTime { get; init; }

    /// <summary><c>cursor</c>: the previous page's <c>next_cursor</c>.</summary>
    [JsonPropertyName("cursor")]
    public string? Cursor { get; init; }

    /// <summary><c>limit</c>: tasks per page, 1–500 (Kling's default 100).</summary>
    [JsonPropertyName("limit")]
    public int? Limit { get; init; }

    /// <summary><c>filters</c>: by <c>status</c> (submitted, processing, succeeded, failed) or <c>product_type</c> (video, image, try_on).</summary>
    [JsonPropertyName("filters")]
    public IReadOnlyList<KlingV2TaskFilter>? Filters { get; init; }
}

/// <summary>One filter of the cursor list.</summary>
public sealed record KlingV2TaskFilter
{
    /// <summary><c>key</c>: <c>status</c> or <c>product_type</c>.</summary>
    [JsonPropertyName("key")]
    public required string Key { get; init; }

    /// <summary><c>values</c>: the accepted values.</summary>
    [JsonPropertyName("values")]
    public required IReadOnlyList<string> Values { get; init; }
}

/// <summary>One page of the cursor list (<c>data</c> of <c>POST /tasks</c>).</summary>
public sealed record KlingV2TaskPage
{
    /// <summary><c>result</c>: the tasks of this page.</summary>
    [JsonPropertyName("result")]
    public IReadOnlyList<KlingV2Task> Result { get; init; } = [];

    /// <summary><c>count</c>: how many tasks this page holds.</summary>
    [JsonPropertyName("count")]
    public int? Count { get; init; }

    /// <summary><c>next_cursor</c>: the cursor of the next page.</summary>
    [JsonPropertyName("next_cursor")]
    public string? NextCursor { get; init; }

    /// <summary><c>has_more</c>: whether another page follows.</summary>
    [JsonPropertyName("has_more")]
    public bool? HasMore { get; init; }
}
