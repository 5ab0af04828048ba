using MotionControl.Testing;

namespace MotionControl.Tests.Polling;

/// <summary>A client and an emulator sharing a fake clock (<see cref="TimerCountingTimeProvider"/>), for timing whole jobs with the default wait options.</summary>
internal sealed class FakeClockJobRun(TimerCountingTimeProvider clock, MotionControlEmulator emulator, MotionControlClient client, FakeClockJobRun.InFlightHandler calls) : IAsyncDisposable
{
    public TimerCountingTimeProvider Clock { get; } = clock;

    public MotionControlEmulator Emulator { get; } = emulator;

    public MotionControlClient Client { get; } = client;

    public static async Task<FakeClockJobRun> StartAsync(string provider, MotionControlWaitOptions? waitOptions = null)
    {
        var clock = new TimerCountingTimeProvider();
        var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions { TimeProvider = clock });
        var calls = new InFlightHandler { InnerHandler = new SocketsHttpHandler() };
        var client = VendorTestBed.CreateClient(
            provider,
            emulator,
            o =>
            {
                o.TimeProvider = clock;
                o.WaitOptions = waitOptions ?? MotionControlWaitOptions.Default;
            },
            new HttpClient(calls));
        return new FakeClockJobRun(clock, emulator, client, calls);
    }

    /// <summary>Submits a job of <paramref name="length"/>, lets <paramref name="before"/> pass, waits for it; returns the polls and how late the end was seen.</summary>
    public async Task<(int Polls, TimeSpan Delay)> JobAsync(TimeSpan length, TimeSpan before = default, int stepSeconds = 1)
    {
        var provider = Client.ProviderName;
        Emulator.EnqueueLifecycle(provider, new TaskLifecycle().Processing(length).Succeeds());
        var pollsBefore = Emulator.CallCount(provider, VendorTestBed.ReadOperationFor(provider));
        var submitted = await Client.SubmitAsync(VendorTestBed.DefaultRequest(Client.ProviderName));
        var start = Clock.GetUtcNow();
        Clock.Advance(before);
        var wait = Client.WaitForCompletionAsync(submitted.Id);
        await StepUntilDoneAsync(wait, TimeSpan.FromSeconds(stepSeconds), length + TimeSpan.FromMinutes(5));
        var task = await wait;
        Assert.Equal(MotionControlTaskStatus.Succeeded, task.Status);
        return (Emulator.CallCount(provider, VendorTestBed.ReadOperationFor(provider)) - pollsBefore, Clock.GetUtcNow() - start - length);
    }

    /// <summary>
    /// Moves virtual time on by <paramref name="step"/> while the poller sleeps, until <paramref name="wait"/> completes
    /// (successfully or not); fails when more than <paramref name="limit"/> of virtual time passes first.
    /// </summary>
    public async Task StepUntilDoneAsync(Task wait, TimeSpan step, TimeSpan limit)
    {
        var start = Clock.GetUtcNow();
        while (!wait.IsCompleted)
        {
            // Move virtual time on in small steps, but only while the poller sleeps: no request in flight, and its sleep
            // timer registered beside the wait's deadline. On a loaded machine a real round trip can take longer than a
            // step, and virtual time passing during it would shift every later poll. Bounded, so a wait never hangs here.
            // The state must hold over three checks in a row: a thread descheduled between two states must not pass.
            var idle = DateTime.UtcNow + TimeSpan.FromSeconds(2);
            var quiet = 0;
            while (!wait.IsCompleted && quiet < 3 && DateTime.UtcNow < idle)
            {
                await Task.Delay(1);
                quiet = calls.InFlight > 0 || Clock.ArmedTimerCount < 2 ? 0 : quiet + 1;
            }

            Clock.Advance(step);
            Assert.True(Clock.GetUtcNow() - start < limit, "the wait did not end");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        calls.Dispose();
        await Emulator.DisposeAsync();
    }

    /// <summary>
    /// Counts the requests on their way, so virtual time stands still while one is: from the send until the reply's
    /// content is disposed (the SDK reads the whole body first).
    /// </summary>
    internal sealed class InFlightHandler : DelegatingHandler
    {
        private int _inFlight;

        public int InFlight => Volatile.Read(ref _inFlight);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _inFlight);
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken);
            }
            catch
            {
                Interlocked.Decrement(ref _inFlight);
                throw;
            }

            response.Content = new TrackedContent(response.Content, () => Interlocked.Decrement(ref _inFlight));
            return response;
        }

        private sealed class TrackedContent : HttpContent
        {
            private readonly HttpContent _inner;
            private Action? _done;

            public TrackedContent(HttpContent inner, Action done)
            {
                _inner = inner;
                _done = done;
                foreach (var header in inner.Headers)
                {
                    Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => _inner.CopyToAsync(stream);

            protected override Task<Stream> CreateContentReadStreamAsync() => _inner.ReadAsStreamAsync();

            protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => _inner.ReadAsStreamAsync(cancellationToken);

            protected override bool TryComputeLength(out long length)
            {
                length = _inner.Headers.ContentLength ?? -1;
                return length >= 0;
            }

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    Interlocked.Exchange(ref _done, null)?.Invoke();
                    _inner.Dispose();
                }

                base.Dispose(disposing);
            }
        }
    }
}
