using System.Collections;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;

namespace MotionControl.ContractTests.Fuzzing;

/// <summary>What broke the property on one case: a short signature to group cases by, and the full account.</summary>
internal sealed record Violation(string Signature, string Detail);

/// <summary>
/// The property every reply must satisfy, on every surface that reads it: the call returns (and what it returned can be
/// read: every getter, the task's <c>Raw</c> JSON), or it throws a <see cref="MotionControlException"/> (any kind,
/// <see cref="MotionControlSubmissionOutcomeUnknownException"/> included) whose messages, its own and its inner
/// exceptions' (which <c>ToString()</c> and loggers print), name no configured secret, nor do its
/// <see cref="MotionControlException.VendorMessage"/> and <see cref="MotionControlProtocolException.ResponseExcerpt"/>,
/// which is at most 300 characters plus an ellipsis. Nothing else may escape: no NullReferenceException,
/// InvalidCastException, JsonException and so on; and no call may send more than a few requests.
/// </summary>
internal static class ReplyProperty
{
    public const int ExcerptLength = 300;

    /// <summary>More requests than any one call may make (a Kling create with its lost-reply recovery makes at most 5, a list of 10 items 10).</summary>
    private const int MaxRequestsPerCall = 25;

    public static async Task<Violation?> CheckAsync(FuzzTarget target, FuzzReply reply)
    {
        using var handler = InMemoryReplies.Serving(reply);
        using var http = new HttpClient(handler, disposeHandler: false);
        var (client, calls) = target.Connect(http);
        using (client)
        {
            foreach (var call in calls)
            {
                handler.Requests = 0;
                var violation = await CheckAsync(call, target.Secrets);
                if (violation is null && handler.Requests > MaxRequestsPerCall)
                {
                    violation = new Violation("too many requests", $"sent {handler.Requests} requests for one call");
                }

                if (violation is not null)
                {
                    var where = $"{target.Vendor} {target.Endpoint}, {call.Surface}";
                    return new Violation($"{call.Surface}: {violation.Signature}", $"{where}: {violation.Detail}");
                }
            }
        }

        return null;
    }

    private static async Task<Violation?> CheckAsync(FuzzCall call, IReadOnlyList<string> secrets)
    {
        IEnumerable<object?> results;
        try
        {
            results = await call.Run();
        }
        catch (Exception ex)
        {
            return Judge(ex, secrets);
        }

        // What came back must be readable: every getter (records print them all), the task's Raw JSON and videos.
        try
        {
            foreach (var result in results)
            {
                Touch(result);
            }
        }
        catch (Exception ex)
        {
            return new Violation($"{ex.GetType().Name} reading the result at {SdkFrame(ex)}", $"reading the returned value threw {Describe(ex)}");
        }

        return null;
    }

    /// <summary>
    /// Reads everything a caller could read: every public getter, down through lists and nested DTOs. Each getter runs,
    /// the tolerant readers' aliases and the task's lazily parsed <c>Raw</c> included. A <see cref="JsonElement"/> is asked
    /// only its kind: what it then holds is the vendor's JSON as sent, and reading invalid UTF-8 out of it is
    /// System.Text.Json's concern.
    /// </summary>
    private static void Touch(object? value, int depth = 0)
    {
        switch (value)
        {
            case null:
                // CancelJobAsync documents null (a bodiless 2xx); a null item of a list has nothing to read.
                return;
            case JsonElement element:
                _ = element.ValueKind;
                return;
            case string or Uri or ValueType:
                return;
            case IEnumerable items:
                foreach (var item in items)
                {
                    Touch(item, depth + 1);
                }

                return;
            case MotionControlTask task:
                _ = task.ToString();
                break;
        }

        if (depth > 8)
        {
            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            object? read;
            try
            {
                read = property.GetValue(value);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(ex.InnerException);
                throw;
            }

            Touch(read, depth + 1);
        }
    }

    private static Violation? Judge(Exception ex, IReadOnlyList<string> secrets)
    {
        if (ex is not MotionControlException)
        {
            return new Violation($"{ex.GetType().Name} at {SdkFrame(ex)}", $"{ex.GetType().FullName} escaped: {Describe(ex)}");
        }

        for (var e = (Exception?)ex; e is not null; e = e.InnerException)
        {
            foreach (var secret in secrets)
            {
                if (e.Message.Contains(secret, StringComparison.Ordinal))
                {
                    return new Violation($"secret in the {e.GetType().Name} message", $"the message names the secret \"{secret}\": {Describe(ex)}");
                }

                if (e is MotionControlException { VendorMessage: { } said } && said.Contains(secret, StringComparison.Ordinal))
                {
                    return new Violation($"secret in {e.GetType().Name}.VendorMessage", $"VendorMessage names the secret \"{secret}\": {said}");
                }

                if (e is MotionControlProtocolException { ResponseExcerpt: { } leaked } && leaked.Contains(secret, StringComparison.Ordinal))
                {
                    return new Violation("secret in ResponseExcerpt", $"ResponseExcerpt names the secret \"{secret}\": {leaked}");
                }
            }

            if (e is MotionControlProtocolException { ResponseExcerpt: { } excerpt }
                && (excerpt.Length > ExcerptLength + 1 || (excerpt.Length == ExcerptLength + 1 && !excerpt.EndsWith('…'))))
            {
                return new Violation("ResponseExcerpt too long", $"ResponseExcerpt has {excerpt.Length} characters: {excerpt}");
            }
        }

        return null;
    }

    /// <summary>The exception with its inner exceptions and the top of each stack.</summary>
    private static string Describe(Exception ex)
    {
        var text = new StringBuilder();
        for (var e = (Exception?)ex; e is not null; e = e.InnerException)
        {
            text.AppendLine().Append("  ").Append(e.GetType().FullName).Append(": ").Append(e.Message);
            foreach (var line in (e.StackTrace ?? string.Empty).Split('\n').Take(8))
            {
                text.AppendLine().Append("    ").Append(line.Trim());
            }
        }

        return text.ToString();
    }

    /// <summary>The innermost SDK frame of the stack (where the SDK let the exception through), for grouping.</summary>
    private static string SdkFrame(Exception ex)
    {
        var frames = (ex.StackTrace ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("at ", StringComparison.Ordinal));
        var frame = frames.FirstOrDefault(l => l.StartsWith("at MotionControl.", StringComparison.Ordinal) && !l.StartsWith("at MotionControl.ContractTests.", StringComparison.Ordinal))
            ?? frames.FirstOrDefault()
            ?? "(no stack)";
        var paren = frame.IndexOf('(', StringComparison.Ordinal);
        return paren > 0 ? frame[3..paren] : frame[3..];
    }
}
