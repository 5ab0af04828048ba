using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace MotionControl.ContractTests.Fuzzing;

/// <summary>
/// CsCheck generators of mutated vendor replies. A case is a documented seed, 0–4 structural mutations of its JSON tree
/// (type swaps of any value, unknown and duplicated members, removals, repeated items, deep nesting), 0–2 byte-level
/// mutations of the serialized body (truncation at any byte, UTF-8 BOM, UTF-16/UTF-32/Latin-1 re-encoding, invalid UTF-8,
/// flipped, deleted and inserted bytes, a foreign body, trailing garbage), a status and a content type. Every part is a
/// CsCheck generator, so a failing case shrinks toward fewer and earlier mutations and the documented status.
/// </summary>
internal static class ReplyMutators
{
    /// <summary>Where a mutation lands: an index taken modulo the candidates of the tree at that moment.</summary>
    private static readonly Gen<int> Target = Gen.Int[0, 1 << 16];

    /// <summary>Numbers, as raw JSON text: the edges of int, long, double and decimal, negative zero, tiny and huge exponents.</summary>
    private static readonly string[] Numbers =
    [
        "0", "-0", "0.0", "-0.0", "1", "-1", "1.5", "30", "3600", "3601", "86400", "1e400", "-1e400", "1e-400", "1E+400",
        "1e300", "-1e300", "1e20", "5e-324", "1.7976931348623157e308", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "18446744073709551616", "2147483647", "2147483648", "-2147483649",
        "123456789012345678901234567890", "79228162514264337593543950336", "253402300800000", "-1722769557708",
        "1722769557708", "0.1", "1e2", "1.0", "155262350.0", "1E-7",
    ];

    /// <summary>Literals JSON does not have (NaN text and friends), as bare tokens.</summary>
    private static readonly string[] NotJsonLiterals = ["NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.", "0x1F", "undefined", "True", "nul", "-"];

    /// <summary>String values: every status word the vendors use (and near misses), numeric, URL, date and code texts, odd Unicode.</summary>
    private static readonly string[] Strings =
    [
        "", " ", "x", "string", "<string>", "submitted", "processing", "succeed", "success", "succeeded", "failed", "queued",
        "generating", "completed", "error", "waiting", "pending", "running", "cancelled", "canceled", "SUCCEED", "Completed",
        "FAILED", "0", "123", "-1", "1201", "1303", "1004", "5000", "NaN", "Infinity", "-Infinity", "1e400", "-0",
        "9223372036854775808", "  42 ", "12abc", "0x10", "3600.5", "https://example.com/video.mp4", "http://127.0.0.1/a.mp4",
        "/relative/video.mp4", "not a url", "https://", "file:///etc/passwd", "https://[::1", "https://例え.jp/動画.mp4",
        "javascript:alert(1)", "https://example.com/a b.mp4", "//cdn.example.com/v.mp4", "2024-01-26T12:00:00.000Z",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999+14:00", "2024-13-45T99:99:99Z", "yesterday", "JOB_NOT_FOUND",
        "RATE_LIMIT_EXCEEDED", "INSUFFICIENT_CREDITS", "KEY_REVOKED", "invalid_token", "task_not_exist", "Task not found",
        "Invalid API key", "Insufficient credits", "Request id not found", "rate limit exceeded (request id: 2026)",
        "(request id: )", "café ☕ 𝄞 Zürich", "ü", "\u0000", "\u202E", "\uFEFF", new string('a', 5000), new string('é', 3000),
        string.Concat(Enumerable.Repeat("𝄞", 1000)),
    ];

    /// <summary>String literals as raw JSON text: escapes that are lone surrogates, invalid, truncated or unterminated.</summary>
    private static readonly string[] RawStrings =
    [
        "\"\\uD800\"", "\"\\uDC00x\"", "\"\\uD83D\\uDE00\"", "\"\\u0000\"", "\"\\q\"", "\"\\u12\"", "\"unterminated", "\"a\\\"",
        "'single'", "\"tab\there\"", "\"new\nline\"",
    ];

