using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MotionControl.DependencyInjection;
using MotionControl.Webhooks;

namespace MotionControl.AspNetCore;

/// <summary>
/// One callback, start to end: bounded read, verify or confirm, deduplicate, wake the waits, call the handlers, answer.
/// Never logs or traces the body, a header value or a secret.
/// </summary>
internal sealed partial class WebhookReceiver
{
    private static readonly ActivitySource Source = new("MotionControl", typeof(WebhookReceiver).Assembly.GetName().Version?.ToString());
    private static readonly Meter Meter = new("MotionControl", typeof(WebhookReceiver).Assembly.GetName().Version?.ToString());
    private static readonly Counter<long> Received = Meter.CreateCounter<long>("motioncontrol.webhook.received", "{callback}", "Callbacks received, by outcome: verified, confirmed, unconfirmed, duplicate, refused, invalid, failed.");

    private readonly IMotionControlClientFactory _clients;
    private readonly IOptions<MotionControlWebhookOptions> _options;
    private readonly WebhookDeduplicator _deduplicator;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, StandardWebhookVerifier> _verifiers = new(StringComparer.Ordinal);

    public WebhookReceiver(IMotionControlClientFactory clients, IOptions<MotionControlWebhookOptions> options, WebhookDeduplicator deduplicator, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        _clients = clients;
        _options = options;
        _deduplicator = deduplicator;
        _time = options.Value.TimeProvider ?? timeProvider ?? TimeProvider.System;
        _logger = loggerFactory?.CreateLogger("MotionControl.AspNetCore.Webhooks") ?? NullLogger.Instance;
    }

    public async Task ReceiveAsync(HttpContext context)
    {
        var registration = context.Request.RouteValues["registration"] as string ?? string.Empty;
        using var activity = Source.StartActivity("motioncontrol.webhook", ActivityKind.Server);
        activity?.SetTag("motioncontrol.registration", registration);
        var (status, outcome) = await HandleAsync(context, registration, activity).ConfigureAwait(false);
        activity?.SetTag("motioncontrol.webhook.outcome", outcome);
        if (status >= 500)
        {
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
        }

        Received.Add(1, new KeyValuePair<string, object?>("motioncontrol.registration", registration), new KeyValuePair<string, object?>("motioncontrol.webhook.outcome", outcome));
        context.Response.StatusCode = status;
    }

