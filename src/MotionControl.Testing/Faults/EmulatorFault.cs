using System.Globalization;

namespace MotionControl.Testing;

/// <summary>
/// Something that goes wrong with one call: an error reply in the vendor's own shape, a lost connection, a slow or
/// garbled reply, or an odd-but-legal reply shape. Immutable; create one with the static methods and register it with
/// <see cref="MotionControlEmulator.AddFault"/>.
/// </summary>
/// <remarks>
/// Error replies (<see cref="RateLimited"/>, <see cref="ServerError"/>, <see cref="InsufficientCredits"/>, the
/// vendor-specific errors and <see cref="RawResponse"/>) replace the call: nothing is created or polled.
/// <see cref="Abort"/> (by default), <see cref="MalformedJson"/>, <see cref="TruncatedJson"/>, <see cref="AbortMidBody"/>,
/// <see cref="UnknownStatus"/> and the ModelsLab shape faults let the call run (a create does create the task, a get
/// counts as a poll) and spoil only the reply.
/// </remarks>
public sealed class EmulatorFault
{
    private static readonly string[] KlingFamily = [EmulatorProviders.Kling, EmulatorProviders.PowerTokens];
    private static readonly string[] ModelsLabOnly = [EmulatorProviders.ModelsLab];
    private static readonly string[] AimlApiOnly = [EmulatorProviders.AimlApi];
    private static readonly string[] VydraOnly = [EmulatorProviders.Vydra];

    private EmulatorFault(FaultKind kind, string description)
    {
        Kind = kind;
        Description = description;
    }

    /// <summary>Gets a short description, e.g. "429 Retry-After 2 s".</summary>
    public string Description { get; }

    internal FaultKind Kind { get; }

    internal int StatusCode { get; private init; }

    internal TimeSpan RetryAfter { get; private init; }

    internal int? KlingCode { get; private init; }

    internal string? Code { get; private init; }

    internal string? Message { get; private init; }

    internal bool MisspeltMessageField { get; private init; }

    internal string? Body { get; private init; }

    internal string ContentType { get; private init; } = "application/json; charset=utf-8";

    internal bool ProcessRequest { get; private init; }

    internal TimeSpan DelayBy { get; private init; }

    internal string StatusWord { get; private init; } = string.Empty;

    /// <summary>Gets the providers the fault makes sense for, or null when it fits every provider.</summary>
    internal IReadOnlyList<string>? OnlyFor { get; private init; }

