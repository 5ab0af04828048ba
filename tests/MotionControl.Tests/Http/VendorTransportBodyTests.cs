using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using MotionControl.Diagnostics;
using MotionControl.Http;

namespace MotionControl.Tests.Http;

/// <summary>How the transport reads a reply body: whole, exact, and never past <see cref="VendorTransportSettings.MaxResponseBytes"/>.</summary>
public class VendorTransportBodyTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(335, true)]
    [InlineData(70_000, true)]
    [InlineData(0, false)]
    [InlineData(335, false)]
    [InlineData(4096, false)]
    [InlineData(4097, false)]
    [InlineData(70_000, false)]
    public async Task The_body_is_read_whole_and_exact_with_or_without_a_content_length(int size, bool declared)
    {
        var body = Bytes(size);
        var transport = Transport(() => new PieceContent(body, declared, pieceSize: 1000));

        var read = await transport.SendAsync(Get(), static r => r.Body.ToArray(), CancellationToken.None);

        Assert.Equal(body, read);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(335, true)]
    [InlineData(70_000, true)]
    [InlineData(0, false)]
    [InlineData(335, false)]
    [InlineData(4096, false)]
    [InlineData(4097, false)]
    [InlineData(70_000, false)]
    public async Task A_pooled_reply_is_read_whole_and_exact_with_or_without_a_content_length(int size, bool declared)
    {
        var body = Bytes(size);
        var transport = Transport(() => new PieceContent(body, declared, pieceSize: 1000));

        // Twice, so the second read may land in the buffer the first gave back.
        for (var i = 0; i < 2; i++)
        {
            var read = await transport.SendAsync(Get(pooled: true), static r => r.Body.ToArray(), CancellationToken.None);
            Assert.Equal(body, read);
        }
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public async Task A_body_at_the_limit_is_read(bool declared, bool pooled)
    {
        var body = Bytes(1000);
        var transport = Transport(() => new PieceContent(body, declared, pieceSize: 300), maxResponseBytes: 1000);

        Assert.Equal(body, await transport.SendAsync(Get(pooled), static r => r.Body.ToArray(), CancellationToken.None));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public async Task A_body_past_the_limit_is_a_protocol_error_and_is_not_read_further(bool declared, bool pooled)
    {
        var content = new PieceContent(Bytes(100_000), declared, pieceSize: 300);
        var transport = Transport(() => content, maxResponseBytes: 1000);

        var error = await Assert.ThrowsAsync<MotionControlProtocolException>(() => transport.SendAsync(Get(pooled), static r => r.Body.Length, CancellationToken.None));

        Assert.Contains("larger than 1000 bytes", error.Message, StringComparison.Ordinal);
        Assert.True(content.BytesServed <= 1300, $"{content.BytesServed} bytes were read");
    }

    private static VendorCall<ITestRoutes> Get(bool pooled = false) => TestTransport.Get() with { PooledReply = pooled };

    private static byte[] Bytes(int size)
    {
        var bytes = new byte[size];
        for (var i = 0; i < size; i++)
        {
            bytes[i] = (byte)('a' + (i % 26));
        }

        return bytes;
    }

    private static VendorTransport<ITestRoutes> Transport(Func<HttpContent> reply, int maxResponseBytes = 8 * 1024 * 1024)
    {
        return TestTransport.Create(new ReplyHandler(reply), new VendorTransportSettings
        {
            ProviderName = "test",
            Authenticator = NoAuthenticator.Instance,
            BaseAddress = new Uri("http://vendor.test/"),
            Redactor = SecretRedactor.PatternsOnly,
            Logger = NullLogger.Instance,
            MaxRetryAttempts = 0,
            MaxResponseBytes = maxResponseBytes,
        });
    }

    private sealed class ReplyHandler(Func<HttpContent> reply) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = reply(), RequestMessage = request });
    }

    /// <summary>A body served in small pieces, with or without a Content-Length (like a chunked reply).</summary>
    private sealed class PieceContent(byte[] body, bool declared, int pieceSize) : HttpContent
    {
        public int BytesServed { get; private set; }

        private int NextPiece(Span<byte> buffer)
        {
            var n = Math.Min(Math.Min(buffer.Length, pieceSize), body.Length - BytesServed);
            body.AsSpan(BytesServed, n).CopyTo(buffer);
            BytesServed += n;
            return n;
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            throw new NotSupportedException();

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new PieceStream(this));

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return declared;
        }

        private sealed class PieceStream(PieceContent owner) : Stream
        {
            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

            public override int Read(Span<byte> buffer) => owner.NextPiece(buffer);

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
                ValueTask.FromResult(Read(buffer.Span));

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
