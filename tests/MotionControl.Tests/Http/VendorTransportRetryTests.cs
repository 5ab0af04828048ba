using System.Net;
using Microsoft.Extensions.Logging.Testing;
using MotionControl.Diagnostics;
using MotionControl.Http;

namespace MotionControl.Tests.Http;

/// <summary>
/// The transport's first attempt runs outside the retry pipeline; a failure hands over to the pipeline as its first
/// attempt. These pin what that must not change: how many times a call is sent, what is logged, and what is thrown.
/// </summary>
public class VendorTransportRetryTests
{
    [Fact]
    public async Task A_call_that_succeeds_is_sent_once_and_logs_no_retry()
    {
        var (transport, handler, log) = Transport(maxRetries: 3, HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, await transport.SendAsync(Get(), Interpret, CancellationToken.None));

        Assert.Equal(1, handler.Sent);
        Assert.DoesNotContain(log.Lines(), l => l.Contains("retry", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_read_failing_once_is_sent_twice_and_logs_one_retry_numbered_1()
    {
        var (transport, handler, log) = Transport(maxRetries: 3, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, await transport.SendAsync(Get(), Interpret, CancellationToken.None));

        Assert.Equal(2, handler.Sent);
        var retry = Assert.Single(log.Lines(), l => l.Contains("Attempt=", StringComparison.Ordinal));
        Assert.Contains("Attempt=1,", retry, StringComparison.Ordinal);
        Assert.Contains("Operation=get", retry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_that_keeps_failing_is_sent_once_plus_the_retries_then_throws_the_last_failure()
    {
        var (transport, handler, log) = Transport(maxRetries: 2, HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway, HttpStatusCode.GatewayTimeout);

        var error = await Assert.ThrowsAsync<MotionControlServerException>(() => transport.SendAsync(Get(), Interpret, CancellationToken.None));

        Assert.Equal(3, handler.Sent);
        Assert.Equal(HttpStatusCode.GatewayTimeout, error.StatusCode);
        Assert.Equal(2, log.Lines().Count(l => l.Contains("Attempt=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Without_retries_a_failure_is_thrown_after_one_send()
    {
        var (transport, handler, _) = Transport(maxRetries: 0, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);

        await Assert.ThrowsAsync<MotionControlServerException>(() => transport.SendAsync(Get(), Interpret, CancellationToken.None));

        Assert.Equal(1, handler.Sent);
    }

    [Fact]
    public async Task A_failure_the_pipeline_does_not_retry_is_thrown_as_it_was_after_one_send()
    {
        var (transport, handler, log) = Transport(maxRetries: 3, HttpStatusCode.BadRequest, HttpStatusCode.OK);

        var error = await Assert.ThrowsAsync<MotionControlRequestRejectedException>(() => transport.SendAsync(Get(), Interpret, CancellationToken.None));

        Assert.Equal(1, handler.Sent);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.DoesNotContain(log.Lines(), l => l.Contains("Attempt=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_create_whose_reply_was_a_5xx_is_not_resent_and_its_outcome_is_unknown()
    {
        var (transport, handler, _) = Transport(maxRetries: 3, HttpStatusCode.InternalServerError, HttpStatusCode.OK);
        var create = TestTransport.Create(() => new StringContent("{}"));

        var error = await Assert.ThrowsAsync<MotionControlSubmissionOutcomeUnknownException>(() => transport.SendAsync(create, Interpret, CancellationToken.None));

        Assert.Equal(1, handler.Sent);
        Assert.IsType<MotionControlServerException>(error.InnerException);
    }

    [Fact]
    public async Task A_call_cancelled_before_it_starts_is_never_sent()
    {
        var (transport, handler, _) = Transport(maxRetries: 3, HttpStatusCode.OK);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transport.SendAsync(Get(), Interpret, cancelled.Token));

        Assert.Equal(0, handler.Sent);
    }

    [Fact]
    public async Task An_attempt_past_its_timeout_on_the_system_clock_is_a_connection_error_that_was_sent()
    {
        var transport = HangingTransport(TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<MotionControlConnectionException>(() => transport.SendAsync(Get(), Interpret, CancellationToken.None));

        Assert.True(error.RequestSent);
        Assert.Contains("no complete reply within 0.2 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_who_cancels_during_an_attempt_gets_a_cancellation_not_a_timeout()
    {
        var transport = HangingTransport(TimeSpan.FromSeconds(30));
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transport.SendAsync(Get(), Interpret, caller.Token));

        Assert.True(caller.IsCancellationRequested);
    }

    [Fact]
    public async Task Attempts_after_a_timeout_or_a_cancellation_are_not_cancelled_by_them_or_by_an_earlier_callers_token()
    {
        // On the system clock each attempt's cancellation source comes from a pool: a source an attempt cancelled must
        // not be reused, and an earlier caller's token must not reach a later attempt through a reused source.
        var hanging = HangingTransport(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAsync<MotionControlConnectionException>(() => hanging.SendAsync(Get(), Interpret, CancellationToken.None));
        using (var cancelling = new CancellationTokenSource(TimeSpan.FromMilliseconds(50)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hanging.SendAsync(Get(), Interpret, cancelling.Token));
        }

        var slow = TestTransport.Create(new SlowHandler(TimeSpan.FromMilliseconds(150)), new VendorTransportSettings
        {
            ProviderName = "test",
            Authenticator = NoAuthenticator.Instance,
            BaseAddress = new Uri("http://vendor.test/"),
            Redactor = SecretRedactor.PatternsOnly,
            Logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance,
            MaxRetryAttempts = 0,
        });
        using var earlier = new CancellationTokenSource();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await slow.SendAsync(Get(), Interpret, earlier.Token));
        }

        var later = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => slow.SendAsync(Get(), Interpret, CancellationToken.None)));
        await Task.Delay(50);
        await earlier.CancelAsync();

        Assert.All(await later, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    private static VendorTransport<ITestRoutes> HangingTransport(TimeSpan timeout)
    {
        return TestTransport.Create(new HangingHandler(), new VendorTransportSettings
        {
            ProviderName = "test",
            Authenticator = NoAuthenticator.Instance,
            BaseAddress = new Uri("http://vendor.test/"),
            Redactor = SecretRedactor.PatternsOnly,
            Logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance,
            MaxRetryAttempts = 0,
            RequestTimeout = timeout,
        });
    }

    private static VendorCall<ITestRoutes> Get() => TestTransport.Get();

    private static HttpStatusCode Interpret(VendorReply response) =>
        response.IsSuccessStatusCode ? response.StatusCode : throw VendorError.Create(VendorError.KindFromStatus(response.StatusCode), response, null, null);

    private static (VendorTransport<ITestRoutes> Transport, SequenceHandler Handler, FakeLogCollector Log) Transport(int maxRetries, params HttpStatusCode[] replies)
    {
        var handler = new SequenceHandler(replies);
        var log = new FakeLogCollector();
        var transport = TestTransport.Create(handler, new VendorTransportSettings
        {
            ProviderName = "test",
            Authenticator = NoAuthenticator.Instance,
            BaseAddress = new Uri("http://vendor.test/"),
            Redactor = SecretRedactor.PatternsOnly,
            Logger = new FakeLogger(log, "test"),
            MaxRetryAttempts = maxRetries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(5),
        });
        return (transport, handler, log);
    }

    private sealed class HangingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    private sealed class SlowHandler(TimeSpan delay) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(delay, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}"), RequestMessage = request };
        }
    }

    private sealed class SequenceHandler(HttpStatusCode[] replies) : HttpMessageHandler
    {
        private int _sent;

        public int Sent => Volatile.Read(ref _sent);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var index = Interlocked.Increment(ref _sent) - 1;
            return Task.FromResult(new HttpResponseMessage(replies[Math.Min(index, replies.Length - 1)]) { Content = new StringContent("{}"), RequestMessage = request });
        }
    }
}
