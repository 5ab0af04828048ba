using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using MotionControl.Serialization;

namespace MotionControl.Http;

/// <summary>Reads a vendor's "wait this long" hint: the <c>Retry-After</c> header, or <c>retry_after</c>/<c>retryAfter</c> in a JSON body.</summary>
internal static class RetryAfterParser
{
    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    public static TimeSpan? FromHeaders(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var value = headers.RetryAfter;
        if (value?.Delta is { } delta)
        {
            return Clamp(delta);
        }

        if (value?.Date is { } date)
        {
            return Clamp(date - now);
        }

        return null;
    }

    /// <summary>Reads <c>retry_after</c> or <c>retryAfter</c> (seconds, number or numeric string) from a JSON object.</summary>
    public static TimeSpan? FromBody(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in (ReadOnlySpan<string>)["retry_after", "retryAfter", "retry_after_seconds"])
        {
            if (!root.TryGetProperty(name, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds))
            {
                return FromSeconds(seconds);
            }

            if (value.ValueKind == JsonValueKind.String
                && double.TryParse(JsonText.String(value), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds))
            {
                return FromSeconds(seconds);
            }
        }

        return null;
    }

    /// <summary>A wait of <paramref name="seconds"/>, clamped before it becomes a <see cref="TimeSpan"/> (1e300 or NaN must not throw); none when it is not a number.</summary>
    private static TimeSpan? FromSeconds(double seconds) =>
        double.IsNaN(seconds) ? null : Clamp(TimeSpan.FromSeconds(Math.Clamp(seconds, 0, Longest.TotalSeconds)));

    private static TimeSpan Clamp(TimeSpan value) =>
        value < TimeSpan.Zero ? TimeSpan.Zero : value > Longest ? Longest : value;
}
