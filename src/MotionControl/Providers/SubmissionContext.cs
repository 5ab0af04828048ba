namespace MotionControl.Providers;

/// <summary>
/// A validated request ready for a vendor's create call: the media already turned into what the vendor accepts, the
/// model chosen, and the client id that makes a lost reply recoverable. A value (made once per submission and passed
/// down as it is), so a submission allocates no object for it.
/// </summary>
internal readonly struct SubmissionContext
{
    public required MotionControlRequest Request { get; init; }

    /// <summary>The model to send (the request's, else the client's, else the vendor's default).</summary>
    public required string Model { get; init; }

    /// <summary>The client id sent with the create (the caller's, or one the SDK generated); null where the vendor has none.</summary>
    public string? ExternalTaskId { get; init; }

    /// <summary>The value of the image field: a URL, or a placeholder that <see cref="CreateJsonContent"/> replaces with streamed Base64.</summary>
    public required string ImageValue { get; init; }

    /// <summary>The value of the video field, like <see cref="ImageValue"/>.</summary>
    public required string VideoValue { get; init; }

    /// <summary>Builds the body for one attempt from the vendor DTO's UTF-8 JSON, streaming any local media into it.</summary>
    public required Func<ReadOnlyMemory<byte>, HttpContent> CreateJsonContent { get; init; }

    /// <summary>The orientation word every vendor uses on the wire.</summary>
    public string OrientationWire => Request.CharacterOrientation == CharacterOrientation.Image ? "image" : "video";
}
