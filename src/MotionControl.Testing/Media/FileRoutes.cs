using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace MotionControl.Testing;

/// <summary>
/// Serves result videos (<c>/files/videos/{provider}/{taskId}/{n}[-watermark].mp4</c>, the embedded sample, with
/// single-range support) and synthetic downloads of any size (<c>/files/blob?bytes=N</c>, generated on the fly).
/// </summary>
internal sealed class FileRoutes
{
    public const long MaxBlobBytes = 1L << 40;
    private const int ChunkSize = 64 * 1024;
    private const string TextContentType = "text/plain; charset=utf-8";

    // A repeating byte pattern (not zeros, so compression or sparse tricks cannot flatter a benchmark).
    private static readonly byte[] BlobChunk = CreateChunk();

    private readonly EmulatorState _state;

    public FileRoutes(EmulatorState state)
    {
        _state = state;
    }

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        foreach (string provider in EmulatorProviders.All)
        {
            routes.MapGet(
                $"/files/videos/{provider}/{{taskId}}/{{file}}",
                VendorEndpoint.Create(_state, provider, EmulatorOperation.Download, CdnErrorDialect.Instance, accounts: null, call => Video(call, provider)));
        }

        routes.MapGet("/files/blob", VendorEndpoint.Create(_state, EmulatorProviders.Files, EmulatorOperation.Download, CdnErrorDialect.Instance, accounts: null, Blob));
    }

    private static byte[] CreateChunk()
    {
        var chunk = new byte[ChunkSize];
        for (int i = 0; i < chunk.Length; i++)
        {
            chunk[i] = (byte)(i % 251);
        }

        return chunk;
    }

    private static EmulatorReply Blob(VendorCall call)
    {
        if (!long.TryParse(call.Query("bytes"), NumberStyles.None, CultureInfo.InvariantCulture, out long length) || length > MaxBlobBytes)
        {
            return EmulatorReply.FromText(400, $"Give bytes=N with 0 <= N <= {MaxBlobBytes}.", TextContentType);
        }

        return EmulatorReply.Streamed(length, "application/octet-stream", async (body, cancellationToken) =>
        {
            for (long remaining = length; remaining > 0;)
            {
                int count = (int)Math.Min(BlobChunk.Length, remaining);
                await body.WriteAsync(BlobChunk.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
                remaining -= count;
            }
        });
    }

    private EmulatorReply Video(VendorCall call, string provider)
    {
        string taskId = call.RouteValue("taskId") ?? string.Empty;
        string file = call.RouteValue("file") ?? string.Empty;
        string name = file.EndsWith(".mp4", StringComparison.Ordinal) ? file[..^4] : string.Empty;
        if (name.EndsWith("-watermark", StringComparison.Ordinal))
        {
            name = name[..^"-watermark".Length];
        }

        var record = _state.Tasks.Find(provider, taskId, matchExternalId: false);
        bool exists = record is not null &&
                      int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out int index) &&
                      index < record.Outcome.VideoCount &&
                      record.Observe(call.Now, countAsPoll: false).Status == EmulatedTaskStatus.Succeeded;
        if (!exists)
        {
            // Also what a future link answers before the task has finished.
            return EmulatorReply.FromText(404, "Not Found", TextContentType);
        }

        return WithRange(call, SampleVideo.Bytes, "video/mp4");
    }

    private static EmulatorReply WithRange(VendorCall call, ReadOnlyMemory<byte> content, string contentType)
    {
        string? rangeHeader = call.HttpContext.Request.Headers.Range;
        if (rangeHeader is null || !RangeHeaderValue.TryParse(rangeHeader, out var range) ||
            !string.Equals(range.Unit, "bytes", StringComparison.OrdinalIgnoreCase) || range.Ranges.Count != 1)
        {
            return EmulatorReply.FromBytes(200, content, contentType).WithHeader("Accept-Ranges", "bytes");
        }

        long length = content.Length;
        var item = range.Ranges.First();
        long start;
        long end;
        if (item.From is { } from)
        {
            start = from;
            end = Math.Min(item.To ?? length - 1, length - 1);
        }
        else
        {
            start = Math.Max(0, length - (item.To ?? 0));
            end = length - 1;
        }

        if (start >= length || start > end)
        {
            return EmulatorReply.FromText(416, "Range Not Satisfiable", TextContentType)
                .WithHeader("Content-Range", $"bytes */{length.ToString(CultureInfo.InvariantCulture)}");
        }

        return EmulatorReply.FromBytes(206, content.Slice((int)start, (int)(end - start + 1)), contentType)
            .WithHeader("Accept-Ranges", "bytes")
            .WithHeader("Content-Range", string.Create(CultureInfo.InvariantCulture, $"bytes {start}-{end}/{length}"));
    }
}
