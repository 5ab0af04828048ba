using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MotionControl.ContractTests.Infrastructure;

/// <summary>
/// Reads the fixtures (vendor examples kept byte for byte) and, where a documented example is not JSON, makes the
/// smallest mechanical change that yields JSON. Every such change is one of the methods here, named for what it does.
/// </summary>
internal static partial class DocumentedJson
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>A fixture's text, exactly as stored (the vendor's bytes).</summary>
    public static string Read(string vendor, string file) => File.ReadAllText(Path.Combine(Root, vendor, file), Encoding.UTF8);

    /// <summary>
    /// A documented example that uses JSON-with-comments and type placeholders (Kling's reference pages): <c>//</c>
    /// comments are removed and the bare placeholder <c>boolean</c> becomes <c>true</c>. Text inside strings is untouched.
    /// </summary>
    public static string StripComments(string documented)
    {
        var json = new StringBuilder(documented.Length);
        var inString = false;
        for (var i = 0; i < documented.Length; i++)
        {
            var c = documented[i];
            if (inString)
            {
                json.Append(c);
                if (c == '\\' && i + 1 < documented.Length)
                {
                    json.Append(documented[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            if (c == '"')
            {
                inString = true;
                json.Append(c);
            }
            else if (c == '/' && i + 1 < documented.Length && documented[i + 1] == '/')
            {
                while (i < documented.Length && documented[i] != '\n')
                {
                    i++;
                }

                json.Append('\n');
            }
            else if (string.CompareOrdinal(documented, i, "boolean", 0, 7) == 0)
            {
                json.Append("true");
                i += 6;
            }
            else
            {
                json.Append(c);
            }
        }

        return json.ToString();
    }

    /// <summary>A Python <c>print(dict)</c> line (AIMLAPI's sample output) as JSON: single quotes become double quotes.</summary>
    public static string FromPythonRepr(string printed) => printed.Trim().Replace('\'', '"');

    /// <summary>An example whose members lack the commas between them (AIMLAPI's error example): the commas are put back.</summary>
    public static string AddMissingCommas(string documented) => MemberWithoutComma().Replace(documented, "$1,$2");

    /// <summary>
    /// An example whose member values include the bare type placeholder <c>string</c> (Kling's element cURL examples:
    /// <c>"element_voice_id": string,</c>): the placeholder becomes the string <c>"string"</c>, as Kling's other examples write it.
    /// </summary>
    public static string QuoteStringPlaceholders(string documented) => BareStringPlaceholder().Replace(documented, "$1\"string\"$2");

    /// <summary>A documented example, made JSON as above when needed, parsed for a test to fill its placeholders.</summary>
    public static JsonObject Node(string json) => JsonNode.Parse(json)!.AsObject();

    [GeneratedRegex("(\"[ \\t]*)(\\r?\\n[ \\t]*\")")]
    private static partial Regex MemberWithoutComma();

    [GeneratedRegex("(:[ \\t]*)string([ \\t]*[,}\\]\\r\\n])")]
    private static partial Regex BareStringPlaceholder();
}