    /// <summary>
    /// HTTP 429 with a <c>Retry-After</c> header (whole seconds, rounded up) and the vendor's rate-limit body: Kling
    /// <c>{code:1302}</c> (or <paramref name="klingCode"/>, e.g. 1303), PowerTokens the gateway's
    /// <c>{error:{…}}</c> (or the Kling body when <paramref name="klingCode"/> is given), ModelsLab
    /// <c>{status:"error", retry_after}</c>, AIMLAPI its HTTP error body, Vydra <c>RATE_LIMIT_EXCEEDED</c> with
    /// <c>retryAfter</c> and <c>X-RateLimit-*</c> headers.
    /// </summary>
    /// <param name="retryAfter">The advised wait; 1 s when null.</param>
    /// <param name="klingCode">For Kling/PowerTokens, the business code (1302 or 1303).</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault RateLimited(TimeSpan? retryAfter = null, int? klingCode = null)
    {
        var wait = retryAfter ?? TimeSpan.FromSeconds(1);
        ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero, nameof(retryAfter));
        return new EmulatorFault(FaultKind.RateLimited, $"429 Retry-After {wait.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s")
        {
            StatusCode = 429,
            RetryAfter = wait,
            KlingCode = klingCode,
        };
    }

    /// <summary>
    /// An HTTP 5xx reply. 500, 503 and 504 carry the vendor's error body (Kling codes 5000, 5001, 5002); 502 is an
    /// HTML page, as a load balancer in front of any vendor would send.
    /// </summary>
    /// <param name="statusCode">500 to 599; 500 by default.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault ServerError(int statusCode = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 500);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new EmulatorFault(FaultKind.ServerError, $"HTTP {statusCode}") { StatusCode = statusCode };
    }

    /// <summary>
    /// The vendor's "out of credits" reply: Kling/PowerTokens HTTP 429 code 1102 (PowerTokens: the gateway's 402),
    /// ModelsLab 402, AIMLAPI 403, Vydra 402 <c>INSUFFICIENT_CREDITS</c>.
    /// </summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault InsufficientCredits() => new(FaultKind.InsufficientCredits, "insufficient credits");

    /// <summary>
    /// A Kling business error <c>{code, message, request_id}</c> with the HTTP status Kling pairs with the code
    /// (1000-1004 → 401, 1100-1102 → 429, 1103 → 403, 1200/1201 → 400, 1202/1203 → 404,
    /// 1300/1301 → 400, 1302-1304 → 429, 5000 → 500, 5001 → 503, 5002 → 504). Kling and PowerTokens only.
    /// </summary>
    /// <param name="code">The Kling code, e.g. 1102, 1301, 5001.</param>
    /// <param name="message">The message; Kling's wording for the code when null.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault KlingError(int code, string? message = null) =>
        new(FaultKind.KlingError, $"Kling code {code}")
        {
            KlingCode = code,
            StatusCode = KlingErrorCodes.HttpStatusFor(code),
            Message = message ?? KlingErrorCodes.DefaultMessageFor(code),
            OnlyFor = KlingFamily,
        };

    /// <summary>A ModelsLab error <c>{status:"error", message}</c>, by default inside HTTP 200 as ModelsLab often sends it. ModelsLab only.</summary>
    /// <param name="message">The error text.</param>
    /// <param name="statusCode">The HTTP status; 200 by default.</param>
    /// <param name="misspeltMessageField">True to name the field <c>messege</c>, as ModelsLab's legacy endpoints do.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault ModelsLabError(string message, int statusCode = 200, bool misspeltMessageField = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(message);
        return new EmulatorFault(FaultKind.ModelsLabError, $"ModelsLab error in HTTP {statusCode}")
        {
            StatusCode = statusCode,
            Message = message,
            MisspeltMessageField = misspeltMessageField,
            OnlyFor = ModelsLabOnly,
        };
    }

    /// <summary>An AIMLAPI HTTP error <c>{message, path, requestId, statusCode, timestamp}</c>. AIMLAPI only.</summary>
    /// <param name="statusCode">The HTTP status, 400 or more.</param>
    /// <param name="message">The error text.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault AimlApiError(int statusCode, string message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentException.ThrowIfNullOrEmpty(message);
        return new EmulatorFault(FaultKind.AimlApiError, $"AIMLAPI HTTP {statusCode}") { StatusCode = statusCode, Message = message, OnlyFor = AimlApiOnly };
    }

    /// <summary>A Vydra error <c>{error, code, details}</c>, e.g. (403, "INSUFFICIENT_SCOPE", "…"). Vydra only.</summary>
    /// <param name="statusCode">The HTTP status, 400 or more.</param>
    /// <param name="code">Vydra's error code, e.g. <c>KEY_REVOKED</c>, <c>MODEL_NOT_FOUND</c>.</param>
    /// <param name="message">The error text.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault VydraError(int statusCode, string code, string message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentException.ThrowIfNullOrEmpty(message);
        return new EmulatorFault(FaultKind.VydraError, $"Vydra HTTP {statusCode} {code}") { StatusCode = statusCode, Code = code, Message = message, OnlyFor = VydraOnly };
    }

    /// <summary>Any reply you spell out, for shapes the other faults do not cover (e.g. PowerTokens' <c>{"msg": …}</c>).</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="body">The body text, sent as UTF-8.</param>
    /// <param name="contentType">The content type.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault RawResponse(int statusCode, string body, string contentType = "application/json; charset=utf-8")
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        return new EmulatorFault(FaultKind.RawResponse, $"raw HTTP {statusCode}") { StatusCode = statusCode, Body = body, ContentType = contentType };
    }

    /// <summary>
    /// A redirect (<c>Location: <paramref name="location"/></c>, no body), as a host that moved, or a bare domain sending
    /// callers to its <c>www</c> host, answers. Clients that follow it lose their <c>Authorization</c> header on the way to
    /// another host.
    /// </summary>
    /// <param name="location">Where the reply points.</param>
    /// <param name="statusCode">A 3xx status: 301 (default), 302, 307 or 308.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault Redirect(Uri location, int statusCode = 301)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 300);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 399);
        return new EmulatorFault(FaultKind.Redirect, $"HTTP {statusCode} to {location}") { StatusCode = statusCode, Body = location.AbsoluteUri };
    }

    /// <summary>
    /// The connection is aborted before any reply byte (<c>HttpContext.Abort()</c>); the client sees a connection error.
    /// By default the request is processed first, so a create HAS created (and counted) its task, as when a reply is
    /// lost on the way back; a get has counted as a poll.
    /// </summary>
    /// <param name="processRequest">False to abort before the request is processed (nothing is created).</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault Abort(bool processRequest = true) =>
        new(FaultKind.Abort, processRequest ? "connection aborted after processing" : "connection aborted before processing") { ProcessRequest = processRequest };

    /// <summary>
    /// The reply is held back for <paramref name="delay"/> of the emulator's clock, then the call runs normally. The
    /// wait ends early (and nothing is processed) when the client gives up, so it never holds the server.
    /// </summary>
    /// <param name="delay">How long to wait; on a fake clock (<c>FakeTimeProvider</c> of Microsoft.Extensions.TimeProvider.Testing), until the clock is advanced that far.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault Delay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new EmulatorFault(FaultKind.Delay, $"delay {delay}") { DelayBy = delay };
    }

    /// <summary>The call runs, and the reply (same status and content type) is JSON that does not parse: the real body with a stray comma before its last brace.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault MalformedJson() => new(FaultKind.MalformedJson, "malformed JSON");

    /// <summary>The call runs, and the reply is a complete HTTP message whose JSON body is cut in half.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault TruncatedJson() => new(FaultKind.TruncatedJson, "truncated JSON");

    /// <summary>The call runs; the reply announces its full <c>Content-Length</c>, sends half the body, then the connection is aborted (a download cut off).</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault AbortMidBody() => new(FaultKind.AbortMidBody, "connection aborted mid-body");

    /// <summary>The call runs, and the reply shows <paramref name="statusWord"/> instead of the vendor's status word (the task itself is unaffected).</summary>
    /// <param name="statusWord">The status word to show; "frobnicating" by default.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault UnknownStatus(string statusWord = "frobnicating")
    {
        ArgumentException.ThrowIfNullOrEmpty(statusWord);
        return new EmulatorFault(FaultKind.UnknownStatus, $"status word '{statusWord}'") { StatusWord = statusWord };
    }

    /// <summary>ModelsLab's <c>id</c> is sent as a JSON string (<c>"155000001"</c>) instead of a number, as its webhook docs show. ModelsLab only.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault ModelsLabIdAsString() => new(FaultKind.ModelsLabIdAsString, "ModelsLab id as a string") { OnlyFor = ModelsLabOnly };

    /// <summary>
    /// ModelsLab's reply has no <c>id</c>: a create reply carries only <c>status</c>, <c>eta</c>, <c>fetch_result</c>
    /// and <c>future_links</c> (a real sample), so the id must come from <c>fetch_result</c>. ModelsLab only.
    /// </summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault ModelsLabReplyWithoutId() => new(FaultKind.ModelsLabReplyWithoutId, "ModelsLab reply without id") { OnlyFor = ModelsLabOnly };

    /// <inheritdoc />
    public override string ToString() => Description;
}
