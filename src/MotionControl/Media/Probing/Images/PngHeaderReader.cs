using System.Buffers.Binary;
using System.Globalization;

namespace MotionControl.Media;

/// <summary>Reads a PNG's width and height from its <c>IHDR</c> chunk, which the format requires to come first.</summary>
internal static class PngHeaderReader
{
    private const int SignatureLength = 8;
    private const int ChunkHeaderLength = 8;
    private const int IhdrLength = 13;

    /// <summary>The image's size in pixels; the cursor may stand anywhere, the signature is assumed checked by the sniffer.</summary>
    public static async Task<(int Width, int Height)> ReadAsync(MediaReadCursor cursor, CancellationToken cancellationToken)
    {
        var header = new byte[ChunkHeaderLength + IhdrLength];
        cursor.Seek(SignatureLength);
        await cursor.ReadExactlyAsync(header, "the PNG header chunk (IHDR)", cancellationToken).ConfigureAwait(false);

        // Apple's "optimised" PNGs (from iOS app bundles) put a CgBI chunk before IHDR; step over it once.
        if (header.AsSpan(4, 4).SequenceEqual("CgBI"u8))
        {
            var skip = BinaryPrimitives.ReadUInt32BigEndian(header);
            cursor.Seek(SignatureLength + ChunkHeaderLength + skip + 4);
            await cursor.ReadExactlyAsync(header, "the PNG header chunk (IHDR)", cancellationToken).ConfigureAwait(false);
        }

        if (!header.AsSpan(4, 4).SequenceEqual("IHDR"u8))
        {
            throw new MediaProblemException($"the PNG's first chunk is '{MediaFormatSniffer.FourCC(header.AsSpan(4, 4))}', not the IHDR header chunk");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (length != IhdrLength)
        {
            throw new MediaProblemException(string.Create(CultureInfo.InvariantCulture, $"the PNG's IHDR chunk is {length} bytes long instead of 13"));
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(8, 4));
        var height = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(12, 4));

        // The PNG specification limits each side to 2^31-1 and forbids 0.
        if (width is 0 or > int.MaxValue || height is 0 or > int.MaxValue)
        {
            throw new MediaProblemException(string.Create(CultureInfo.InvariantCulture, $"the PNG's IHDR chunk gives an impossible size of {width}x{height} px"));
        }

        return ((int)width, (int)height);
    }
}
