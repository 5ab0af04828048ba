namespace MotionControl.Providers.Kling;

/// <summary>Which of Kling's two motion-control contracts a <see cref="KlingClient"/> speaks.</summary>
public enum KlingApiVersion
{
    /// <summary>
    /// The legacy contract (<c>POST /v1/videos/motion-control</c> with <c>model_name</c>, <c>mode</c> std/pro, numeric
    /// element ids, images up to 10 MB). Authenticates with an API key or with an access key and secret key. The default.
    /// </summary>
    V1 = 0,

    /// <summary>
    /// Kling API 2.0 (<c>POST /motion-control/kling-3.0</c> or <c>/motion-control/kling-2.6</c>, <c>contents[]</c>,
    /// <c>settings.resolution</c> 720p/1080p, string element ids, images up to 50 MB, batch status reads, a cursor list
    /// filtered by Kling, and the charge on every task). API key only.
    /// </summary>
    V2 = 1,
}
