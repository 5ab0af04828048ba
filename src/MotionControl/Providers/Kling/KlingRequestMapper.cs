namespace MotionControl.Providers.Kling;

/// <summary>Turns a neutral submission into Kling's legacy create body (also PowerTokens').</summary>
internal static class KlingRequestMapper
{
    public static KlingMotionControlRequest ToWire(SubmissionContext submission)
    {
        var request = submission.Request;
        return new KlingMotionControlRequest
        {
            ModelName = submission.Model,
            Prompt = request.Prompt,
            ImageUrl = submission.ImageValue,
            VideoUrl = submission.VideoValue,
            KeepOriginalSound = request.KeepOriginalSound switch
            {
                true => "yes",
                false => "no",
                null => null,
            },
            CharacterOrientation = submission.OrientationWire,

            // Kling requires a mode and documents no default: "std" is the cheaper one.
            Mode = request.Mode == GenerationMode.Pro ? "pro" : "std",
            ElementList = request.Element?.NumericId is { } elementId ? [new KlingElement { ElementId = elementId }] : null,
            WatermarkInfo = request.Watermark is { } watermark ? new KlingWatermarkInfo { Enabled = watermark } : null,
            CallbackUrl = request.CallbackUrl?.AbsoluteUri,
            ExternalTaskId = submission.ExternalTaskId,
        };
    }

    /// <summary>The UTF-8 JSON body, with the request's additional properties merged in.</summary>
    public static byte[] ToBody(SubmissionContext submission) =>
        WireBody.Serialize(ToWire(submission), KlingJsonContext.Default.KlingMotionControlRequest, submission.Request.AdditionalProperties);
}
