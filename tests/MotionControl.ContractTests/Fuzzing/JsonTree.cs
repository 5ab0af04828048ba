using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MotionControl.ContractTests.Fuzzing;

/// <summary>
/// A small mutable JSON tree for the reply mutators. Unlike <c>JsonNode</c> it keeps what real replies may carry and a
/// mutator must be able to produce: members in order and duplicated, numbers as their raw text (<c>1e400</c>, <c>-0</c>,
/// 20-digit integers), strings as their raw literal (lone surrogate escapes), and raw text that is not JSON at all
/// (thousands of unclosed brackets).
/// </summary>
internal abstract class JNode
{
    public abstract void Write(StringBuilder text);

    /// <summary>A deep copy (raw literals, which may be any text, copied as they are).</summary>
    public abstract JNode Clone();

    public override string ToString()
    {
        var text = new StringBuilder();
        Write(text);
        return text.ToString();
    }

    /// <summary>Reads one parsed JSON value into a tree of its own (duplicates and raw number text kept).</summary>
    public static JNode From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new JObject(element.EnumerateObject().Select(p => new JMember(p.Name, From(p.Value)))),
        JsonValueKind.Array => new JArray(element.EnumerateArray().Select(From)),
        _ => new JLiteral(element.GetRawText()),
    };

    public static JNode Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return From(document.RootElement);
    }
}

internal sealed class JObject(IEnumerable<JMember> members) : JNode
{
    public List<JMember> Members { get; } = members.ToList();

    public override JNode Clone() => new JObject(Members.Select(m => new JMember(m.Name, m.Value.Clone())));

    public override void Write(StringBuilder text)
    {
        text.Append('{');
        for (var i = 0; i < Members.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(JLiteral.Quote(Members[i].Name)).Append(':');
            Members[i].Value.Write(text);
        }

        text.Append('}');
    }
}

internal sealed class JMember(string name, JNode value)
{
    public string Name { get; } = name;

    public JNode Value { get; set; } = value;
}

internal sealed class JArray(IEnumerable<JNode> items) : JNode
{
    public List<JNode> Items { get; } = items.ToList();

    public override JNode Clone() => new JArray(Items.Select(i => i.Clone()));

    public override void Write(StringBuilder text)
    {
        text.Append('[');
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            Items[i].Write(text);
        }

        text.Append(']');
    }
}

/// <summary>A value written exactly as its raw text: a number, <c>true</c>, <c>null</c>, a quoted string, or anything at all.</summary>
internal sealed class JLiteral(string raw) : JNode
{
    public string Raw { get; } = raw;

    public static JLiteral String(string value) => new(Quote(value));

    public override JNode Clone() => this;

    /// <summary>A JSON string literal; non-ASCII text stays as is (so re-encoding the body changes its bytes).</summary>
    public static string Quote(string value) => "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";

    public override void Write(StringBuilder text) => text.Append(Raw);
}

/// <summary>A place in a tree: the root, a member of an object, or an item of an array.</summary>
internal readonly record struct JSlot(JNode? Parent, int Index)
{
    public static JSlot Root => new(null, 0);

    public JNode Get(JNode root) => Parent switch
    {
        null => root,
        JObject o => o.Members[Index].Value,
        JArray a => a.Items[Index],
        _ => throw new InvalidOperationException("A literal has no children."),
    };

    /// <summary>Puts <paramref name="value"/> here; returns the (possibly new) root.</summary>
    public JNode Set(JNode root, JNode value)
    {
        switch (Parent)
        {
            case null:
                return value;
            case JObject o:
                o.Members[Index].Value = value;
                return root;
            case JArray a:
                a.Items[Index] = value;
                return root;
            default:
                throw new InvalidOperationException("A literal has no children.");
        }
    }

    /// <summary>Every place of the tree, in document order, the root first.</summary>
    public static List<JSlot> All(JNode root)
    {
        var slots = new List<JSlot> { Root };
        Walk(root, slots);
        return slots;
    }

    private static void Walk(JNode node, List<JSlot> slots)
    {
        switch (node)
        {
            case JObject o:
                for (var i = 0; i < o.Members.Count; i++)
                {
                    slots.Add(new JSlot(o, i));
                    Walk(o.Members[i].Value, slots);
                }

                break;
            case JArray a:
                for (var i = 0; i < a.Items.Count; i++)
                {
                    slots.Add(new JSlot(a, i));
                    Walk(a.Items[i], slots);
                }

                break;
        }
    }
}
