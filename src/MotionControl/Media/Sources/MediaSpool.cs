using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace MotionControl.Media;

/// <summary>
/// A temporary file holding a copy of a caller's non-seekable stream, so the SDK can probe its headers, send it, and
/// send it again on a retry, although the caller's stream can be read only once. The copy is taken on first use, in
/// 80 KiB pieces (never held in memory), up to <see cref="MediaReadLimits.MaxSpoolBytes"/>.
/// </summary>
/// <remarks>
/// The file never outlives the process: on Unix its name is removed as soon as it is created (the open handle keeps
/// the data), and on Windows it is opened delete-on-close. Disposing the spool (or finalizing its handle when the source
/// is simply dropped) frees the space. Readers share the one handle through positional reads, each with its own position.
/// </remarks>
internal sealed class MediaSpool : IDisposable
{
    private const int CopyBufferBytes = 80 * 1024;

    private readonly SafeFileHandle _handle;

    private MediaSpool(SafeFileHandle handle, string path, long length, bool overflowed)
    {
        _handle = handle;
        FilePath = path;
        Length = length;
        Overflowed = overflowed;
    }

    /// <summary>The temporary file's path (already unlinked on Unix).</summary>
    public string FilePath { get; }

    /// <summary>How many bytes were copied.</summary>
    public long Length { get; }

    /// <summary>True when the stream was longer than the limit; the copy is then incomplete and cannot be sent.</summary>
    public bool Overflowed { get; }

    /// <summary>Copies <paramref name="source"/> from its current position to its end (or the limit) into a new temporary file.</summary>
    public static async Task<MediaSpool> CreateAsync(Stream source, long limit, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"motioncontrol-{Guid.NewGuid():N}.spool");
        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        if (!OperatingSystem.IsWindows())
        {
            File.Delete(path);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferBytes);
        try
        {
            long length = 0;
            var overflowed = false;
            while (true)
            {
                var read = await source.ReadAsync(buffer.AsMemory(0, CopyBufferBytes), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                if (length + read > limit)
                {
                    overflowed = true;
                    break;
                }

                await RandomAccess.WriteAsync(handle, buffer.AsMemory(0, read), length, cancellationToken).ConfigureAwait(false);
                length += read;
            }

            return new MediaSpool(handle, path, length, overflowed);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A new read-only stream over the copy, positioned at its start; disposing it leaves the spool open.</summary>
    public Stream OpenRead() => new MediaSpoolStream(_handle, Length);

    public void Dispose() => _handle.Dispose();
}
