using System.Buffers.Text;

namespace MotionControl.Media;

internal sealed class Base64MediaSource : MediaSource
{
    private int _significantLength = -1;

    public Base64MediaSource(string text)
    {
        Text = text;
        var payloadStart = 0;
        var start = text.Length - text.AsSpan().TrimStart().Length;
        if (text.AsSpan(start).StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            IsDataUri = true;
            var comma = text.IndexOf(',', start);
            if (comma < 0)
            {
                Problem = "it is a data URI with no comma before its content";
                payloadStart = text.Length;
            }
            else
            {
                var meta = text.AsSpan(start + 5, comma - start - 5);
                var semicolon = meta.IndexOf(';');
                var type = (semicolon < 0 ? meta : meta[..semicolon]).Trim();
                DeclaredContentType = type.IsEmpty ? null : type.ToString();
                if (!meta.TrimEnd().EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
                {
                    Problem = "it is a data URI without ';base64' (percent-encoded content is not supported)";
                }

                payloadStart = comma + 1;
            }
        }

        Payload = text.AsMemory(payloadStart);
    }

    public override MediaSourceKind Kind => MediaSourceKind.Base64;

    /// <summary>The text as given: raw Base64 or a data URI.</summary>
    public string Text { get; }

    /// <summary>True when <see cref="Text"/> starts with <c>data:</c>.</summary>
    public bool IsDataUri { get; }

    /// <summary>The media type a data URI declares (for example <c>image/png</c>), if any.</summary>
    public string? DeclaredContentType { get; }

    /// <summary>The Base64 characters: the text after a data URI's comma, or the whole text.</summary>
    public ReadOnlyMemory<char> Payload { get; }

    /// <summary>What is wrong with the data URI's prefix, if anything.</summary>
    public string? Problem { get; }

    /// <summary>
    /// How many characters of <see cref="Payload"/> are Base64 rather than line breaks or spaces: exactly what is written
    /// into a request body (JSON strings cannot carry raw line breaks, so they are left out).
    /// </summary>
    public int SignificantLength
    {
        get
        {
            if (_significantLength < 0)
            {
                var count = 0;
                foreach (var c in Payload.Span)
                {
                    if (!IsWhitespace(c))
                    {
                        count++;
                    }
                }

                _significantLength = count;
            }

            return _significantLength;
        }
    }

    /// <summary>True when the payload has line breaks or spaces, so character offsets are not simply 4 per 3 bytes.</summary>
    public bool HasWhitespace => SignificantLength != Payload.Length;

    public override string ToString() => $"Base64 text ({Text.Length} characters)";

    /// <summary>Checks the whole payload (a scan of text already in memory, no allocation) and measures the decoded bytes.</summary>
    /// <param name="decodedLength">The content's length in bytes when valid.</param>
    /// <returns>True when the payload is well-formed standard Base64.</returns>
    public bool TryGetDecodedLength(out long decodedLength)
    {
        decodedLength = 0;
        if (Problem is not null || !Base64.IsValid(Payload.Span, out var length))
        {
            return false;
        }

        decodedLength = length;
        return true;
    }

    /// <summary>The whitespace Base64 decoders skip.</summary>
    internal static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';
}
