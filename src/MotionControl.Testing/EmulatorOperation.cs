namespace MotionControl.Testing;

/// <summary>The kind of call a request is, for faults, call numbers and the request log.</summary>
public enum EmulatorOperation
{
    /// <summary>Create a task (every vendor's POST).</summary>
    Create,

    /// <summary>Read one task by GET (Kling, PowerTokens, AIMLAPI, Vydra). A poll.</summary>
    Get,

    /// <summary>List tasks (Kling <c>GET /v1/videos/motion-control</c>, Vydra <c>GET /api/v1/jobs</c>).</summary>
    List,

    /// <summary>Read one task by ModelsLab's <c>POST /api/v7/video-fusion/fetch/{id}</c>. A poll.</summary>
    Fetch,

    /// <summary>Cancel a task (Vydra <c>DELETE /api/v1/jobs/{id}</c>).</summary>
    Cancel,

    /// <summary>Download a result video (<c>/files/videos/...</c>) or a synthetic blob (<c>/files/blob</c>).</summary>
    Download,
}
