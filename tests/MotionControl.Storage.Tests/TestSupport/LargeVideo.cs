using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MotionControl.Storage.Tests.TestSupport;

/// <summary>
/// A valid MP4 of a chosen size, made at test time in a temporary folder (deleted on dispose): the small moov-first fixture
/// (3.5 s, 640x360) with its final <c>mdat</c> grown by pseudo-random bytes, so probing and validation see a real video
/// and a byte-for-byte comparison catches any offset or truncation.
/// </summary>
internal sealed class LargeVideo : IDisposable
{
    private LargeVideo(string path, byte[] sha256)
    {
        Path = path;
        Sha256 = sha256;
    }

    public string Path { get; }

    public byte[] Sha256 { get; }

    public long Length => new FileInfo(Path).Length;

    public static string Fixture(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static LargeVideo Create(long totalBytes)
    {
        var source = File.ReadAllBytes(Fixture("moov_first.mp4"));
        var lastBox = 0;
        for (var at = 0; at + 8 <= source.Length;)
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(source.AsSpan(at));
            lastBox = at;
            at += size;
        }

        if (System.Text.Encoding.ASCII.GetString(source, lastBox + 4, 4) != "mdat")
        {
            throw new InvalidDataException("the fixture's last box is not mdat");
        }

        var growth = totalBytes - source.Length;
        var header = source.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(lastBox), checked((uint)(source.Length - lastBox + growth)));
        var folder = Directory.CreateTempSubdirectory("mc-large-video-").FullName;
        var path = System.IO.Path.Combine(folder, "dance-large.mp4");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(header);
            hash.AppendData(header);
            var random = new Random(20);
            var chunk = new byte[1 << 20];
            for (var left = growth; left > 0; left -= chunk.Length)
            {
                var part = chunk.AsSpan(0, (int)Math.Min(chunk.Length, left));
                random.NextBytes(part);
                file.Write(part);
                hash.AppendData(part);
            }
        }

        return new LargeVideo(path, hash.GetHashAndReset());
    }

    public void Dispose() => Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
}
