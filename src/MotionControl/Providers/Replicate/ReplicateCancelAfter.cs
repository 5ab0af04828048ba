using System.Globalization;
using System.Text;

namespace MotionControl.Providers.Replicate;

/// <summary>
/// Writes a <see cref="TimeSpan"/> as Replicate's <c>Cancel-After</c> duration: hours, minutes and seconds with the unit
/// suffixes Replicate documents, combined (<c>1h30m45s</c>) (https://replicate.com/docs/reference/http, "Cancel-After").
/// A fraction of a second is rounded up: the documented units stop at seconds, and a deadline is never made shorter.
/// </summary>
internal static class ReplicateCancelAfter
{
    public static string Format(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var total = (long)Math.Ceiling(duration.TotalSeconds - 1e-9);
        var (hours, rest) = Math.DivRem(total, 3600);
        var (minutes, seconds) = Math.DivRem(rest, 60);
        var text = new StringBuilder();
        if (hours > 0)
        {
            text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (minutes > 0)
        {
            text.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        if (seconds > 0 || text.Length == 0)
        {
            text.Append(seconds.ToString(CultureInfo.InvariantCulture)).Append('s');
        }

        return text.ToString();
    }
}
