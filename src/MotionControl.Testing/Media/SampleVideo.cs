namespace MotionControl.Testing;

/// <summary>The result video every emulated task returns: a 1 s, 64x64 H.264 MP4 of about 2 KB, embedded in this assembly.</summary>
internal static class SampleVideo
{
    private const string ResourceName = "MotionControl.Testing.Media.sample.mp4";

    private static readonly Lazy<byte[]> Content = new(Load);

    public static ReadOnlyMemory<byte> Bytes => Content.Value;

    private static byte[] Load()
    {
        using var stream = typeof(SampleVideo).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(SampleVideo).Assembly.GetName().Name}.");
        using var copy = new MemoryStream((int)stream.Length);
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
