using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MotionControl.Media;

namespace QuickStart;

/// <summary>
/// An <see cref="IMediaUploader"/> that "uploads" a local file by serving it from a small HttpListener on 127.0.0.1
/// and returning its URL. It only works when the vendor runs on this machine (the emulator). For a real vendor, copy the
/// pattern but store the file somewhere the vendor can fetch it (S3, Azure Blob, GCS, your CDN) and return that URL.
/// </summary>
internal sealed class LocalFileUploader : IMediaUploader, IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string ContentType)> _files = new();
    private readonly Uri _root;
    private readonly Task _serving;

    public LocalFileUploader()
    {
        var port = FreePort();
        _root = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(_root.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public async ValueTask<Uri> UploadAsync(MediaUploadRequest upload, CancellationToken cancellationToken = default)
    {
        using var copy = new MemoryStream();
        await upload.Content.CopyToAsync(copy, cancellationToken);
        var name = $"{Guid.NewGuid():N}/{Uri.EscapeDataString(upload.FileName)}";
        _files[name] = (copy.ToArray(), upload.ContentType);
        return new Uri(_root, "media/" + name);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            var path = context.Request.Url?.AbsolutePath ?? "/";
            var key = path.StartsWith("/media/", StringComparison.Ordinal) ? path["/media/".Length..] : string.Empty;
            using var response = context.Response;
            if (_files.TryGetValue(key, out var file))
            {
                response.ContentType = file.ContentType;
                response.ContentLength64 = file.Bytes.Length;
                await response.OutputStream.WriteAsync(file.Bytes);
            }
            else
            {
                response.StatusCode = 404;
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(2));
    }
}
