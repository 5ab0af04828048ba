using System.Text;
using System.Text.Json;

namespace MotionControl.Testing;

/// <summary>
/// Hides credentials in the request log by their place: the Authorization value and ModelsLab's body <c>key</c>,
/// whatever their value. <see cref="KnownSecrets"/> also masks every account's keys by value, wherever they occur.
/// </summary>
internal static class SecretRedactor
{
    public const string Mask = "***";

    /// <summary>Keeps the scheme, so a test can still see that a bearer token was sent.</summary>
    public static string RedactAuthorization(string value)
    {
        int space = value.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? string.Concat(value.AsSpan(0, space + 1), Mask) : Mask;
    }

    /// <summary>Replaces the string value of every top-level <c>key</c> property, leaving the rest of the text byte for byte.</summary>
    public static string RedactBodyKey(string body)
    {
        if (body.Length == 0 || !body.Contains("\"key\"", StringComparison.Ordinal))
        {
            return body;
        }

        byte[] bytes = Encoding.UTF8.GetBytes(body);
        var ranges = new List<(int Start, int Length)>();
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("key"u8) &&
                    reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    // ValueSpan is the raw (still escaped) text between the quotes.
                    ranges.Add(((int)reader.TokenStartIndex, reader.ValueSpan.Length + 2));
                }
            }
        }
        catch (JsonException)
        {
            // A broken body is logged as far as it could be read; the ranges found so far are still redacted.
        }

        if (ranges.Count == 0)
        {
            return body;
        }

        var builder = new StringBuilder(body.Length);
        int position = 0;
        foreach (var (start, length) in ranges)
        {
            builder.Append(Encoding.UTF8.GetString(bytes, position, start - position)).Append('"').Append(Mask).Append('"');
            position = start + length;
        }

        builder.Append(Encoding.UTF8.GetString(bytes, position, bytes.Length - position));
        return builder.ToString();
    }
}
