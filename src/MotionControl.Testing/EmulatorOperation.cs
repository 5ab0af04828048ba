namespace MotionControl.Testing;

/// <summary>The kind of call a request is, for faults, call numbers and the request log.</summary>
public enum EmulatorOperation
{
    /// <summary>Create a task (every vendor's POST; Kling API 2.0 <c>POST /motion-control/kling-3.0|kling-2.6</c>; Kling's element create <c>POST /v1/general/advanced-custom-elements</c>).</summary>
    Create,

    /// <summary>Read one task by GET (Kling, PowerTokens, AIMLAPI, Vydra; Kling's element task <c>GET /v1/general/advanced-custom-elements/{id}</c>), or a batch by Kling API 2.0 <c>GET /tasks?task_ids=…</c> (a poll of each task found). A poll.</summary>
    Get,

    /// <summary>List tasks (Kling <c>GET /v1/videos/motion-control</c>, Kling API 2.0 <c>POST /tasks</c>, Vydra <c>GET /api/v1/jobs</c>), or Kling's custom and preset elements (<c>GET /v1/general/advanced-custom-elements</c>, <c>GET /v1/general/advanced-presets-elements</c>).</summary>
    List,

    /// <summary>Read one task by ModelsLab's <c>POST /api/v7/video-fusion/fetch/{id}</c>. A poll.</summary>
    Fetch,

    /// <summary>Cancel a task (Vydra <c>DELETE /api/v1/jobs/{id}</c>, Replicate <c>POST /v1/predictions/{id}/cancel</c>).</summary>
    Cancel,

    /// <summary>Download a result video (<c>/files/videos/...</c>), a synthetic blob (<c>/files/blob</c>), or a file uploaded to Replicate (<c>GET /v1/files/{id}/download</c>).</summary>
    Download,

    /// <summary>Delete a Kling custom element (<c>POST /v1/general/delete-advanced-elements</c>).</summary>
    Delete,

    /// <summary>Read the account's balance (Vydra's organization, ModelsLab's wallet, AIMLAPI's billing, Kling's resource packs and deduction ledgers, fal's billing).</summary>
    Balance,

    /// <summary>Upload a file to the vendor's storage (Replicate's files API <c>POST /v1/files</c>; fal's <c>POST /storage/upload/initiate</c> and the pre-signed PUT it hands out).</summary>
    Upload,
}
