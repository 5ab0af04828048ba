using System.Security.Cryptography;

namespace MotionControl.Storage.Tests.TestSupport;

/// <summary>Fetches a URL the way a vendor would (a plain GET, no credentials) and hashes what arrives.</summary>
internal static class UrlFetch
{
    private static readonly HttpClient Http = new(TestCertificates.Handler());

    public static async Task<(byte[] Sha256, long Bytes, string? ContentType)> Sha256Async(Uri url)
    {
        using var response = await Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            total += read;
        }

        return (hash.GetHashAndReset(), total, response.Content.Headers.ContentType?.ToString());
    }

    public static async Task<int> StatusAsync(HttpMethod method, Uri url, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        using var response = await Http.SendAsync(request);
        return (int)response.StatusCode;
    }
}
