namespace MotionControl.Http;

/// <summary>
/// One vendor endpoint call: a Refit route to invoke for every attempt (Refit builds a fresh request each time), and
/// what the transport needs to know about it.
/// </summary>
/// <remarks>
/// A value, not an object: an endpoint passes what the route needs (the task id, the create body and how to wrap it) as
/// the call's <see cref="State"/> and <see cref="Body"/> to a static route delegate, so a call allocates nothing of its
/// own (no call object, closure or delegate per call).
/// </remarks>
/// <typeparam name="TRoutes">The vendor's Refit route interface.</typeparam>
internal readonly struct VendorCall<TRoutes>
{
    private static readonly Func<TRoutes, VendorCall<TRoutes>, CancellationToken, Task<HttpResponseMessage>> SendThroughState =
        static (routes, call, cancellationToken) => ((Func<TRoutes, CancellationToken, Task<HttpResponseMessage>>)call.State!)(routes, cancellationToken);

    private readonly Func<TRoutes, VendorCall<TRoutes>, CancellationToken, Task<HttpResponseMessage>> _send;

    /// <summary>A call whose route delegate takes the call itself: its <see cref="TaskId"/>, <see cref="State"/> and <see cref="Body"/>.</summary>
    /// <param name="operation">A short name for logs and metrics: <c>create</c>, <c>get</c>, <c>list</c>, <c>fetch</c>, <c>cancel</c>.</param>
    /// <param name="send">Sends one attempt through the routes; the reply is handed back unread. Best static.</param>
    /// <param name="isCreate">True for a call that may create a task and a charge: never re-sent unless provably not received.</param>
    public VendorCall(string operation, Func<TRoutes, VendorCall<TRoutes>, CancellationToken, Task<HttpResponseMessage>> send, bool isCreate = false)
    {
        Operation = operation;
        _send = send;
        IsCreate = isCreate;
    }

    /// <summary>A call whose route delegate carries what it needs itself (a closure).</summary>
    /// <param name="operation">A short name for logs and metrics.</param>
    /// <param name="send">Sends one attempt through the routes; the reply is handed back unread.</param>
    /// <param name="isCreate">True for a call that may create a task and a charge.</param>
    public VendorCall(string operation, Func<TRoutes, CancellationToken, Task<HttpResponseMessage>> send, bool isCreate = false)
        : this(operation, SendThroughState, isCreate)
    {
        State = send;
    }

    /// <summary>A short name for logs and metrics: <c>create</c>, <c>get</c>, <c>list</c>, <c>fetch</c>, <c>cancel</c>.</summary>
    public string Operation { get; }

    /// <summary>True for a call that may create a task and a charge: never re-sent unless provably not received.</summary>
    public bool IsCreate { get; }

    /// <summary>The task concerned, for error messages (and the route, for reads of one task).</summary>
    public string? TaskId { get; init; }

    /// <summary>What the route delegate needs beyond <see cref="TaskId"/> and <see cref="Body"/> (for a create: how to wrap the body).</summary>
    public object? State { get; init; }

    /// <summary>A create's JSON body, wrapped anew for every attempt.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>
    /// True when the interpreter keeps nothing of the reply's bytes past its return (the typed APIs, which return only
    /// DTOs deserialized from them, no <see cref="MotionControlTask.Raw"/> and no <c>WireReply</c>): the body is then read
    /// into a pooled buffer, given back once the reply is interpreted. Never set it for a call whose result keeps the JSON.
    /// </summary>
    public bool PooledReply { get; init; }

    /// <summary>A call that may create a task and a charge.</summary>
    /// <param name="send">Sends one attempt, with a fresh body each time.</param>
    /// <returns>The call.</returns>
    public static VendorCall<TRoutes> Create(Func<TRoutes, CancellationToken, Task<HttpResponseMessage>> send) => new(VendorOperations.Create, send, isCreate: true);

    /// <summary>A create of <paramref name="body"/>, wrapped for each attempt by <paramref name="createContent"/> (which may stream local media in).</summary>
    /// <param name="body">The create's JSON body.</param>
    /// <param name="createContent">Builds one attempt's content from the body.</param>
    /// <param name="send">Sends one attempt with the content it is given. Best static.</param>
    /// <returns>The call.</returns>
    public static VendorCall<TRoutes> Create(
        ReadOnlyMemory<byte> body,
        Func<ReadOnlyMemory<byte>, HttpContent> createContent,
        Func<TRoutes, VendorCall<TRoutes>, CancellationToken, Task<HttpResponseMessage>> send) =>
        new(VendorOperations.Create, send, isCreate: true) { Body = body, State = createContent };

    /// <summary>A read of one task.</summary>
    /// <param name="taskId">The task.</param>
    /// <param name="send">Sends one attempt.</param>
    /// <returns>The call.</returns>
    public static VendorCall<TRoutes> Get(string taskId, Func<TRoutes, CancellationToken, Task<HttpResponseMessage>> send) => new(VendorOperations.Get, send) { TaskId = taskId };

    /// <summary>A read of one task, by a route delegate that takes the id from the call (<see cref="TaskId"/>).</summary>
    /// <param name="taskId">The task.</param>
    /// <param name="send">Sends one attempt. Best static.</param>
    /// <returns>The call.</returns>
    public static VendorCall<TRoutes> Get(string taskId, Func<TRoutes, VendorCall<TRoutes>, CancellationToken, Task<HttpResponseMessage>> send) => new(VendorOperations.Get, send) { TaskId = taskId };

    /// <summary>Sends one attempt through <paramref name="routes"/>.</summary>
    /// <param name="routes">The vendor's routes.</param>
    /// <param name="cancellationToken">The attempt's token.</param>
    /// <returns>The reply, unread.</returns>
    public Task<HttpResponseMessage> Send(TRoutes routes, CancellationToken cancellationToken) => _send(routes, this, cancellationToken);

    /// <summary>One attempt's content for a create built with <see cref="Create(ReadOnlyMemory{byte}, Func{ReadOnlyMemory{byte}, HttpContent}, Func{TRoutes, VendorCall{TRoutes}, CancellationToken, Task{HttpResponseMessage}})"/>.</summary>
    /// <returns>A fresh content for the body.</returns>
    public HttpContent CreateContent() => ((Func<ReadOnlyMemory<byte>, HttpContent>)State!)(Body);
}

/// <summary>The operation names logs, metrics and error messages use alike for every vendor.</summary>
internal static class VendorOperations
{
    /// <summary>A call that may create a task and a charge.</summary>
    public const string Create = "create";

    /// <summary>A read of one task.</summary>
    public const string Get = "get";

    /// <summary>A page of the task list.</summary>
    public const string List = "list";

    /// <summary>A read of the account's balance (a read: retried like <see cref="Get"/>).</summary>
    public const string Balance = "balance";

    /// <summary>A request to stop a task (not a create: retried like a read, since asking twice is harmless).</summary>
    public const string Cancel = "cancel";
}
