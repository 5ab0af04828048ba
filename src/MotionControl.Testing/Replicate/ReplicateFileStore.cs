using System.Collections.Concurrent;

namespace MotionControl.Testing;

/// <summary>A file stored through Replicate's files API.</summary>
internal sealed record ReplicateStoredFile(string Id, string Account, string Name, string ContentType, byte[] Content, DateTimeOffset CreatedAt);

/// <summary>The files uploaded to the emulated Replicate, by id (each visible to the account that uploaded it). Thread-safe.</summary>
internal sealed class ReplicateFileStore
{
    private readonly ConcurrentDictionary<string, ReplicateStoredFile> _files = new(StringComparer.Ordinal);

    public void Add(ReplicateStoredFile file) => _files[file.Id] = file;

    public ReplicateStoredFile? Find(string id, string? account) =>
        _files.TryGetValue(id, out var file) && (account is null || file.Account == account) ? file : null;

    public void Clear() => _files.Clear();
}
