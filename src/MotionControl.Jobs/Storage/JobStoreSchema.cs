namespace MotionControl.Jobs.Storage;

/// <summary>The journal's schema version, the same for every store; each store migrates step by step up to it.</summary>
internal static class JobStoreSchema
{
    /// <summary>Version 1: the jobs table (unique idempotency key) and the governor table.</summary>
    public const int Version = 1;
}
