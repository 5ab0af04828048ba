using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace MotionControl.Testing.Tests.Emulator;

public class FileRoutesTests
{
    private static async Task<Uri> FinishedKlingVideoAsync(MotionControlEmulator emulator, HttpClient http)
    {
        emulator.EnqueueLifecycle(EmulatorProviders.Kling, new TaskLifecycle().Succeeds());
        string id = (await http.PostAsync("/v1/videos/motion-control", VendorBodies.Kling())).Json.At("data").Str("task_id");
        var task = (await http.GetReplyAsync($"/v1/videos/motion-control/{id}")).Json.At("data");
        return new Uri(task.At("task_result", "videos")[0].Str("url"));
    }

    [Fact]
    public void The_embedded_sample_is_a_small_faststart_mp4()
    {
        var bytes = MotionControlEmulator.SampleVideo.Span;

        Assert.InRange(bytes.Length, 500, 16 * 1024);
        Assert.Equal("ftyp", Encoding.ASCII.GetString(bytes.Slice(4, 4)));
        int ftypSize = (bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3];
        Assert.Equal("moov", Encoding.ASCII.GetString(bytes.Slice(ftypSize + 4, 4)));
    }

    [Fact]
    public async Task Result_video_is_served_as_video_mp4_and_supports_a_byte_range()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.KlingApiKey);
        var url = await FinishedKlingVideoAsync(emulator, http);

        using var whole = await http.GetAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(100, 199);
        using var partial = await http.SendAsync(request);

        Assert.Equal("video/mp4", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal(MotionControlEmulator.SampleVideo.Length, whole.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(MotionControlEmulator.SampleVideo.Slice(100, 100).ToArray(), await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal(EmulatorOperation.Download, emulator.Requests[^1].Operation);
        Assert.Equal(EmulatorProviders.Kling, emulator.Requests[^1].Provider);
    }

    [Fact]
    public async Task Videos_of_unknown_tasks_or_beyond_the_video_count_are_404()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.KlingApiKey);
        var url = await FinishedKlingVideoAsync(emulator, http);

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(url, "1.mp4"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/files/videos/kling/nope/0.mp4")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(url.AbsoluteUri.Replace("/kling/", "/vydra/", StringComparison.Ordinal))).StatusCode);
    }

    [Fact]
    public async Task Blob_route_streams_exactly_the_requested_number_of_bytes()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator);
        const long size = 5 * 1024 * 1024 + 123;

        using var response = await http.GetAsync(emulator.GetBlobUri(size), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(size, response.Content.Headers.ContentLength);
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        long total = body.Length;
        byte[] pattern = Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i % 251)).ToArray();
        for (int offset = 0; offset < body.Length; offset += pattern.Length)
        {
            int count = Math.Min(pattern.Length, body.Length - offset);
            Assert.True(body.AsSpan(offset, count).SequenceEqual(pattern.AsSpan(0, count)), $"unexpected bytes at {offset}");
        }

        Assert.Equal(size, total);
        Assert.Equal(EmulatorProviders.Files, emulator.Requests.Single().Provider);
    }

    [Fact]
    public async Task Blob_route_serves_zero_bytes_and_rejects_a_bad_size()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator);

        Assert.Empty(await http.GetByteArrayAsync(emulator.GetBlobUri(0)));
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/files/blob?bytes=-5")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/files/blob")).StatusCode);
        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.GetBlobUri(-1));
    }

    [Fact]
    public async Task Blob_route_cut_off_mid_body_sends_half_then_drops_the_connection()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator);
        emulator.AddFault(EmulatorProviders.Files, EmulatorOperation.Download, EmulatorFault.AbortMidBody());
        const long size = 4 * 1024 * 1024;

        using var response = await http.GetAsync(emulator.GetBlobUri(size), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(size, response.Content.Headers.ContentLength);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long received = 0;
        var error = await Record.ExceptionAsync(async () =>
        {
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                received += read;
            }
        });

        Assert.True(error is IOException or HttpRequestException, error?.GetType().Name ?? "the body ended without an error");
        // Half is sent; a connection reset may discard some of it before the client reads it, never add to it.
        Assert.InRange(received, 0, size / 2);
    }

    [Fact]
    public async Task Download_faults_apply_to_file_routes()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var http = EmulatorHttp.Client(emulator, emulator.Credentials.KlingApiKey);
        var url = await FinishedKlingVideoAsync(emulator, http);
        emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Download, EmulatorFault.ServerError(503));
        emulator.AddFault(EmulatorProviders.Kling, EmulatorOperation.Download, EmulatorFault.AbortMidBody(), FaultSchedule.OnCall(2));
        emulator.AddFault(EmulatorProviders.Files, EmulatorOperation.Download, EmulatorFault.RateLimited(TimeSpan.FromSeconds(3)));

        using var unavailable = await http.GetAsync(url);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetByteArrayAsync(url));
        using var limited = await http.GetAsync(emulator.GetBlobUri(10));
        var ok = await http.GetByteArrayAsync(url);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("3", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal(MotionControlEmulator.SampleVideo.Length, ok.Length);
    }
}
