using System.Text.Json;

namespace MotionControl.Serialization;

/// <summary>
/// A vendor reply's JSON kept as its UTF-8 bytes and parsed into a <see cref="JsonElement"/> the first time it is asked
/// for (<see cref="MotionControlTask.Raw"/>): the SDK reads its own DTOs straight from the bytes, so a caller who never
/// looks at <c>Raw</c> never pays for a second parse. Thread-safe; parsed at most once; the bytes are never exposed and
/// are released once parsed (the element owns its own copy, so it stays valid for as long as it is kept).
/// </summary>
internal sealed class LazyJson
{
    private readonly LazyJson? _parent;
    private readonly string? _property;
    private readonly int _index = -1;
    private ReadOnlyMemory<byte> _utf8;
    private JsonElement _element;
    private volatile bool _parsed;

    /// <summary>Keeps <paramref name="utf8"/> (owned by the caller no more: it must never change) to parse on first use.</summary>
    /// <param name="utf8">One complete JSON value.</param>
    public LazyJson(ReadOnlyMemory<byte> utf8)
    {
        _utf8 = utf8;
    }

    private LazyJson(LazyJson parent, string? property, int index)
    {
        _parent = parent;
        _property = property;
        _index = index;
    }

    private LazyJson(JsonElement element)
    {
        _element = element;
        _parsed = true;
    }

    /// <summary>How many times the bytes have been parsed (0 or 1), for tests.</summary>
    internal int ParseCount { get; private set; }

    /// <summary>True once <see cref="Element"/> has been read.</summary>
    internal bool IsParsed => _parsed;

    /// <summary>The JSON, parsed on first access.</summary>
    /// <exception cref="JsonException">The bytes are not one JSON value (the SDK only keeps bytes it has already read as JSON).</exception>
    public JsonElement Element
    {
        get
        {
            if (!_parsed)
            {
                Parse();
            }

            return _element;
        }
    }

    /// <summary>Wraps an element that is already parsed (a task built with <c>Raw = element</c>).</summary>
    /// <param name="element">The element.</param>
    /// <returns>A holder that returns <paramref name="element"/>.</returns>
    public static LazyJson FromElement(JsonElement element) => new(element);

    /// <summary>
    /// A part of <paramref name="parent"/>: its property <paramref name="property"/>, or item <paramref name="index"/> of
    /// that array. Parsed when first read, through the parent, which is parsed once for all its parts (the task inside
    /// Kling's envelope, one job of a list page).
    /// </summary>
    /// <param name="parent">The whole reply.</param>
    /// <param name="property">A top-level property of the reply.</param>
    /// <param name="index">An index into that property's array, or -1 for the property itself.</param>
    /// <returns>A holder of the part.</returns>
    public static LazyJson Part(LazyJson parent, string property, int index = -1) => new(parent, property, index);

    /// <summary>An item of the array <paramref name="parent"/> holds, parsed only with it.</summary>
    /// <param name="parent">The JSON of an array.</param>
    /// <param name="index">The item's index.</param>
    /// <returns>The item's holder.</returns>
    public static LazyJson Item(LazyJson parent, int index) => new(parent, null, index);

    /// <summary>
    /// The same JSON as before lazy parsing: the same parsed element (same document, same position). A holder not yet
    /// parsed equals only itself, since its element, once parsed, will belong to a new document; so this never parses.
    /// </summary>
    /// <param name="obj">The other holder.</param>
    /// <returns>True when both hold the same element.</returns>
    public override bool Equals(object? obj) =>
        ReferenceEquals(this, obj)
        || (obj is LazyJson other && _parsed && other._parsed && EqualityComparer<JsonElement>.Default.Equals(_element, other._element));

    /// <summary>Constant: equal holders may be told apart only by parsing, which a hash code must not cause.</summary>
    /// <returns>Zero.</returns>
    public override int GetHashCode() => 0;

    private void Parse()
    {
        lock (this)
        {
            if (_parsed)
            {
                return;
            }

            if (_parent is not null)
            {
                var part = _property is null ? _parent.Element : _parent.Element.GetProperty(_property);
                _element = _index >= 0 ? part[_index] : part;
            }
            else
            {
                var reader = new Utf8JsonReader(_utf8.Span);
                _element = JsonElement.ParseValue(ref reader);
            }

            ParseCount++;
            _utf8 = default;
            _parsed = true;
        }
    }
}
