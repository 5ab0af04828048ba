using System.Net;

namespace MotionControl.Storage.Tests.TestSupport;

/// <summary>
/// Sits in a storage SDK's HTTP pipeline (real sockets to the real local server) and records how much of the source had
/// been read when the first request body byte went out: proof that the upload streams rather than reading the whole
/// source first. Also records each request's method and body length.
/// </summary>
internal sealed class FirstBodyByteHandler(Func<long> sourceBytesRead) : DelegatingHandler(TestCertificates.Handler())
{
    private long _sourceReadAtFirstBodyByte = -1;

    /// <summary>The source's bytes read when the first body byte was written; -1 if no body was sent.</summary>
    public long SourceReadAtFirstBodyByte => Interlocked.Read(ref _sourceReadAtFirstBodyByte);

    public List<string> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add($"{request.Method} {request.RequestUri?.AbsolutePath}");
        }

        if (request.Content is { } content)
        {
            request.Content = new NotifyingContent(content, () => Interlocked.CompareExchange(ref _sourceReadAtFirstBodyByte, sourceBytesRead(), -1));
        }

        return base.SendAsync(request, cancellationToken);
    }

    private sealed class NotifyingContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly Action _firstWrite;

        public NotifyingContent(HttpContent inner, Action firstWrite)
        {
            _inner = inner;
            _firstWrite = firstWrite;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
            await _inner.CopyToAsync(new FirstWriteStream(stream, _firstWrite), cancellationToken);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override bool TryComputeLength(out long length)
        {
            length = _inner.Headers.ContentLength ?? -1;
            return length >= 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class FirstWriteStream(Stream inner, Action firstWrite) : Stream
    {
        private bool _written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Notify(count);
            inner.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Notify(buffer.Length);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private void Notify(int count)
        {
            if (!_written && count > 0)
            {
                _written = true;
                firstWrite();
            }
        }
    }
}