    private async Task<(int Status, string Outcome)> HandleAsync(HttpContext context, string registration, Activity? activity)
    {
        if (!_clients.ProviderNames.Contains(registration, StringComparer.Ordinal) || _clients.GetClient(registration) is not MotionControlClient client)
        {
            LogUnknownRegistration(_logger, registration);
            return (StatusCodes.Status404NotFound, "unknown");
        }

        activity?.SetTag("motioncontrol.provider", client.ProviderName);
        var options = _options.Value;
        var body = await ReadBodyAsync(context, options.MaxBodyBytes).ConfigureAwait(false);
        if (body is null)
        {
            LogTooLarge(_logger, registration, options.MaxBodyBytes);
            return (StatusCodes.Status413PayloadTooLarge, "too_large");
        }

        MotionControlTask task;
        string key;
        string trust;
        if (options.SigningSecrets.TryGetValue(registration, out var secret))
        {
            var headers = context.Request.Headers;
            var verdict = Verifier(registration, secret, options.SignatureTolerance).Verify(
                headers[StandardWebhookVerifier.IdHeader].ToString(),
                headers[StandardWebhookVerifier.TimestampHeader].ToString(),
                headers[StandardWebhookVerifier.SignatureHeader].ToString(),
                body);
            if (verdict != StandardWebhookVerification.Verified)
            {
                LogRefused(_logger, registration, verdict);
                return (StatusCodes.Status401Unauthorized, "refused");
            }

            if (Parse(client, registration, body) is not { } signed)
            {
                return (StatusCodes.Status400BadRequest, "invalid");
            }

            task = signed;
            key = "id:" + registration + ":" + headers[StandardWebhookVerifier.IdHeader].ToString();
            trust = "verified";
        }
        else
        {
            if (Parse(client, registration, body) is not { } claimed)
            {
                return (StatusCodes.Status400BadRequest, "invalid");
            }

            // Unsigned, or no secret configured: a hint only. The vendor's own read decides.
            MotionControlTask read;
            try
            {
                read = await client.GetTaskAsync(claimed.Id, context.RequestAborted).ConfigureAwait(false);
            }
            catch (MotionControlException ex)
            {
                LogConfirmFailed(_logger, registration, claimed.Id, ex.GetType().Name);
                return (StatusCodes.Status503ServiceUnavailable, "failed");
            }

            if (read.Status != claimed.Status)
            {
                LogUnconfirmed(_logger, registration, claimed.Id, claimed.Status, read.Status);
                client.ReportTaskUpdate(read);
                return (StatusCodes.Status202Accepted, "unconfirmed");
            }

            task = read;
            key = "task:" + registration + ":" + read.Id + ":" + read.Status;
            trust = "confirmed";
        }

        activity?.SetTag("motioncontrol.task.id", task.Id);
        activity?.SetTag("motioncontrol.task.status", task.Status.ToString());
        if (!_deduplicator.TryClaim(key))
        {
            LogDuplicate(_logger, registration, task.Id);
            return (StatusCodes.Status200OK, "duplicate");
        }

        client.ReportTaskUpdate(task);
        context.RequestServices.GetRequiredService<MotionControlWebhookContext>().Registration = registration;
        using var timeout = new CancellationTokenSource(options.HandlerTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, context.RequestAborted);
        try
        {
            foreach (var handler in context.RequestServices.GetServices<IMotionControlWebhookHandler>())
            {
                await handler.HandleAsync(task, linked.Token).WaitAsync(linked.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            // Forgotten, so the vendor's next delivery of this event is handled.
            _deduplicator.Release(key);
            var timedOut = timeout.IsCancellationRequested && ex is OperationCanceledException;
            LogHandlerFailed(_logger, registration, task.Id, timedOut ? "timed out" : ex.GetType().Name, timedOut ? null : ex);
            return (StatusCodes.Status503ServiceUnavailable, "failed");
        }

        LogHandled(_logger, registration, task.Id, task.Status, trust);
        return (StatusCodes.Status200OK, trust);
    }

    private MotionControlTask? Parse(MotionControlClient client, string registration, byte[] body)
    {
        try
        {
            return client.ParseCallback(body);
        }
        catch (Exception ex) when (ex is MotionControlProtocolException or NotSupportedException)
        {
            LogUnreadable(_logger, registration, ex.Message);
            return null;
        }
    }

    private StandardWebhookVerifier Verifier(string registration, string secret, TimeSpan tolerance) =>
        _verifiers.GetOrAdd(registration, _ => new StandardWebhookVerifier(secret, _time, tolerance));

    /// <summary>The body, or null when it is over <paramref name="limit"/> (checked on the declared length and while reading).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context, long limit)
    {
        if (context.Request.ContentLength > limit)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + 1;
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(limit, 16 * 1024));
        var stream = context.Request.Body;
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            int read;
            try
            {
                read = await stream.ReadAsync(memory, context.RequestAborted).ConfigureAwait(false);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return null;
            }

            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return null;
            }
        }
    }

    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Handled the {Registration} callback for task {TaskId} ({Status}, {Trust}).")]
    private static partial void LogHandled(ILogger logger, string registration, string taskId, MotionControlTaskStatus status, string trust);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Refused a {Registration} callback: its signature is {Verdict}.")]
    private static partial void LogRefused(ILogger logger, string registration, StandardWebhookVerification verdict);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "A {Registration} callback for task {TaskId} was a duplicate; no handler was called.")]
    private static partial void LogDuplicate(ILogger logger, string registration, string taskId);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "An unsigned {Registration} callback said task {TaskId} is {Claimed}, but the vendor says {Actual}; it was not passed on.")]
    private static partial void LogUnconfirmed(ILogger logger, string registration, string taskId, MotionControlTaskStatus claimed, MotionControlTaskStatus actual);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Warning, Message = "Could not confirm a {Registration} callback for task {TaskId} with the vendor ({Error}); answered 503 so it is delivered again.")]
    private static partial void LogConfirmFailed(ILogger logger, string registration, string taskId, string error);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Error, Message = "A webhook handler failed on the {Registration} callback for task {TaskId} ({Reason}); answered 503 so it is delivered again.")]
    private static partial void LogHandlerFailed(ILogger logger, string registration, string taskId, string reason, Exception? exception);

    [LoggerMessage(EventId = 1406, Level = LogLevel.Warning, Message = "A callback arrived for '{Registration}', which is no MotionControl registration.")]
    private static partial void LogUnknownRegistration(ILogger logger, string registration);

    [LoggerMessage(EventId = 1407, Level = LogLevel.Warning, Message = "Refused a {Registration} callback over {Limit} bytes.")]
    private static partial void LogTooLarge(ILogger logger, string registration, long limit);

    [LoggerMessage(EventId = 1408, Level = LogLevel.Warning, Message = "A {Registration} callback body could not be read: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string registration, string reason);
}
