using System.Globalization;

namespace MotionControl;

/// <summary>
/// A reusable character ("element") bound to a generation: an element the vendor already holds, named by its id. Kling's
/// legacy contract takes numeric ids; Kling API 2.0 takes string ids and a reference the prompt can use.
/// </summary>
public sealed record MotionControlElement
{
    private MotionControlElement(string id, string? promptReference)
    {
        Id = id;
        PromptReference = promptReference;
    }

    /// <summary>The vendor's element id.</summary>
    public string Id { get; }

    /// <summary>
    /// The name the prompt uses for this element (Kling API 2.0's <c>contents[].id</c>, unique within the task);
    /// <see langword="null"/> lets the SDK send <c>element_1</c>.
    /// </summary>
    public string? PromptReference { get; }

    /// <summary>The id as a number, for contracts that take numeric ids (Kling's legacy one); <see langword="null"/> when it is not one.</summary>
    public long? NumericId => long.TryParse(Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>An element the vendor holds (from Kling's element API, or a preset).</summary>
    /// <param name="elementId">The vendor's element id.</param>
    /// <param name="promptReference">The name the prompt uses for it (Kling API 2.0), or <see langword="null"/>.</param>
    /// <returns>The element.</returns>
    /// <exception cref="ArgumentException"><paramref name="elementId"/> is empty, or <paramref name="promptReference"/> is empty but not null.</exception>
    public static MotionControlElement FromId(string elementId, string? promptReference = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(elementId);
        if (promptReference is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(promptReference);
        }

        return new MotionControlElement(elementId, promptReference);
    }

    /// <summary>The element id, and the prompt reference when there is one.</summary>
    /// <returns>For example <c>element 829836802793406551</c>.</returns>
    public override string ToString() => PromptReference is null ? $"element {Id}" : $"element {Id} ({PromptReference})";
}
