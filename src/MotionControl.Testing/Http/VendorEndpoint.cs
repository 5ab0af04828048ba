using System.Text;
using Microsoft.AspNetCore.Http;

namespace MotionControl.Testing;

/// <summary>
/// The one request pipeline every emulated route runs through: read the request, number the call, tell its account,
/// log it, apply the fault chosen for it, run the vendor handler, and write (or spoil) the reply.
/// </summary>
internal static class VendorEndpoint
{
    public static RequestDelegate Create(
        EmulatorState state,
        string provider,
        EmulatorOperation operation,
        IErrorDialect dialect,
        IAccountIdentifier? accounts,
        Func<VendorCall, EmulatorReply> handler,
        bool binaryBody = false) =>
        context => HandleAsync(context, state, provider, operation, dialect, accounts, handler, binaryBody);

    private static async Task HandleAsync(
        HttpContext context,
        EmulatorState state,
        string provider,
        EmulatorOperation operation,
        IErrorDialect dialect,
        IAccountIdentifier? accounts,
        Func<VendorCall, EmulatorReply> handler,
        bool binaryBody)
    {
        // A client that gives up (or an emulator that stops) must never leave a request parked in a delay.
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, state.Stopping);
        var cancellationToken = cancellation.Token;
        try
        {
            // A binary body (a multipart upload) is kept as bytes; its text, for the log, is the lossy UTF-8 reading of them.
            byte[]? bytes = binaryBody ? await ReadBytesAsync(context.Request, cancellationToken).ConfigureAwait(false) : null;
            string body = bytes is null ? await ReadBodyAsync(context.Request, cancellationToken).ConfigureAwait(false) : Encoding.UTF8.GetString(bytes);
            var (callNumber, fault) = state.Faults.NextCall(provider, operation);
            var arrivedAt = state.TimeProvider.GetUtcNow();

            // Told on arrival, by the vendor's own checks, so a request a fault answers still names its account.
            string? account = accounts?.Identify(context.Request, body, arrivedAt)?.Name;
            string recordedBody = state.Log.Record(context.Request, provider, operation, callNumber, body, arrivedAt, account);
            var call = new VendorCall(context, state, provider, operation, callNumber, body, recordedBody, fault) { BodyBytes = bytes };

            if (fault is { Kind: FaultKind.Delay })
            {
                await Task.Delay(fault.DelayBy, state.TimeProvider, cancellationToken).ConfigureAwait(false);
                call.Fault = null;
            }

            if (call.Fault is { Kind: FaultKind.Abort, ProcessRequest: false })
            {
                context.Abort();
                return;
            }

            var reply = FaultResponder.ErrorReplyFor(call.Fault, dialect, call)
                ?? (IsRefusedForBalance(state, provider, operation, account, arrivedAt) ? dialect.InsufficientCredits(call) : handler(call));
            await WriteAsync(context, reply, call.Fault, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsClientGone(exception, cancellationToken))
        {
            // The client hung up, or the emulator is stopping: then the connection is dropped, so a waiting client
            // sees the server go away rather than an empty 200.
            context.Abort();
        }
    }

    // A create of an account whose enforced balance is spent creates nothing (MotionControlEmulatorOptions.StartingBalances).
    private static bool IsRefusedForBalance(EmulatorState state, string provider, EmulatorOperation operation, string? account, DateTimeOffset now) =>
        operation == EmulatorOperation.Create && account is not null && EmulatorBalances.IsSpent(state, provider, account, now);

    // Kestrel reports a vanished client as an IOException (ConnectionResetException, BadHttpRequestException) or as
    // cancellation of RequestAborted.
    private static bool IsClientGone(Exception exception, CancellationToken cancellationToken) =>
        exception is IOException || (exception is OperationCanceledException && cancellationToken.IsCancellationRequested);

    private static async Task<byte[]> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext context, EmulatorReply reply, EmulatorFault? fault, CancellationToken cancellationToken)
    {
        if (fault is { Kind: FaultKind.Abort })
        {
            // The request was processed (a create did create its task); only the reply is lost.
            context.Abort();
            return;
        }

        var response = context.Response;
        response.StatusCode = reply.StatusCode;
        foreach (var (name, value) in reply.Headers)
        {
            response.Headers[name] = value;
        }

        if (reply.ContentType is not null)
        {
            response.ContentType = reply.ContentType;
        }

        if (reply.StreamWriter is { } streamWriter)
        {
            response.ContentLength = reply.StreamLength;
            if (fault is { Kind: FaultKind.AbortMidBody })
            {
                // Announce the full length, let the writer send half of it, then drop the connection.
                using var cut = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                try
                {
                    await streamWriter(new CutOffStream(response.Body, reply.StreamLength / 2, cut), cut.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cut.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    // The cut-off point was reached.
                }

                await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
                context.Abort();
                return;
            }

            await streamWriter(response.Body, cancellationToken).ConfigureAwait(false);
            return;
        }

        ReadOnlyMemory<byte> body = reply.GetBody();
        switch (fault?.Kind)
        {
            case FaultKind.MalformedJson:
                body = Malform(body);
                break;
            case FaultKind.TruncatedJson:
                body = body[..(body.Length / 2)];
                break;
            case FaultKind.AbortMidBody:
                response.ContentLength = body.Length;
                await response.Body.WriteAsync(body[..(body.Length / 2)], cancellationToken).ConfigureAwait(false);
                await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
                context.Abort();
                return;
        }

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }

    // A stray comma before the last closing brace: a valid-looking start that no JSON parser accepts.
    private static byte[] Malform(ReadOnlyMemory<byte> body)
    {
        var bytes = body.ToArray();
        int lastBrace = Array.LastIndexOf(bytes, (byte)'}');
        if (lastBrace < 0)
        {
            return [.. bytes, .. "{,"u8];
        }

        return [.. bytes.AsSpan(0, lastBrace), (byte)',', .. bytes.AsSpan(lastBrace)];
    }
}
