using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

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
                return Clamp(TimeSpan.FromSeconds(seconds));
            }

            if (value.ValueKind == JsonValueKind.String
                && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds))
            {
                return Clamp(TimeSpan.FromSeconds(seconds));
            }
        }

        return null;
    }

    private static TimeSpan Clamp(TimeSpan value) =>
        value < TimeSpan.Zero ? TimeSpan.Zero : value > Longest ? Longest : value;
}
