using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using MotionControl.Diagnostics;
using Polly;

namespace MotionControl.Http;

/// <summary>
/// Sends vendor calls through the vendor's Refit routes: Refit builds a fresh request per attempt (authenticated per
/// attempt by <see cref="VendorRequestHandler"/>), bounded here by a per-attempt timeout, with the body read in full
/// (bounded) and handed to the vendor's interpreter. Reads retry transient failures; creates are never re-sent unless
/// provably not received, and an unknown create outcome becomes <see cref="MotionControlSubmissionOutcomeUnknownException"/>.
/// </summary>
/// <typeparam name="TRoutes">The vendor's Refit route interface.</typeparam>
internal sealed class VendorTransport<TRoutes>
    where TRoutes : class
{
    /// <summary>Where a reply of unknown length starts: most vendor replies are smaller.</summary>
    private const int InitialBodyBuffer = 4096;

    private readonly VendorTransportSettings _settings;
    private readonly Func<TRoutes> _routes;
    private readonly ResiliencePipeline _reads;
    private readonly ResiliencePipeline _creates;

    /// <summary>Every create's context (a create concerns no task yet), made once.</summary>
    private readonly VendorCallContext _createContext;

    public VendorTransport(VendorTransportSettings settings, Func<TRoutes> routes)
    {
        _settings = settings;
        _routes = routes;
        _reads = RetryPipelines.ForReads(settings);
        _creates = RetryPipelines.ForCreates(settings);
        _createContext = new VendorCallContext(settings.ProviderName, VendorOperations.Create, null, settings.Redactor);
    }

    public string ProviderName => _settings.ProviderName;

    public SecretRedactor Redactor => _settings.Redactor;

    public TimeProvider TimeProvider => _settings.TimeProvider;

    public ILogger Logger => _settings.Logger;

    public Uri BaseAddress => _settings.BaseAddress;

    /// <summary>Forgets a cached token (Kling 1004), so the next attempt signs a new one.</summary>
    public void InvalidateCredentials() => _settings.Authenticator.Invalidate();

    /// <summary>
    /// Sends <paramref name="call"/> and interprets its reply, retrying as the call's pipeline says. The first attempt
    /// runs without the pipeline (most calls need no other); if it fails, the pipeline takes over with that failure as
    /// its own first attempt, so back-off, retry decisions, logs and metrics are exactly the pipeline's.
    /// </summary>
    public async Task<T> SendAsync<T>(VendorCall<TRoutes> call, Func<VendorReply, T> interpret, CancellationToken cancellationToken) =>
        await SendValueAsync(call, interpret, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// <see cref="SendAsync{T}"/> for callers that await the result once, straight away (every endpoint): its state
    /// machine is pooled, so only the caller's own async method allocates one.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<T> SendValueAsync<T>(VendorCall<TRoutes> call, Func<VendorReply, T> interpret, CancellationToken cancellationToken)
    {
        try
        {
            ExceptionDispatchInfo firstFailure;
            try
            {
                // As the pipeline would: a call cancelled before it starts is not sent.
                cancellationToken.ThrowIfCancellationRequested();
                var reply = await SendOnceAsync(call, cancellationToken).ConfigureAwait(false);
                return Interpret(call, reply, interpret);
            }
            catch (MotionControlException ex)
            {
                // Only the SDK's own exceptions can be retried; anything else leaves the pipeline unchanged as well.
                firstFailure = ExceptionDispatchInfo.Capture(ex);
            }

            return await RetryAsync(call, interpret, firstFailure, cancellationToken).ConfigureAwait(false);
        }
        catch (MotionControlException ex) when (call.IsCreate && IsUnknownCreateOutcome(ex))
        {
            throw new MotionControlSubmissionOutcomeUnknownException(
                $"The {ProviderName} create may have reached the vendor, but its outcome is unknown ({ex.Message}). It was not re-sent, so you are not charged twice; check the vendor's task list before submitting again.",
                ex)
            {
                ProviderName = ProviderName,
                StatusCode = ex.StatusCode,
                RequestId = ex.RequestId,
                VendorCode = ex.VendorCode,
                SubmittedAt = TimeProvider.GetUtcNow(),
                IsTransient = false,
            };
        }
    }

    /// <summary>
    /// Runs the call's retry pipeline after a failed first attempt: the pipeline's first attempt replays that failure
    /// (nothing is sent), and every later attempt sends the call again.
    /// </summary>
    private async Task<T> RetryAsync<T>(VendorCall<TRoutes> call, Func<VendorReply, T> interpret, ExceptionDispatchInfo firstFailure, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RetryPipelines.Operation, call.Operation);
        try
        {
            var pipeline = call.IsCreate ? _creates : _reads;
            return await pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    if (Interlocked.Exchange(ref state.FirstFailure.Value, null) is { } replay)
                    {
                        replay.Throw();
                    }

                    var reply = await state.Transport.SendOnceAsync(state.Call, ctx.CancellationToken).ConfigureAwait(false);
                    return Interpret(state.Call, reply, state.Interpret);
                },
                context,
                (Transport: this, Call: call, Interpret: interpret, FirstFailure: new StrongBox<ExceptionDispatchInfo?>(firstFailure))).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// Interprets one attempt's reply; for a call whose interpreter keeps nothing of the reply's bytes
    /// (<see cref="VendorCall{TRoutes}.PooledReply"/>), the pooled body buffer is given back once it has.
    /// </summary>
    private static T Interpret<T>(VendorCall<TRoutes> call, VendorReply reply, Func<VendorReply, T> interpret)
    {
        if (!call.PooledReply)
        {
            return interpret(reply);
        }

        try
        {
            return interpret(reply);
        }
        finally
        {
            if (MemoryMarshal.TryGetArray(reply.Body, out var segment) && segment.Array is { Length: > 0 } rented)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// A create whose reply was lost, timed out, was a 5xx or could not be read may have created a task (and a charge).
    /// A refusal the vendor stated clearly (4xx with a reason) did not.
    /// </summary>
    private static bool IsUnknownCreateOutcome(MotionControlException ex) => ex switch
    {
        MotionControlConnectionException { RequestSent: true } => true,
        MotionControlServerException => true,
        MotionControlProtocolException => true,
        _ => false,
    };

    // Pooled builders: one attempt's state machines are reused by later calls instead of allocated for each.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<VendorReply> SendOnceAsync(VendorCall<TRoutes> call, CancellationToken cancellationToken)
    {
        var context = call.TaskId is null && call.Operation == VendorOperations.Create
            ? _createContext
            : new VendorCallContext(ProviderName, call.Operation, call.TaskId, Redactor);

        // The attempt's own token: the caller's, and the per-attempt timeout. On the system clock a pooled source with
        // CancelAfter does both (the caller's token cancels it through a registration, as a linked source would); another
        // clock (tests) needs a timer source of its own, linked.
        var pooled = TimeProvider == TimeProvider.System;
        var clockTimeout = pooled ? null : new CancellationTokenSource(_settings.RequestTimeout, TimeProvider);
        var attempt = pooled ? AttemptTokenSources.Rent() : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, clockTimeout!.Token);
        var callerLink = default(CancellationTokenRegistration);
        if (pooled)
        {
            attempt.CancelAfter(_settings.RequestTimeout);
            if (cancellationToken.CanBeCanceled)
            {
                callerLink = cancellationToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), attempt);
            }
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            // Refit builds the request from the route (path, query, headers, body) and hands the reply back unread.
            using var response = await call.Send(_routes(), attempt.Token).ConfigureAwait(false);
            if (response.Headers.Location is { } location && (int)response.StatusCode is >= 300 and < 400)
            {
                throw Redirected(call, response, location);
            }

            var body = await ReadBodyAsync(response, context, call.PooledReply, attempt.Token).ConfigureAwait(false);
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            MotionControlLog.CallCompleted(Logger, ProviderName, call.Operation, (int)response.StatusCode, elapsedMs);

            return new VendorReply(
                response.StatusCode,
                body,
                RetryAfterParser.FromHeaders(response.Headers, TimeProvider.GetUtcNow()),
                RequestIdFrom(response),
                context);
        }
        catch (OperationCanceledException ex) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new MotionControlConnectionException(
                $"The {ProviderName} {call.Operation} call got no complete reply within {_settings.RequestTimeout.TotalSeconds:0.###} s.", ex)
            {
                ProviderName = ProviderName,
                TaskId = call.TaskId,
                RequestSent = true,
            };
        }
        catch (HttpRequestException ex)
        {
            var notSent = ex.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError;
            throw new MotionControlConnectionException(
                $"The {ProviderName} {call.Operation} call failed: {Redactor.Redact(ex.Message)}", ex)
            {
                ProviderName = ProviderName,
                TaskId = call.TaskId,
                RequestSent = !notSent,
            };
        }
        catch (IOException ex)
        {
            throw new MotionControlConnectionException(
                $"The {ProviderName} {call.Operation} reply was cut off: {Redactor.Redact(ex.Message)}", ex)
            {
                ProviderName = ProviderName,
                TaskId = call.TaskId,
                RequestSent = true,
            };
        }
        finally
        {
            // The caller's registration goes first (it waits for a cancellation running on another thread), then the source:
            // back to the pool if it was never cancelled, else disposed.
            callerLink.Dispose();
            if (pooled)
            {
                AttemptTokenSources.Return(attempt);
            }
            else
            {
                attempt.Dispose();
                clockTimeout!.Dispose();
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ReadOnlyMemory<byte>> ReadBodyAsync(HttpResponseMessage response, VendorCallContext context, bool pooled, CancellationToken cancellationToken)
    {
        var limit = _settings.MaxResponseBytes;
        var declared = response.Content.Headers.ContentLength;
        if (declared > limit)
        {
            throw TooLarge(response.StatusCode, context);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // With a Content-Length the body lands in one array of its exact size, plus one spare byte to see that it
            // ends there; without one the buffer grows by doubling and the result is trimmed. Never more than the limit.
            // A pooled buffer (a reply whose bytes are not kept) may be longer than that capacity; reads never go past it.
            var capacity = declared is { } length ? (int)length + 1 : (int)Math.Min(InitialBodyBuffer, (long)limit + 1);
            var buffer = pooled ? ArrayPool<byte>.Shared.Rent(capacity) : new byte[capacity];
            try
            {
                var count = 0;
                while (true)
                {
                    if (count == capacity)
                    {
                        capacity = (int)Math.Min((long)capacity * 2, (long)limit + 1);
                        if (!pooled)
                        {
                            Array.Resize(ref buffer, capacity);
                        }
                        else if (buffer.Length < capacity)
                        {
                            var larger = ArrayPool<byte>.Shared.Rent(capacity);
                            buffer.AsSpan(0, count).CopyTo(larger);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = larger;
                        }
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(count, capacity - count), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return pooled || count == declared ? buffer.AsMemory(0, count) : buffer.AsSpan(0, count).ToArray();
                    }

                    count += read;
                    if (count > limit)
                    {
                        throw TooLarge(response.StatusCode, context);
                    }
                }
            }
            catch when (pooled)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
        }
    }

    /// <summary>
    /// A redirect is not followed: the Authorization header would be dropped on a hop to another host (and a create must
    /// not be re-sent anywhere the caller did not choose). The vendor did not act on the call.
    /// </summary>
    private MotionControlRequestRejectedException Redirected(VendorCall<TRoutes> call, HttpResponseMessage response, Uri location)
    {
        var target = location.IsAbsoluteUri ? location : new Uri(response.RequestMessage?.RequestUri ?? BaseAddress, location);
        return new MotionControlRequestRejectedException(
            $"The {ProviderName} {call.Operation} call was redirected (HTTP {(int)response.StatusCode}) to {Redactor.Redact(target.AbsoluteUri)}. "
            + "The SDK does not follow redirects, because the Authorization header would not go along; set BaseAddress to the host it points to.")
        {
            ProviderName = ProviderName,
            TaskId = call.TaskId,
            StatusCode = response.StatusCode,
            RequestId = RequestIdFrom(response),
            IsTransient = false,
        };
    }

    private MotionControlProtocolException TooLarge(HttpStatusCode status, VendorCallContext context) =>
        new($"The {ProviderName} {context.Operation} reply is larger than {_settings.MaxResponseBytes} bytes, which no vendor reply should be.")
        {
            ProviderName = ProviderName,
            TaskId = context.TaskId,
            StatusCode = status,
        };

    private static string? RequestIdFrom(HttpResponseMessage response)
    {
        foreach (var name in (ReadOnlySpan<string>)["x-request-id", "request-id", "x-kling-request-id", "x-fal-request-id"])
        {
            if (response.Headers.TryGetValues(name, out var values))
            {
                return values.FirstOrDefault();
            }
        }

        return null;
    }
}

/// <summary>
/// The attempts' cancellation sources on the system clock, reused: a source whose attempt ended without cancellation is
/// reset (its timer stopped, every registration left on it dropped) and kept for the next attempt, so an attempt costs no
/// source, timer or registration list of its own. A cancelled source cannot be reset and is disposed.
/// </summary>
internal static class AttemptTokenSources
{
    private static readonly CancellationTokenSource?[] Pool = new CancellationTokenSource?[Math.Max(8, Environment.ProcessorCount * 4)];

    /// <summary>A source that is not cancelled and has no timer running.</summary>
    /// <returns>The source; give it back with <see cref="Return"/> once its attempt has ended.</returns>
    public static CancellationTokenSource Rent()
    {
        var pool = Pool;
        for (var i = 0; i < pool.Length; i++)
        {
            if (Volatile.Read(ref pool[i]) is not null && Interlocked.Exchange(ref pool[i], null) is { } source)
            {
                return source;
            }
        }

        return new CancellationTokenSource();
    }

    /// <summary>Keeps <paramref name="source"/> for another attempt when it can be reset, else disposes it.</summary>
    /// <param name="source">A source from <see cref="Rent"/> whose attempt has ended (nothing sends with its token any more).</param>
    public static void Return(CancellationTokenSource source)
    {
        if (source.TryReset())
        {
            var pool = Pool;
            for (var i = 0; i < pool.Length; i++)
            {
                if (Interlocked.CompareExchange(ref pool[i], source, null) is null)
                {
                    return;
                }
            }
        }

        source.Dispose();
    }
}
