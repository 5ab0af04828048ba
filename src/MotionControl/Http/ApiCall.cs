namespace MotionControl.Http;

/// <summary>One vendor endpoint call, described so it can be re-created for every attempt.</summary>
/// <param name="Operation">A short name for logs and metrics: <c>create</c>, <c>get</c>, <c>list</c>, <c>fetch</c>, <c>cancel</c>.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path and query relative to the vendor's base address (no leading slash needed).</param>
/// <param name="CreateContent">Builds a fresh body for each attempt; <see langword="null"/> for no body.</param>
/// <param name="IsCreate">True for a call that may create a task and a charge: never re-sent unless provably not received.</param>
internal sealed record ApiCall(string Operation, HttpMethod Method, string Path, Func<HttpContent>? CreateContent = null, bool IsCreate = false)
{
    /// <summary>The operation name of every create, so logs, metrics and error messages name it alike for all vendors.</summary>
    public const string CreateOperation = "create";

    /// <summary>The task concerned, for error messages.</summary>
    public string? TaskId { get; init; }

    /// <summary>A POST that may create a task and a charge, with a fresh body from <paramref name="content"/> per attempt.</summary>
    /// <param name="path">The create path, relative to the vendor's base address.</param>
    /// <param name="content">Builds the body for one attempt.</param>
    /// <returns>The call.</returns>
    public static ApiCall Create(string path, Func<HttpContent> content) => new(CreateOperation, HttpMethod.Post, path, content, IsCreate: true);
}