    /// <summary>
    /// Member names added besides the seeds' own and the vendor's (see <see cref="FuzzTarget.Names"/>): case and Unicode
    /// near misses, empty and long names, and metadata-looking names.
    /// </summary>
    private static readonly string[] OddNames = ["", " ", "Code", "DATA", "Status", "$type", "$id", "$ref", "__proto__", "\u0000", "tàsk_ïd", new string('n', 300)];

    /// <summary>Byte sequences that are not UTF-8 (and one Latin-1 letter).</summary>
    private static readonly byte[][] InvalidUtf8 =
    [
        [0x80], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xFE], [0xE9], [0xF0, 0x9F, 0x98],
        [0xE2, 0x82],
    ];

    private static readonly byte[] InsertableBytes = [0x00, (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)'"', (byte)',', (byte)':', (byte)'\\', 0x7F, 0xFF, (byte)'\n'];

    private static readonly string[] TrailingGarbage = ["}", ",", "\0", " {}", "garbage", "\n\n", "]", "{\"code\":0}", "\"", " 1"];

    private static readonly int[] NestingDepths = [63, 64, 65, 1_000, 5_000, 20_000];

    private static readonly int[] RepeatCounts = [2, 31, 101, 1_000];

    private static readonly string?[] ContentTypes =
    [
        "application/json", null, "application/json; charset=utf-8", "application/json; charset=utf-16",
        "text/html; charset=iso-8859-1", "text/plain", "application/octet-stream", "application/problem+json",
        "application/x-www-form-urlencoded", ";;;==garbage", "application/json; charset=\"bogus\"",
    ];

    private static readonly string[] RetryAfters =
    [
        "5", "0", "-1", "3600", "99999999999", "Wed, 21 Oct 2015 07:28:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "NaN", "1e400", "soon",
    ];

    private static readonly string[] RequestIds = ["req-1", "", " ", new string('r', 10_000), "é", "9984d27b-a408-4073-ae28-17ca6a13622d"];

    /// <summary>The generator of mutated replies of <paramref name="seeds"/>; <paramref name="secrets"/> are planted in some of them.</summary>
    /// <param name="seeds">The documented replies to start from.</param>
    /// <param name="secrets">The client's secrets, planted in string values and foreign bodies.</param>
    /// <param name="vendorNames">The wire names the vendor's readers look at (aliases included), for added members.</param>
    public static Gen<FuzzReply> Replies(IReadOnlyList<FuzzSeed> seeds, IReadOnlyList<string> secrets, IReadOnlyList<string> vendorNames)
    {
        var names = vendorNames.Concat(seeds.Where(s => s.IsJson).SelectMany(s => MemberNames(JNode.Parse(s.Text)))).Concat(OddNames).Distinct(StringComparer.Ordinal).ToArray();
        var value = Values(secrets, names);
        var structural = Structural(value, names).Array[0, 4];
        var bytes = ByteLevel(secrets).Array[0, 2];
        var status = Gen.Frequency(
            (12, Gen.Const(0)),
            (2, Gen.OneOf(200, 201, 202)),
            (2, Gen.OneOf(400, 401, 402, 403, 404, 408, 409, 410, 413, 422, 429, 499)),
            (2, Gen.OneOf(500, 501, 502, 503, 504, 599)),
            (1, Gen.OneOf(204, 206, 299, 300, 302, 304, 418, 451)));
        var contentType = Gen.Frequency((6, Gen.Const(0)), (4, Gen.Int[0, ContentTypes.Length - 1]));
        var retryAfter = Gen.Frequency((8, Gen.Const(-1)), (1, Gen.Int[0, RetryAfters.Length - 1]));
        var requestId = Gen.Frequency((8, Gen.Const(-1)), (1, Gen.Int[0, RequestIds.Length - 1]));
        return Gen.Select(
            Gen.Int[0, seeds.Count - 1],
            structural,
            bytes,
            status,
            Gen.Select(contentType, retryAfter, requestId),
            (s, mutations, byteMutations, code, headers) => Build(seeds[s], mutations, byteMutations, code, headers.Item1, headers.Item2, headers.Item3));
    }

    private static FuzzReply Build(FuzzSeed seed, Mutation[] mutations, ByteMutation[] byteMutations, int status, int contentType, int retryAfter, int requestId)
    {
        var applied = new List<string>();
        string text;
        if (seed.IsJson)
        {
            var root = JNode.Parse(seed.Text);
            foreach (var mutation in mutations)
            {
                root = mutation.Apply(root, applied);
            }

            text = root.ToString();
        }
        else
        {
            text = seed.Text;
        }

        var body = Encoding.UTF8.GetBytes(text);
        foreach (var mutation in byteMutations)
        {
            body = mutation.Apply(body, applied);
        }

        return new FuzzReply(
            $"{seed.Name} (HTTP {seed.Status})",
            status == 0 ? seed.Status : status,
            ContentTypes[contentType],
            retryAfter < 0 ? null : RetryAfters[retryAfter],
            requestId < 0 ? null : RequestIds[requestId],
            body,
            applied);
    }

    /// <summary>Any JSON value (and some that are not JSON): scalars mostly, shallow objects and arrays, planted secrets.</summary>
    private static Gen<JNode> Values(IReadOnlyList<string> secrets, string[] names)
    {
        var secretTexts = secrets.SelectMany(secret => new[]
        {
            secret, "Bearer " + secret, "key=" + secret, $"{{\"key\":\"{secret}\"}}", $"invalid key {secret} (request id: {secret})",
            new string('x', 295) + secret, new string('x', 298) + secret, new string('é', 599) + secret, new string('x', 1190) + secret,
        }).ToArray();

        var leaf = Gen.Frequency(
            (4, Gen.OneOf(Numbers).Select(n => (JNode)new JLiteral(n))),
            (1, Gen.Long.Select(n => (JNode)new JLiteral(n.ToString(CultureInfo.InvariantCulture)))),
            (1, Gen.Double.Select(n => (JNode)new JLiteral(n.ToString("R", CultureInfo.InvariantCulture)))),
            (1, Gen.OneOf(NotJsonLiterals).Select(n => (JNode)new JLiteral(n))),
            (4, Gen.OneOf(Strings).Select(s => (JNode)JLiteral.String(s))),
            (1, Gen.Char.AlphaNumeric.Array[0, 24].Select(c => (JNode)JLiteral.String(new string(c)))),
            (1, Gen.OneOf(RawStrings).Select(s => (JNode)new JLiteral(s))),
            (2, Gen.OneOf(secretTexts).Select(s => (JNode)JLiteral.String(s))),
            (2, Gen.OneOf("null", "true", "false").Select(s => (JNode)new JLiteral(s))));

        var name = Gen.OneOf(names);
        var shallowObject = Gen.Select(name, leaf).Array[0, 3].Select(members => (JNode)new JObject(members.Select(m => new JMember(m.Item1, m.Item2))));
        var shallowArray = leaf.Array[0, 3].Select(items => (JNode)new JArray(items));
        var nested = Gen.Frequency((1, shallowObject), (1, shallowArray), (2, leaf));
        var objectOfNested = Gen.Select(name, nested).Array[1, 3].Select(members => (JNode)new JObject(members.Select(m => new JMember(m.Item1, m.Item2))));
        var arrayOfNested = nested.Array[1, 3].Select(items => (JNode)new JArray(items));
        return Gen.Frequency((8, leaf), (2, shallowObject), (2, shallowArray), (1, objectOfNested), (1, arrayOfNested));
    }

    private static Gen<Mutation> Structural(Gen<JNode> value, string[] names) => Gen.Frequency(
        (5, Gen.Select(Target, value, (t, v) => (Mutation)new Replace(t, v))),
        (3, Gen.Select(Target, Gen.OneOf(names), value, Target, (t, n, v, p) => (Mutation)new AddMember(t, n, v, p))),
        (2, Gen.Select(Target, Target, Gen.Bool, value.Null(0.5), (t, m, before, v) => (Mutation)new DuplicateMember(t, m, before, v))),
        (2, Target.Select(t => (Mutation)new Remove(t))),
        (1, Gen.Select(Target, Gen.Int[0, RepeatCounts.Length - 1], Gen.Bool, (t, c, nullItem) => (Mutation)new Repeat(t, RepeatCounts[c], nullItem))),
        (1, Gen.Select(Target, Gen.Int[0, NestingDepths.Length - 1], Gen.Int[0, 4], (t, d, shape) => (Mutation)new Nest(t, NestingDepths[d], shape))));

    private static Gen<ByteMutation> ByteLevel(IReadOnlyList<string> secrets)
    {
        var foreign = new List<string>
        {
            "", " ", "\r\n", "null", "[]", "{}", "\"text\"", "42", "true", "<html><body><h1>502 Bad Gateway</h1></body></html>",
            "Internal Server Error", "\0\0\0\0", "{\"a\":1}{\"b\":2}", "{", "}", "[", ",", "\uFEFF",
        };
        foreach (var secret in secrets)
        {
            foreach (var template in (ReadOnlySpan<string>)["upstream error, key {0}", "<html>Authorization: Bearer {0}</html>", "{{\"error\":\"bad key {0}\"}}", "{{\"message\":\"{0}\",\"code\":1000}}"])
            {
                foreign.Add(string.Format(CultureInfo.InvariantCulture, template, secret));
            }
        }

        var position = Gen.Int[0, int.MaxValue];
        return Gen.Frequency(
            (4, position.Select(p => (ByteMutation)new Truncate(p))),
            (2, Gen.Int[1, 2].Select(n => (ByteMutation)new Bom(n))),
            (3, Gen.Int[0, 4].Select(e => (ByteMutation)new Reencode(e))),
            (3, Gen.Select(position, Gen.Int[0, InvalidUtf8.Length - 1], (p, s) => (ByteMutation)new InsertInvalidUtf8(p, s))),
            (1, Gen.Select(position, Gen.Int[0, 7], (p, bit) => (ByteMutation)new FlipBit(p, bit))),
            (1, position.Select(p => (ByteMutation)new DeleteByte(p))),
            (1, Gen.Select(position, Gen.Int[0, InsertableBytes.Length - 1], (p, b) => (ByteMutation)new InsertByte(p, InsertableBytes[b]))),
            (1, Gen.Int[0, foreign.Count - 1].Select(i => (ByteMutation)new ReplaceBody(foreign[i]))),
            (1, Gen.Int[0, TrailingGarbage.Length - 1].Select(i => (ByteMutation)new Append(TrailingGarbage[i]))));
    }

    private static string Describe(JNode root, JSlot slot) => slot.Parent switch
    {
        null => "the whole body",
        JObject o => $"member \"{Short(o.Members[slot.Index].Name)}\"",
        _ => $"array item [{slot.Index}]",
    } + (slot.Parent is null ? string.Empty : $" (was {Short(slot.Get(root).ToString())})");

    private static IEnumerable<string> MemberNames(JNode node) => node switch
    {
        JObject o => o.Members.SelectMany(m => MemberNames(m.Value).Prepend(m.Name)),
        JArray a => a.Items.SelectMany(MemberNames),
        _ => [],
    };

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "…";

    private abstract record Mutation
    {
        public abstract JNode Apply(JNode root, List<string> applied);
    }

    /// <summary>A type swap (or value change) of any value, the root included.</summary>
    private sealed record Replace(int Target, JNode Value) : Mutation
    {
        public override JNode Apply(JNode root, List<string> applied)
        {
            // Three times in four a scalar (the values readers convert), else any value, the root and containers included.
            var slots = JSlot.All(root);
            var leaves = slots.Where(s => s.Get(root) is JLiteral).ToList();
            var slot = Target % 4 != 0 && leaves.Count > 0 ? leaves[Target / 4 % leaves.Count] : slots[Target / 4 % slots.Count];
            applied.Add($"replace {Describe(root, slot)} with {Short(Value.ToString())}");
            return slot.Set(root, Value);
        }
    }

    /// <summary>An unknown (or known, or duplicate) member added to some object.</summary>
    private sealed record AddMember(int Target, string Name, JNode Value, int Position) : Mutation
    {
        public override JNode Apply(JNode root, List<string> applied)
        {
            var objects = JSlot.All(root).Select(s => s.Get(root)).OfType<JObject>().ToList();
            if (objects.Count == 0)
            {
                return root;
            }

            var target = objects[Target % objects.Count];
            var at = Position % (target.Members.Count + 1);
            target.Members.Insert(at, new JMember(Name, Value));
            applied.Add($"add member \"{Short(Name)}\": {Short(Value.ToString())} at {at} of an object");
            return root;
        }
    }

    /// <summary>A member repeated under the same name, with its own value or another, before or after the original.</summary>
    private sealed record DuplicateMember(int Target, int Member, bool Before, JNode? Value) : Mutation
    {
        public override JNode Apply(JNode root, List<string> applied)
        {
            var objects = JSlot.All(root).Select(s => s.Get(root)).OfType<JObject>().Where(o => o.Members.Count > 0).ToList();
            if (objects.Count == 0)
            {
                return root;
            }

            var target = objects[Target % objects.Count];
            var index = Member % target.Members.Count;
            var original = target.Members[index];
            var copy = new JMember(original.Name, Value ?? original.Value.Clone());
            target.Members.Insert(Before ? index : index + 1, copy);
            applied.Add($"duplicate member \"{Short(original.Name)}\" {(Before ? "before" : "after")} itself, value {Short(copy.Value.ToString())}");
            return root;
        }
    }

    private sealed record Remove(int Target) : Mutation
    {
        public override JNode Apply(JNode root, List<string> applied)
        {
            var slots = JSlot.All(root).Where(s => s.Parent is not null).ToList();
            if (slots.Count == 0)
            {
                return root;
            }

            var slot = slots[Target % slots.Count];
            applied.Add($"remove {Describe(root, slot)}");
            switch (slot.Parent)
            {
                case JObject o:
                    o.Members.RemoveAt(slot.Index);
                    break;
                case JArray a:
                    a.Items.RemoveAt(slot.Index);
                    break;
            }

            return root;
        }
    }

    /// <summary>An array made long: one of its items (or <c>null</c>) repeated.</summary>
    private sealed record Repeat(int Target, int Count, bool NullItem) : Mutation
    {
        public override JNode Apply(JNode root, List<string> applied)
        {
            var arrays = JSlot.All(root).Select(s => s.Get(root)).OfType<JArray>().ToList();
            if (arrays.Count == 0)
            {
                return root;
            }

            var target = arrays[Target % arrays.Count];
            var item = NullItem || target.Items.Count == 0 ? new JLiteral("null") : target.Items[Target % target.Items.Count];
            target.Items.AddRange(Enumerable.Range(0, Count).Select(_ => item.Clone()));
            applied.Add($"append {Count} x {Short(item.ToString())} to an array");
            return root;
        }
    }

    /// <summary>A value replaced by thousands of brackets or braces, balanced or not.</summary>
    private sealed record Nest(int Target, int Depth, int Shape) : Mutation
    {
        public override JNode Apply(JNode root, List<string> applied)
        {
            var slots = JSlot.All(root);
            var slot = slots[Target % slots.Count];
            var (open, inner, close, what) = Shape switch
            {
                0 => ("[", "1", "]", "balanced ["),
                1 => ("[", string.Empty, string.Empty, "unclosed ["),
                2 => ("{\"a\":", "1", "}", "balanced {\"a\":"),
                3 => ("[{\"data\":", "null", "}]", "balanced [{\"data\":"),
                _ => ("{\"a\":[", string.Empty, string.Empty, "unclosed {\"a\":["),
            };
            var text = string.Concat(Enumerable.Repeat(open, Depth)) + inner + string.Concat(Enumerable.Repeat(close, Depth));
            applied.Add($"replace {Describe(root, slot)} with {Depth} x {what}");
            return slot.Set(root, new JLiteral(text));
        }
    }

    private abstract record ByteMutation
    {
        public abstract byte[] Apply(byte[] body, List<string> applied);
    }

    private sealed record Truncate(int Position) : ByteMutation
    {
        public override byte[] Apply(byte[] body, List<string> applied)
        {
            var length = Position % (body.Length + 1);
            applied.Add($"truncate to {length} of {body.Length} bytes");
            return body[..length];
        }
    }

    private sealed record Bom(int Count) : ByteMutation
    {
        public override byte[] Apply(byte[] body, List<string> applied)
        {
            applied.Add(Count == 1 ? "prefix a UTF-8 BOM" : $"prefix {Count} UTF-8 BOMs");
            return [.. Enumerable.Repeat<byte[]>([0xEF, 0xBB, 0xBF], Count).SelectMany(b => b), .. body];
        }
    }

    /// <summary>The body's text in another encoding: UTF-16 LE/BE (with a BOM or not), UTF-32 LE, Latin-1.</summary>
    private sealed record Reencode(int Encoding) : ByteMutation
    {
        public override byte[] Apply(byte[] body, List<string> applied)
        {
            var text = System.Text.Encoding.UTF8.GetString(body);
            var (encoding, bom, name) = Encoding switch
            {
                0 => (System.Text.Encoding.Unicode, true, "UTF-16 LE with BOM"),
                1 => (System.Text.Encoding.Unicode, false, "UTF-16 LE without BOM"),
                2 => (System.Text.Encoding.BigEndianUnicode, true, "UTF-16 BE with BOM"),
                3 => (System.Text.Encoding.UTF32, true, "UTF-32 LE with BOM"),
                _ => (System.Text.Encoding.Latin1, false, "Latin-1"),
            };
            applied.Add($"re-encode as {name}");
            var bytes = encoding.GetBytes(text);
            return bom ? [.. encoding.GetPreamble(), .. bytes] : bytes;
        }
    }

    /// <summary>Bytes that are not UTF-8, mostly right after a quote (inside a string), else anywhere.</summary>
    private sealed record InsertInvalidUtf8(int Position, int Sequence) : ByteMutation
    {
        public override byte[] Apply(byte[] body, List<string> applied)
        {
            var quotes = new List<int>();
            for (var i = 0; i < body.Length; i++)
            {
                if (body[i] == (byte)'"')
                {
                    quotes.Add(i + 1);
                }
            }

            var choice = Position % (quotes.Count + 1);
            var at = choice < quotes.Count ? quotes[choice] : Position % (body.Length + 1);
            var bytes = InvalidUtf8[Sequence];
            applied.Add($"insert invalid UTF-8 {FuzzReply.Printable(bytes)} at byte {at}");
            return [.. body[..at], .. bytes, .. body[at..]];
        }
    }

    private sealed record FlipBit(int Position, int Bit) : ByteMutation
    {
        public override byte[] Apply(byte[] body, List<string> applied)
        {
            if (body.Length == 0)
            {
                return body;
            }

            var at = Position % body.Length;
            var copy = body.ToArray();
            copy[at] ^= (byte)(1 << Bit);
            applied.Add($"flip bit {Bit} of byte {at}");
            return copy;
        }
    }

    private sealed record DeleteByte(int Position) : ByteMutation
    {
        public override byte[] Apply(byte[] body, List<string> applied)
        {
            if (body.Length == 0)
            {
                return body;
            }

            var at = Position % body.Length;
            applied.Add($"delete byte {at}");
            return [.. body[..at], .. body[(at + 1)..]];
        }
    }

    private sealed record InsertByte(int Position, byte Value) : ByteMutation
    {
        public override byte[] Apply(byte[] body, List<string> applied)
        {
            var at = Position % (body.Length + 1);
            applied.Add($"insert byte {FuzzReply.Printable([Value])} at {at}");
            return [.. body[..at], Value, .. body[at..]];
        }
    }

    /// <summary>Not the vendor's body at all: empty, a proxy's HTML page, a bare scalar, text naming the key.</summary>
    private sealed record ReplaceBody(string Text) : ByteMutation
    {
        public override byte[] Apply(byte[] body, List<string> applied)
        {
            applied.Add($"replace the body with \"{Short(Text)}\"");
            return System.Text.Encoding.UTF8.GetBytes(Text);
        }
    }

    private sealed record Append(string Text) : ByteMutation
    {
        public override byte[] Apply(byte[] body, List<string> applied)
        {
            applied.Add($"append \"{FuzzReply.Printable(System.Text.Encoding.UTF8.GetBytes(Text))}\"");
            return [.. body, .. System.Text.Encoding.UTF8.GetBytes(Text)];
        }
    }

    /// <summary>Checks that every seed is what it says: JSON when marked so (a broken seed would only fuzz the JSON reader).</summary>
    public static void AssertSeedsParse(IReadOnlyList<FuzzSeed> seeds)
    {
        foreach (var seed in seeds.Where(s => s.IsJson))
        {
            try
            {
                using var _ = JsonDocument.Parse(seed.Text);
            }
            catch (JsonException ex)
            {
                throw new InvalidOperationException($"Seed {seed.Name} is not JSON: {ex.Message}", ex);
            }
        }
    }
}
