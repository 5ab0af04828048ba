using System.Text.Json;
using System.Text.Unicode;

namespace MotionControl.Serialization;

/// <summary>
/// The token rules of the neutral reply readers (Kling's, Vydra's), which read a vendor reply straight from its bytes
/// with <see cref="Utf8JsonReader"/> instead of through the public wire DTOs: each helper accepts exactly the tokens that
/// the matching DTO member accepts with the DTOs' source-generated options (strict numbers, no comments, no trailing
/// commas), and returns <see langword="false"/> for anything else, so the reader can leave the reply to the DTO path.
/// </summary>
internal static class WireTokens
{
    /// <summary>What <see cref="Member"/> returns for a member the DTO does not know (its value skipped).</summary>
    public const int Unknown = -1;

    /// <summary>What <see cref="Member"/> returns for a known member seen before in the same object (left to the DTO path).</summary>
    public const int Duplicate = -2;

    /// <summary>
    /// On a property name: the index of the name in <paramref name="names"/> (matched as the DTOs match, exact case,
    /// escapes allowed), with the reader moved onto its value; <see cref="Unknown"/> for another name, whose value is
    /// skipped; <see cref="Duplicate"/> for a known name seen before in this object.
    /// </summary>
    /// <param name="reader">On a property name.</param>
    /// <param name="names">The object's known members (at most 31).</param>
    /// <param name="seen">The known members seen so far in this object, one bit each.</param>
    /// <returns>The member's index, <see cref="Unknown"/> or <see cref="Duplicate"/>.</returns>
    public static int Member(ref Utf8JsonReader reader, ReadOnlySpan<string> names, ref int seen)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (!reader.ValueTextEquals(names[i]))
            {
                continue;
            }

            if (!First(ref seen, 1 << i))
            {
                return Duplicate;
            }

            // A property name is always followed by its value (or the reader throws on the broken JSON).
            reader.Read();
            return i;
        }

        reader.Skip();
        return Unknown;
    }

    /// <summary>Marks a known property as seen; false when it was already (a duplicate is left to the DTO path).</summary>
    /// <param name="seen">The bits of the properties seen so far in this object.</param>
    /// <param name="bit">The property's bit.</param>
    /// <returns>True the first time.</returns>
    public static bool First(ref int seen, int bit)
    {
        if ((seen & bit) != 0)
        {
            return false;
        }

        seen |= bit;
        return true;
    }

    /// <summary>A <c>string?</c> member: a string or null.</summary>
    /// <param name="reader">On the value.</param>
    /// <param name="text">The string.</param>
    /// <returns>True for a string or null.</returns>
    public static bool Text(ref Utf8JsonReader reader, out string? text)
    {
        text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
    }

    /// <summary>A <c>string?</c> member whose value is not needed: checked as the DTO would read it (text, valid UTF-8), not kept.</summary>
    /// <param name="reader">On the value.</param>
    /// <returns>True for a string or null.</returns>
    public static bool SkipText(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null
        || (reader.TokenType == JsonTokenType.String && (reader.ValueIsEscaped ? reader.GetString() is not null : Utf8.IsValid(reader.ValueSpan)));

    /// <summary>
    /// A <c>string?</c> member whose usual values are known: one of <paramref name="known"/> when the string equals it
    /// (no copy), else the string.
    /// </summary>
    /// <param name="reader">On the value.</param>
    /// <param name="known">The usual values.</param>
    /// <param name="text">The string.</param>
    /// <returns>True for a string or null.</returns>
    public static bool KnownText(ref Utf8JsonReader reader, ReadOnlySpan<string> known, out string? text)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            foreach (var word in known)
            {
                if (reader.ValueTextEquals(word))
                {
                    text = word;
                    return true;
                }
            }
        }

        return Text(ref reader, out text);
    }

    /// <summary>A member read by <see cref="NumberOrStringConverter"/>; <paramref name="known"/> is reused when the string equals it.</summary>
    /// <param name="reader">On the value.</param>
    /// <param name="known">A value the caller already holds (the task id asked for), or <see langword="null"/>.</param>
    /// <param name="text">The text.</param>
    /// <returns>True for a number, a string or null.</returns>
    public static bool NumberOrString(ref Utf8JsonReader reader, string? known, out string? text)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                text = known is not null && reader.ValueTextEquals(known) ? known : reader.GetString();
                return true;
            case JsonTokenType.Number:
                text = NumberOrStringConverter.NumberText(ref reader);
                return true;
            case JsonTokenType.Null:
                text = null;
                return true;
            default:
                text = null;
                return false;
        }
    }

    /// <summary>A <c>long?</c> member: an integer in range, or null (a string is left to the DTO path).</summary>
    /// <param name="reader">On the value.</param>
    /// <param name="value">The number.</param>
    /// <returns>True for an integer or null.</returns>
    public static bool Int64(ref Utf8JsonReader reader, out long? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
        {
            value = number;
            return true;
        }

        return reader.TokenType == JsonTokenType.Null;
    }

    /// <summary>A <c>double?</c> member: a number, or null (a numeric string, which some members allow, is left to the DTO path).</summary>
    /// <param name="reader">On the value.</param>
    /// <param name="value">The number.</param>
    /// <returns>True for a number or null.</returns>
    public static bool Double(ref Utf8JsonReader reader, out double? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var number))
        {
            value = number;
            return true;
        }

        return reader.TokenType == JsonTokenType.Null;
    }

    /// <summary>A <see cref="DateTimeOffset"/>? member: an ISO 8601 string, or null.</summary>
    /// <param name="reader">On the value.</param>
    /// <param name="value">The time.</param>
    /// <returns>True for a readable time or null.</returns>
    public static bool Time(ref Utf8JsonReader reader, out DateTimeOffset? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var time))
        {
            value = time;
            return true;
        }

        return reader.TokenType == JsonTokenType.Null;
    }

    /// <summary>A member read by <see cref="AbsoluteUrlConverter"/>: an absolute URL, or null for null or any other string.</summary>
    /// <param name="reader">On the value.</param>
    /// <param name="url">The URL.</param>
    /// <returns>True for a string or null.</returns>
    public static bool AbsoluteUrl(ref Utf8JsonReader reader, out Uri? url)
    {
        url = reader.TokenType == JsonTokenType.String && Uri.TryCreate(reader.GetString(), UriKind.Absolute, out var parsed) ? parsed : null;
        return reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
    }

    /// <summary>Reads the first token of a reply: true when it starts an object (whose members the caller then reads).</summary>
    /// <param name="reader">Before the first token.</param>
    /// <returns>True on the root object's start.</returns>
    public static bool StartRoot(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.StartObject;

    /// <summary>Moves to the next property of the current object; false at its end.</summary>
    /// <param name="reader">On the object's start or the end of a member's value.</param>
    /// <returns>True on a property name.</returns>
    public static bool NextProperty(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>True when the root object ended and only white space follows it.</summary>
    /// <param name="reader">After the last member.</param>
    /// <returns>True at the end of the reply.</returns>
    public static bool EndRoot(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.EndObject && !reader.Read();
}
