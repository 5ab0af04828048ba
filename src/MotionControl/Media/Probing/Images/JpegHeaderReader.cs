using System.Globalization;

namespace MotionControl.Media;

/// <summary>
/// Reads a JPEG's width and height from its frame header (<c>SOFn</c>: baseline, extended, progressive, lossless,
/// arithmetic), walking past APPn (EXIF, ICC, XMP), COM, DQT, DHT and other segments by their lengths without reading
/// them, and tolerating the 0xFF fill bytes and stray bytes encoders leave between segments.
/// </summary>
internal static class JpegHeaderReader
{
    private const byte StartOfScan = 0xDA;
    private const byte EndOfImage = 0xD9;
    private const byte StartOfImage = 0xD8;

    /// <summary>The image's size in pixels; the SOI marker is assumed checked by the sniffer.</summary>
    public static async Task<(int Width, int Height)> ReadAsync(MediaReadCursor cursor, CancellationToken cancellationToken)
    {
        var segment = new byte[7];
        cursor.Seek(2);
        for (var segments = 0; segments < MediaReadLimits.MaxJpegSegments; segments++)
        {
            var marker = await ReadMarkerAsync(cursor, cancellationToken).ConfigureAwait(false);
            var markerAt = cursor.Position - 2;

            // Markers that stand alone, without a length: restart markers, TEM, and a repeated SOI.
            if (marker is >= 0xD0 and <= 0xD7 or 0x01 or StartOfImage)
            {
                continue;
            }

            if (marker == EndOfImage)
            {
                throw new MediaProblemException(At(markerAt, "the JPEG ends (EOI marker) before any frame header (SOFn) gives its size"));
            }

            if (marker == StartOfScan)
            {
                throw new MediaProblemException(At(markerAt, "the JPEG's image data (SOS) starts before any frame header (SOFn) gives its size"));
            }

            await cursor.ReadExactlyAsync(segment.AsMemory(0, 2), "a JPEG segment length", cancellationToken).ConfigureAwait(false);
            var length = (segment[0] << 8) | segment[1];
            if (length < 2)
            {
                throw new MediaProblemException(At(markerAt, string.Create(CultureInfo.InvariantCulture, $"a JPEG segment (marker 0xFF{marker:X2}) has an impossible length of {length}")));
            }

            if (IsStartOfFrame(marker))
            {
                if (length < 8)
                {
                    throw new MediaProblemException(At(markerAt, "the JPEG frame header (SOFn) is too short to hold the image size"));
                }

                await cursor.ReadExactlyAsync(segment.AsMemory(2, 5), "the JPEG frame header (SOFn)", cancellationToken).ConfigureAwait(false);
                var height = (segment[3] << 8) | segment[4];
                var width = (segment[5] << 8) | segment[6];
                if (height == 0)
                {
                    throw new MediaProblemException("the JPEG's frame header leaves its height to a later DNL marker, which the SDK does not read; re-save the image");
                }

                if (width == 0)
                {
                    throw new MediaProblemException("the JPEG's frame header gives a width of 0 px");
                }

                return (width, height);
            }

            cursor.Seek(cursor.Position + length - 2);
        }

        throw new MediaProblemException(string.Create(CultureInfo.InvariantCulture,
            $"the JPEG has more than {MediaReadLimits.MaxJpegSegments:N0} segments before its frame header (SOFn)"));
    }

    /// <summary>SOF0–SOF15, except C4 (DHT), C8 (JPG, reserved) and CC (DAC), which share the range.</summary>
    internal static bool IsStartOfFrame(int marker) => marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    /// <summary>
    /// The next marker code: finds the 0xFF that introduces it (skipping stray bytes, as libjpeg does, up to a bound),
    /// then any number of 0xFF fill bytes, up to the same bound.
    /// </summary>
    private static async ValueTask<int> ReadMarkerAsync(MediaReadCursor cursor, CancellationToken cancellationToken)
    {
        var skipped = 0;
        while (true)
        {
            var value = await cursor.ReadByteAsync(cancellationToken).ConfigureAwait(false);
            if (value < 0)
            {
                throw new MediaProblemException(string.Create(CultureInfo.InvariantCulture,
                    $"the JPEG is truncated: it ends at byte {cursor.Position:N0} before any frame header (SOFn) gives its size"));
            }

            if (value == 0xFF)
            {
                var code = await cursor.ReadByteAsync(cancellationToken).ConfigureAwait(false);
                while (code == 0xFF && skipped++ < MediaReadLimits.MaxJpegFillBytes)
                {
                    code = await cursor.ReadByteAsync(cancellationToken).ConfigureAwait(false);
                }

                if (code < 0)
                {
                    continue;
                }

                // 0xFF00 is a stuffed data byte, not a marker: keep looking.
                if (code != 0x00 && code != 0xFF)
                {
                    return code;
                }
            }

            if (++skipped > MediaReadLimits.MaxJpegFillBytes)
            {
                throw new MediaProblemException(string.Create(CultureInfo.InvariantCulture,
                    $"the JPEG has more than {MediaReadLimits.MaxJpegFillBytes:N0} bytes of padding or garbage between segments near byte {cursor.Position:N0}"));
            }
        }
    }

    private static string At(long position, string message) =>
        string.Create(CultureInfo.InvariantCulture, $"{message} (at byte {position:N0})");
}
