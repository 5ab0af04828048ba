using System.Globalization;

namespace MotionControl;

/// <summary>
/// A reusable character ("element") bound to a generation: an element the vendor already holds, named by its id
/// (<see cref="FromId"/>; Kling's legacy contract takes numeric ids, Kling API 2.0 string ids and a reference the prompt can
/// use), or, for vendors that build the element from pictures, a frontal image and up to three references
/// (<see cref="FromImages"/>).
/// </summary>
public sealed record MotionControlElement
{
    /// <summary>The most reference images beside the frontal one: 3.</summary>
    public const int MaxReferenceImages = 3;

    private MotionControlElement(string? id, string? promptReference, MediaSource? frontalImage, IReadOnlyList<MediaSource> referenceImages)
    {
        Id = id;
        PromptReference = promptReference;
        FrontalImage = frontalImage;
        ReferenceImages = referenceImages;
    }

    /// <summary>The vendor's element id; <see langword="null"/> for an element given by its images.</summary>
    public string? Id { get; }

    /// <summary>The frontal picture of an element given by its images; <see langword="null"/> for one given by id.</summary>
    public MediaSource? FrontalImage { get; }

    /// <summary>The other pictures of an element given by its images (up to <see cref="MaxReferenceImages"/>); empty otherwise.</summary>
    public IReadOnlyList<MediaSource> ReferenceImages { get; }

    /// <summary>True when the element is given by its images rather than by an id.</summary>
    public bool IsFromImages => FrontalImage is not null;

    /// <summary>
    /// The name the prompt uses for this element (Kling API 2.0's <c>contents[].id</c>, unique within the task);
    /// <see langword="null"/> lets the SDK send <c>element_1</c>.
    /// </summary>
    public string? PromptReference { get; }

    /// <summary>The id as a number, for contracts that take numeric ids (Kling's legacy one); <see langword="null"/> when it is not one.</summary>
    public long? NumericId => Id is not null && long.TryParse(Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

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

        return new MotionControlElement(elementId, promptReference, null, []);
    }

    /// <summary>An element built from pictures of the character, for vendors that take them (not Kling's own API, which takes ids).</summary>
    /// <param name="frontalImage">A frontal picture of the character.</param>
    /// <param name="referenceImages">Up to <see cref="MaxReferenceImages"/> more pictures (other angles).</param>
    /// <returns>The element.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="frontalImage"/> or a reference is null.</exception>
    /// <exception cref="ArgumentException">More than <see cref="MaxReferenceImages"/> references.</exception>
    public static MotionControlElement FromImages(MediaSource frontalImage, params MediaSource[] referenceImages)
    {
        ArgumentNullException.ThrowIfNull(frontalImage);
        ArgumentNullException.ThrowIfNull(referenceImages);
        if (referenceImages.Length > MaxReferenceImages)
        {
            throw new ArgumentException($"An element takes at most {MaxReferenceImages} reference images beside the frontal one; {referenceImages.Length} were given.", nameof(referenceImages));
        }

        foreach (var reference in referenceImages)
        {
            ArgumentNullException.ThrowIfNull(reference, nameof(referenceImages));
        }

        return new MotionControlElement(null, null, frontalImage, [.. referenceImages]);
    }

    /// <summary>The element id (and the prompt reference when there is one), or how many pictures it is built from.</summary>
    /// <returns>For example <c>element 829836802793406551</c> or <c>element from 3 images</c>.</returns>
    public override string ToString() =>
        IsFromImages ? $"element from {1 + ReferenceImages.Count} images"
        : PromptReference is null ? $"element {Id}" : $"element {Id} ({PromptReference})";
}
