using System.Globalization;
using System.Text;

namespace MotionControl.ContractTests.Fuzzing;

/// <summary>A documented reply the mutators start from: a fixture (made JSON where documented otherwise) and its HTTP status.</summary>
/// <param name="Name">Where it comes from (fixture file, and any mechanical change or [inferred] completion).</param>
/// <param name="Status">The HTTP status the documentation gives it.</param>
/// <param name="Text">The body.</param>
/// <param name="IsJson">False for a documented body that is not JSON (served as is; only its bytes are mutated).</param>
internal sealed record FuzzSeed(string Name, int Status, string Text, bool IsJson = true);

/// <summary>One mutated reply: what the in-memory handler serves, and how it was made (for the failure report).</summary>
internal sealed record FuzzReply(
    string Seed,
    int Status,
    string? ContentType,
    string? RetryAfter,
    string? RequestId,
    byte[] Body,
    IReadOnlyList<string> Mutations)
{
    private const int MaxPrinted = 4000;

    /// <summary>Status, headers, the mutations and the body bytes, printable: the reproduction of a failing case.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("HTTP ").Append(Status.ToString(CultureInfo.InvariantCulture));
        text.Append(", Content-Type: ").Append(ContentType ?? "(none)");
        if (RetryAfter is not null)
        {
            text.Append(", Retry-After: ").Append(RetryAfter);
        }

        if (RequestId is not null)
        {
            text.Append(", x-request-id: ").Append(Printable(Encoding.UTF8.GetBytes(RequestId)));
        }

        text.AppendLine();
        text.Append("seed: ").AppendLine(Seed);
        text.Append("mutations: ").AppendLine(Mutations.Count == 0 ? "(none)" : string.Join("; ", Mutations));
        text.Append("body (").Append(Body.Length.ToString(CultureInfo.InvariantCulture)).Append(" bytes, C# escapes): \"").Append(Printable(Body)).Append('"');
        return text.ToString();
    }

    /// <summary>
    /// The bytes as a C#-style string: printable ASCII as is, everything else as <c>\xNN</c>, and a run of 16 or more equal
    /// bytes as <c>«'[' x 5000»</c>, so a body of thousands of brackets stays readable. Long output keeps its head and tail.
    /// </summary>
    public static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        for (var i = 0; i < bytes.Length;)
        {
            var run = 1;
            while (i + run < bytes.Length && bytes[i + run] == bytes[i])
            {
                run++;
            }

            if (run >= 16)
            {
                text.Append('«').Append(Byte(bytes[i])).Append(" x ").Append(run.ToString(CultureInfo.InvariantCulture)).Append('»');
                i += run;
                continue;
            }

            text.Append(Char(bytes[i]));
            i++;
        }

        if (text.Length <= MaxPrinted)
        {
            return text.ToString();
        }

        var head = text.ToString(0, MaxPrinted / 2);
        var tail = text.ToString(text.Length - (MaxPrinted / 4), MaxPrinted / 4);
        return $"{head}«… {text.Length - head.Length - tail.Length} printed characters left out …»{tail}";
    }

    private static string Char(byte b) => b switch
    {
        (byte)'\\' => "\\\\",
        (byte)'"' => "\\\"",
        (byte)'\n' => "\\n",
        (byte)'\r' => "\\r",
        (byte)'\t' => "\\t",
        >= 0x20 and < 0x7F => ((char)b).ToString(),
        _ => "\\x" + b.ToString("X2", CultureInfo.InvariantCulture),
    };

    private static string Byte(byte b) => b is >= 0x20 and < 0x7F and not (byte)'\'' ? $"'{(char)b}'" : "0x" + b.ToString("X2", CultureInfo.InvariantCulture);
}
