using System.Net;

namespace MotionControl.ContractTests.Fuzzing;

/// <summary>
/// A reply larger than the SDK's limit (8 MiB, <c>VendorTransportSettings.MaxResponseBytes</c>) is refused with a
/// <see cref="MotionControlProtocolException"/> without being read whole: each endpoint, through each surface, is served
/// a 64 MiB body from a stream that counts the bytes it hands out, with a true Content-Length, with none, and with one
/// that understates the body.
/// </summary>
public sealed class OversizedReplyTests
{
    private const long Limit = 8L * 1024 * 1024;
    private const long Served = 64L * 1024 * 1024;

    /// <summary>The limit plus the read that crosses it, at most (the transport reads into its buffer in chunks).</summary>
    private const long MostRead = (long)(8.1 * 1024 * 1024);

    public enum Length
    {
        /// <summary>Content-Length: 64 MiB (refused before a byte is read).</summary>
        Declared,

        /// <summary>No Content-Length (chunked): read until past the limit.</summary>
        Absent,

        /// <summary>Content-Length: 1 KiB while 64 MiB follow: read until past the limit, not trusted.</summary>
        Understated,
    }

    public static TheoryData<string, string, Length> Cases()
    {
        var data = new TheoryData<string, string, Length>();
        foreach (var (vendor, endpoint) in FuzzTargets.All)
        {
            foreach (var length in Enum.GetValues<Length>())
            {
                data.Add(vendor, endpoint, length);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_64_MiB_reply_is_refused_after_at_most_the_limit_is_read(string vendor, string endpoint, Length length)
    {
        var streams = new List<CountingStream>();
        using var handler = new InMemoryReplies(request =>
        {
            var stream = new CountingStream(Served);
            streams.Add(stream);
            var content = new StreamContent(stream);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            content.Headers.ContentLength = length switch
            {
                Length.Declared => Served,
                Length.Understated => 1024,
                _ => null,
            };
            return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = content };
        });
        using var http = new HttpClient(handler, disposeHandler: false);
        var target = FuzzTargets.Get(vendor, endpoint);
        var (client, calls) = target.Connect(http);
        using (client)
        {
            foreach (var call in calls)
            {
                streams.Clear();
                var error = await Assert.ThrowsAnyAsync<MotionControlException>(call.Run);

                // A read is refused as unreadable; a create the same, reported as an unknown outcome (it may exist).
                var chain = Chain(error).ToList();
                var refusal = chain.OfType<MotionControlProtocolException>().FirstOrDefault();
                Assert.True(refusal is not null, $"{call.Surface}: no MotionControlProtocolException in {string.Join(" <- ", chain.Select(e => e.GetType().Name))}");
                Assert.Contains($"larger than {Limit} bytes", refusal.Message, StringComparison.Ordinal);
                Assert.True(
                    error is MotionControlProtocolException || (endpoint == "create" && error is MotionControlSubmissionOutcomeUnknownException),
                    $"{call.Surface}: {error.GetType().Name}: {error.Message}");

                Assert.NotEmpty(streams);
                foreach (var stream in streams)
                {
                    Assert.True(stream.BytesRead < MostRead, $"{call.Surface} read {stream.BytesRead} bytes of a {Served}-byte reply ({length} Content-Length).");
                    if (length == Length.Declared)
                    {
                        Assert.Equal(0, stream.BytesRead);
                    }
                }
            }
        }
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (var e = (Exception?)error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    /// <summary>A non-seekable body of <c>length</c> bytes (<c>{"data":"xxx…</c>), made as it is read, counting what it hands out.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        private static readonly byte[] Prefix = "{\"data\":\""u8.ToArray();

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = (int)Math.Min(buffer.Length, length - BytesRead);
            buffer[..count].Fill((byte)'x');
            if (BytesRead < Prefix.Length)
            {
                var head = Prefix.AsSpan((int)BytesRead);
                head[..Math.Min(head.Length, count)].CopyTo(buffer);
            }

            BytesRead += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
