using Microsoft.AspNetCore.Http;

namespace MotionControl.Testing;

/// <summary>One request on its way through the emulator: what arrived, its call number and the fault chosen for it.</summary>
internal sealed class VendorCall
{
    public VendorCall(
        HttpContext httpContext,
        EmulatorState state,
        string provider,
        EmulatorOperation operation,
        int callNumber,
        string body,
        string recordedBody,
        EmulatorFault? fault)
    {
        HttpContext = httpContext;
        State = state;
        Provider = provider;
        Operation = operation;
        CallNumber = callNumber;
        Body = body;
        RecordedBody = recordedBody;
        Fault = fault;
    }

    public HttpContext HttpContext { get; }

    public EmulatorState State { get; }

    public string Provider { get; }

    public EmulatorOperation Operation { get; }

    public int CallNumber { get; }

    /// <summary>Gets the body as received.</summary>
    public string Body { get; }

    /// <summary>Gets the body's bytes, for routes that take a binary body (a multipart upload); null elsewhere.</summary>
    public byte[]? BodyBytes { get; init; }

    /// <summary>Gets the body as logged (secrets redacted unless redaction is off).</summary>
    public string RecordedBody { get; }

    /// <summary>Gets or sets the fault for this call (cleared once a delay has been served).</summary>
    public EmulatorFault? Fault { get; set; }

    public string RequestId { get; } = Guid.NewGuid().ToString();

    public DateTimeOffset Now => State.TimeProvider.GetUtcNow();

    public string Path => HttpContext.Request.Path.Value ?? "/";

    public string? Authorization => AuthorizationOf(HttpContext.Request);

    /// <summary>Gets the Authorization header (repeated values joined by a comma), or null when there is none.</summary>
    public static string? AuthorizationOf(HttpRequest request) =>
        request.Headers.Authorization is { Count: > 0 } values ? values.ToString() : null;

    public string? RouteValue(string name) => HttpContext.Request.RouteValues[name]?.ToString();

    public string? Query(string name) =>
        HttpContext.Request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    public bool Has(FaultKind kind) => Fault?.Kind == kind;

    /// <summary>Gets the status word to show: the vendor's own, unless an unknown-status fault replaces it.</summary>
    public string StatusWord(string vendorWord) => Fault is { Kind: FaultKind.UnknownStatus } fault ? fault.StatusWord : vendorWord;
}
