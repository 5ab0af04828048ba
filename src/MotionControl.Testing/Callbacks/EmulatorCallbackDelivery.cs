namespace MotionControl.Testing;

/// <summary>One callback the emulator sent (or could not send), as <see cref="MotionControlEmulator.Callbacks"/> lists them.</summary>
public sealed class EmulatorCallbackDelivery
{
    internal EmulatorCallbackDelivery(string provider, string taskId, Uri url, string? webhookId, bool signed, string body, DateTimeOffset sentAt, int? statusCode, string? error)
    {
        Provider = provider;
        TaskId = taskId;
        Url = url;
        WebhookId = webhookId;
        IsSigned = signed;
        Body = body;
        SentAt = sentAt;
        StatusCode = statusCode;
        Error = error;
    }

    /// <summary>Gets the provider whose callback it is (see <see cref="EmulatorProviders"/>).</summary>
    public string Provider { get; }

    /// <summary>Gets the task the callback describes.</summary>
    public string TaskId { get; }

    /// <summary>Gets where it was sent: the create request's callback URL, or the one given to <see cref="MotionControlEmulator.SendCallbackAsync"/>.</summary>
    public Uri Url { get; }

    /// <summary>Gets the <c>webhook-id</c> header, or null when the callback carried no signature headers.</summary>
    public string? WebhookId { get; }

    /// <summary>Gets a value indicating whether the callback carried signature headers (valid or not).</summary>
    public bool IsSigned { get; }

    /// <summary>Gets the body sent.</summary>
    public string Body { get; }

    /// <summary>Gets when it was sent, on the emulator's clock.</summary>
    public DateTimeOffset SentAt { get; }

    /// <summary>Gets the receiver's HTTP status code, or null when no answer came (see <see cref="Error"/>).</summary>
    public int? StatusCode { get; }

    /// <summary>Gets why there was no answer (not sent to a non-loopback address, connection refused, timeout), or null.</summary>
    public string? Error { get; }

    /// <summary>Returns the provider, task, status code or error; never the body or headers.</summary>
    /// <returns>For example <c>kling callback for 860000000000000001: 200</c>.</returns>
    public override string ToString() => $"{Provider} callback for {TaskId}: {StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Error}";
}
