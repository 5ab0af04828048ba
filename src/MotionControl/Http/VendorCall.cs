namespace MotionControl.Http;

/// <summary>
/// One vendor endpoint call: a Refit route to invoke for every attempt (Refit builds a fresh request each time), and
/// what the transport needs to know about it.
/// </summary>
/// <typeparam name="TRoutes">The vendor's Refit route interface.</typeparam>
/// <param name="Operation">A short name for logs and metrics: <c>create</c>, <c>get</c>, <c>list</c>, <c>fetch</c>, <c>cancel</c>.</param>
/// <param name="Send">Sends one attempt through the routes; the reply is handed back unread.</param>
/// <param name="IsCreate">True for a call that may create a task and a charge: never re-sent unless provably not received.</param>
internal sealed record VendorCall<TRoutes>(string Operation, Func<TRoutes, CancellationToken, Task<HttpResponseMessage>> Send, bool IsCreate = false)
{
    /// <summary>The task concerned, for error messages.</summary>
    public string? TaskId { get; init; }

    /// <summary>A call that may create a task and a charge.</summary>
    /// <param name="send">Sends one attempt, with a fresh body each time.</param>
    /// <returns>The call.</returns>
    public static VendorCall<TRoutes> Create(Func<TRoutes, CancellationToken, Task<HttpResponseMessage>> send) => new(VendorOperations.Create, send, IsCreate: true);

    /// <summary>A read of one task.</summary>
    /// <param name="taskId">The task.</param>
    /// <param name="send">Sends one attempt.</param>
    /// <returns>The call.</returns>
    public static VendorCall<TRoutes> Get(string taskId, Func<TRoutes, CancellationToken, Task<HttpResponseMessage>> send) => new(VendorOperations.Get, send) { TaskId = taskId };
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
}
