using MotionControl.Providers.Vydra;
using MotionControl.Testing;

namespace MotionControl.Tests.Http;

/// <summary>A caller's own <see cref="HttpClient"/>: requests go out through it, to the vendor address, and it is never changed or disposed.</summary>
public class CallerHttpClientTests
{
    [Fact]
    public async Task Requests_go_through_the_callers_client_with_its_handlers_and_default_headers_to_the_vendor_address()
    {
        await using var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { RedactSecrets = false });
        var recorder = new RecordingHandler { InnerHandler = new SocketsHttpHandler() };
        var elsewhere = new Uri("http://127.0.0.1:9/not-the-vendor/");
        using var callers = new HttpClient(recorder) { BaseAddress = elsewhere };
        callers.DefaultRequestHeaders.Add("X-Caller", "audit-7");

        using (var client = new VydraClient(new VydraOptions { BaseAddress = emulator.BaseAddress, ApiKey = emulator.Credentials.VydraApiKey, WaitOptions = VendorTestBed.FastWait }, callers))
        {
            var task = await client.GenerateAsync(VendorTestBed.DefaultRequest(client.ProviderName));
            Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        }

        Assert.NotEmpty(recorder.Requests);
        Assert.All(recorder.Requests, r => Assert.StartsWith(emulator.BaseAddress.AbsoluteUri, r.RequestUri!.AbsoluteUri, StringComparison.Ordinal));
        var create = Assert.Single(emulator.Requests, r => r.Operation == EmulatorOperation.Create);
        Assert.Equal("audit-7", create.Headers["X-Caller"]);
        Assert.Equal("Bearer " + emulator.Credentials.VydraApiKey, create.Headers["Authorization"]);
        Assert.StartsWith("MotionControl/", create.Headers["User-Agent"], StringComparison.Ordinal);

        // Not changed, not disposed: it still works for the caller afterwards.
        Assert.Equal(elsewhere, callers.BaseAddress);
        using var again = await callers.GetAsync(new Uri(emulator.BaseAddress, "api/v1/jobs/none"));
        Assert.NotNull(again);
    }

    private sealed class RecordingHandler : DelegatingHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add(request);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
