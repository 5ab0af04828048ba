namespace MotionControl.Media;

/// <summary>One local media field of a request body: the placeholder standing in the DTO's JSON, and what replaces it.</summary>
/// <param name="Placeholder">The unique string the DTO carries in the field (JSON-safe, never escaped by the serializer).</param>
/// <param name="Source">The local media.</param>
/// <param name="Encoding"><see cref="MediaTransport.RawBase64"/> or <see cref="MediaTransport.DataUri"/>.</param>
/// <param name="ContentType">The MIME type a data URI names, for example <c>video/mp4</c>.</param>
internal sealed record MediaPayload(string Placeholder, MediaSource Source, MediaTransport Encoding, string ContentType)
{
    /// <summary>The bytes written before the Base64: <c>data:video/mp4;base64,</c>, or nothing for raw Base64.</summary>
    public byte[] Prefix { get; } = Encoding == MediaTransport.DataUri
        ? System.Text.Encoding.ASCII.GetBytes($"data:{ContentType};base64,")
        : [];
}
