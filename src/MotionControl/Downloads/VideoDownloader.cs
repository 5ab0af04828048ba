using System.Net;
using MotionControl.Http;

namespace MotionControl.Downloads;

/// <summary>
/// Streams a result video to a stream or a file with constant memory, through the download client of the SDK client
/// that ran the task (never a vendor's: no vendor credential is ever sent to a CDN).
/// </summary>
internal static class VideoDownloader
{
    private const int BufferSize = 81920;

    public static async Task<long> DownloadAsync(HttpClient http, RemoteMediaGuard guard, Uri url, Stream destination, IProgress<long>? progress, string? providerName, string? taskId, CancellationToken cancellationToken)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new MotionControlException($"Refusing to download the result from a {(url.IsAbsoluteUri ? url.Scheme : "relative")} URL: only http and https are fetched.")
            {
                ProviderName = providerName,
                TaskId = taskId,
            };
        }

        HttpResponseMessage response;
        try
        {
            (response, _) = await GuardedHttp.SendAsync(http, guard, url, static uri =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.UserAgent.Add(UserAgent.ProductHeader);
                return request;
            }, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteMediaRefusedException refused)
        {
            throw new MotionControlException($"Refusing to download the result from {url.GetLeftPart(UriPartial.Path)}: {refused.Message}. Only public addresses are fetched; add its origin to RemoteMediaAllowList if you trust it.")
            {
                ProviderName = providerName,
                TaskId = taskId,
            };
        }
        catch (HttpRequestException ex)
        {
            throw new MotionControlConnectionException($"Downloading the result from {url.GetLeftPart(UriPartial.Path)} failed: {ex.Message}", ex) { ProviderName = providerName, TaskId = taskId };
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var gone = response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Gone;
                throw new MotionControlException(
                    $"Downloading the result from {url.GetLeftPart(UriPartial.Path)} failed with HTTP {(int)response.StatusCode}" +
                    (gone ? ": the link has expired or the file is gone (Kling keeps results for 30 days)." : "."))
                {
                    ProviderName = providerName,
                    TaskId = taskId,
                    StatusCode = response.StatusCode,
                    IsTransient = (int)response.StatusCode >= 500,
                };
            }

            var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                // The response stream's own CopyToAsync: HttpClient's content streams copy from the connection's buffer
                // directly, with less per-chunk work than a ReadAsync/WriteAsync loop. The counting stream in between
                // measures what arrived and reports progress.
                var counting = new CountingWriteStream(destination, progress);
                try
                {
                    await source.CopyToAsync(counting, BufferSize, cancellationToken).ConfigureAwait(false);
                }
                catch (IOException ex)
                {
                    throw new MotionControlConnectionException($"The download was cut off: {ex.Message}", ex) { ProviderName = providerName, TaskId = taskId };
                }

                if (response.Content.Headers.ContentLength is { } expected && expected != counting.Written)
                {
                    throw new MotionControlConnectionException($"The download ended after {counting.Written} of {expected} bytes.") { ProviderName = providerName, TaskId = taskId };
                }

                return counting.Written;
            }
        }
    }

    /// <summary>Downloads into a temporary file beside <paramref name="path"/>, moved into place only when complete.</summary>
    public static async Task<long> DownloadToFileAsync(HttpClient http, RemoteMediaGuard guard, Uri url, string path, IProgress<long>? progress, string? providerName, string? taskId, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath) ?? ".";
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.part");
        try
        {
            long written;
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                written = await DownloadAsync(http, guard, url, file, progress, providerName, taskId, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, fullPath, overwrite: true);
            return written;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover .part file is harmless and clearly named.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
