using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MotionControl.Http;
using MotionControl.Media;

namespace MotionControl.Providers.Fal;

/// <summary>
/// fal's calls over its Refit routes (queue, platform, storage), and its typed API; replies read once, errors by
/// <see cref="FalErrorPolicy"/>.
/// </summary>
internal sealed class FalEndpoints(
    VendorTransport<IFalRoutes> queue,
    VendorTransport<IFalPlatformRoutes> platform,
    VendorTransport<IFalPlatformRoutes> storage,
    Func<HttpClient> uploadClient) : IFalApi
{
    /// <summary>The storage type fal's own client asks for (fal-js <c>storage.ts</c>).</summary>
    internal const string StorageType = "fal-cdn-v3";

    /// <summary>Above this many bytes fal-js uploads in parts: 90 MiB.</summary>
    internal const long MultipartThreshold = 90L * 1024 * 1024;

    /// <summary>The size of each part of a multipart upload: 10 MiB, as fal-js.</summary>
    internal const int PartSize = 10 * 1024 * 1024;

    /// <summary>The most of a storage acknowledgement read.</summary>
    private const long MaxAcknowledgementBytes = 64 * 1024;

    private static IVendorErrorPolicy Errors => FalVendor.Descriptor.Errors;

    public async Task<FalQueueSubmission> SubmitAsync(string endpointId, FalMotionControlInput input, Uri? webhookUrl = null, CancellationToken cancellationToken = default) =>
        (await SubmitAsync(endpointId, input, webhookUrl, null, WireBody.Content, cancellationToken).ConfigureAwait(false)).Value;

    public async Task<FalQueueStatus> GetStatusAsync(string requestId, bool logs = false, CancellationToken cancellationToken = default) =>
        (await GetStatusAsync(requestId, logs, pooledReply: true, cancellationToken).ConfigureAwait(false)).Value;

    public async Task<FalVideoResult> GetResultAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        return await queue.SendValueAsync(
            ResultCall(requestId) with { PooledReply = true },
            static reply => WireReply<FalVideoResult>.Read(reply, FalJsonContext.Default.FalVideoResult, Errors).Value,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<FalCancelResponse> CancelAsync(string requestId, CancellationToken cancellationToken = default) =>
        (await CancelAsync(requestId, pooledReply: true, cancellationToken).ConfigureAwait(false)).Value;

    public async Task<FalAccountBilling> GetBillingAsync(CancellationToken cancellationToken = default) =>
        (await GetBillingAsync(pooledReply: true, cancellationToken).ConfigureAwait(false)).Value;

    public async Task<Uri> UploadAsync(Stream content, string fileName, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);

        // As fal's own client: one PUT up to 90 MB, parts of 10 MB above.
        var multipart = content.CanSeek && content.Length - content.Position > MultipartThreshold;
        var target = await InitiateAsync(new FalUploadInitiation { ContentType = contentType, FileName = fileName }, multipart, cancellationToken).ConfigureAwait(false);
        if (multipart)
        {
            await PutPartsAsync(target.Upload, content, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await SendUnauthenticatedAsync(HttpMethod.Put, target.Upload, new StreamContent(content) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } }, cancellationToken).ConfigureAwait(false);
        }

        return target.File;
    }

    /// <summary>The neutral balance: <c>credits.current_balance</c> in <c>credits.currency</c> (USD when fal names none).</summary>
    internal async Task<MotionControlBalance> GetBalanceAsync(CancellationToken cancellationToken)
    {
        var reply = await GetBillingAsync(pooledReply: false, cancellationToken).ConfigureAwait(false);
        var credits = reply.Value.Credits;
        return new MotionControlBalance
        {
            Amount = credits?.CurrentBalance
                ?? throw new MotionControlProtocolException("The fal balance reply (HTTP 200) could not be read: the billing carries no credits.current_balance.") { ProviderName = platform.ProviderName },
            Unit = string.IsNullOrWhiteSpace(credits.Currency) ? MotionControlCharge.Usd : credits.Currency.Trim().ToUpperInvariant(),
            Source = "credits.current_balance",
        };
    }

    /// <summary>Submits a body built from <paramref name="input"/> by <paramref name="createContent"/> (which streams local media in, for the neutral client).</summary>
    internal ValueTask<WireReply<FalQueueSubmission>> SubmitAsync(
        string endpointId,
        FalMotionControlInput input,
        Uri? webhookUrl,
        IReadOnlyDictionary<string, JsonNode?>? additionalProperties,
        Func<ReadOnlyMemory<byte>, HttpContent> createContent,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointId);
        ArgumentNullException.ThrowIfNull(input);
        var body = WireBody.Serialize(input, FalJsonContext.Default.FalMotionControlInput, additionalProperties);
        var route = new SubmitRoute(endpointId.Trim('/'), webhookUrl?.AbsoluteUri, createContent);
        return queue.SendValueAsync(
            new VendorCall<IFalRoutes>(VendorOperations.Create, static (routes, call, ct) =>
            {
                var submit = (SubmitRoute)call.State!;
                return routes.SubmitAsync(submit.EndpointId, submit.CreateContent(call.Body), submit.Webhook, ct);
            }, isCreate: true)
            { Body = body, State = route },
            static reply =>
            {
                var created = WireReply<FalQueueSubmission>.Read(reply, FalJsonContext.Default.FalQueueSubmission, Errors);
                return string.IsNullOrWhiteSpace(created.Value.RequestId) ? throw reply.ProtocolError("the reply carries no request_id") : created;
            },
            cancellationToken);
    }

    internal ValueTask<WireReply<FalQueueStatus>> GetStatusAsync(string requestId, bool logs, bool pooledReply, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        return queue.SendValueAsync(
            VendorCall<IFalRoutes>.Get(requestId, logs ? static (routes, call, ct) => routes.GetStatusAsync(call.TaskId!, 1, ct) : static (routes, call, ct) => routes.GetStatusAsync(call.TaskId!, null, ct)) with { PooledReply = pooledReply },
            static reply => WireReply<FalQueueStatus>.Read(reply, FalJsonContext.Default.FalQueueStatus, Errors),
            cancellationToken);
    }

    /// <summary>
    /// Reads a completed request's result for the neutral task: the video, or the error fal answers a failed (or cancelled)
    /// request's result with. Authentication, rate limits, unknown requests and server errors still throw.
    /// </summary>
    internal ValueTask<FalOutcome> GetOutcomeAsync(string requestId, CancellationToken cancellationToken) =>
        queue.SendValueAsync(
            ResultCall(requestId),
            static reply =>
            {
                if (reply.IsSuccessStatusCode)
                {
                    var result = WireReply<FalVideoResult>.Read(reply, FalJsonContext.Default.FalVideoResult);
                    return new FalOutcome(result.Value, null, result.Raw);
                }

                var status = (int)reply.StatusCode;
                if (status is 401 or 402 or 403 or 404 or 408 or 429 or >= 500)
                {
                    throw Errors.Map(reply);
                }

                // A 4xx naming the request's own failure (fal's detail): the request ended without a video.
                var error = reply.TryRead(FalJsonContext.Default.FalErrorResponse);
                var reason = error?.Detail ?? error?.Message ?? reply.PlainText() ?? $"fal answered the result with HTTP {status} and no reason.";
                return new FalOutcome(null, reason, reply.Root is { } root ? Serialization.LazyJson.FromElement(root) : null);
            },
            cancellationToken);

    /// <summary>Cancels a request, keeping the reply's JSON; fal's refusal of a started request (400 <c>ALREADY_COMPLETED</c>) is a reply, not an error.</summary>
    internal ValueTask<WireReply<FalCancelResponse>> CancelAsync(string requestId, bool pooledReply, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);

        // Cancelling twice does no harm, so a lost reply may be retried like a read.
        return queue.SendValueAsync(
            new VendorCall<IFalRoutes>(VendorOperations.Cancel, static (routes, call, ct) => routes.CancelAsync(call.TaskId!, ct)) { TaskId = requestId, PooledReply = pooledReply },
            static reply =>
            {
                if (!reply.IsSuccessStatusCode && reply.StatusCode == HttpStatusCode.BadRequest
                    && reply.TryRead(FalJsonContext.Default.FalCancelResponse) is { Status: { } word } refused
                    && string.Equals(word, FalCancelResponse.AlreadyCompleted, StringComparison.OrdinalIgnoreCase))
                {
                    return new WireReply<FalCancelResponse>(refused, new Serialization.LazyJson(reply.Json.ToArray()));
                }

                return WireReply<FalCancelResponse>.Read(reply, FalJsonContext.Default.FalCancelResponse, Errors);
            },
            cancellationToken);
    }

    private ValueTask<WireReply<FalAccountBilling>> GetBillingAsync(bool pooledReply, CancellationToken cancellationToken) =>
        platform.SendValueAsync(
            new VendorCall<IFalPlatformRoutes>(VendorOperations.Balance, static (routes, ct) => routes.GetBillingAsync("credits", ct)) { PooledReply = pooledReply },
            static reply => WireReply<FalAccountBilling>.Read(reply, FalJsonContext.Default.FalAccountBilling, Errors),
            cancellationToken);

    private static VendorCall<IFalRoutes> ResultCall(string requestId) =>
        VendorCall<IFalRoutes>.Get(requestId, static (routes, call, ct) => routes.GetResultAsync(call.TaskId!, ct));

    /// <summary>Asks fal storage for an upload address: a read in how it is retried (it holds nothing on the account).</summary>
    private ValueTask<(Uri Upload, Uri File)> InitiateAsync(FalUploadInitiation initiation, bool multipart, CancellationToken cancellationToken)
    {
        var body = WireBody.Serialize(initiation, FalJsonContext.Default.FalUploadInitiation, null);
        var call = multipart
            ? new VendorCall<IFalPlatformRoutes>(FalOperations.Upload, static (routes, call, ct) => routes.InitiateMultipartUploadAsync(StorageType, WireBody.Content(call.Body), ct))
            : new VendorCall<IFalPlatformRoutes>(FalOperations.Upload, static (routes, call, ct) => routes.InitiateUploadAsync(StorageType, WireBody.Content(call.Body), ct));
        return storage.SendValueAsync(
            call with { Body = body, PooledReply = true },
            static reply =>
            {
                var value = WireReply<FalUploadTarget>.Read(reply, FalJsonContext.Default.FalUploadTarget, Errors).Value;
                return Uri.TryCreate(value.UploadUrl, UriKind.Absolute, out var upload) && Uri.TryCreate(value.FileUrl, UriKind.Absolute, out var file)
                    ? (upload, file)
                    : throw reply.ProtocolError("the upload initiation carries no absolute upload_url and file_url");
            },
            cancellationToken);
    }

    /// <summary>
    /// A multipart upload as fal-js does it: each 10 MB part PUT to <c>{upload_url path}/{n}{query}</c> (answered with
    /// <c>{partNumber, etag}</c>), then <c>POST {upload_url path}/complete{query}</c> with every part.
    /// </summary>
    private async Task PutPartsAsync(Uri upload, Stream content, CancellationToken cancellationToken)
    {
        var root = upload.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var parts = new List<FalUploadPart>();
        var buffer = new byte[PartSize];
        for (var number = 1; ; number++)
        {
            var read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            var reply = await SendUnauthenticatedAsync(HttpMethod.Put, new Uri(root + "/" + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + upload.Query), new ByteArrayContent(buffer, 0, read), cancellationToken).ConfigureAwait(false);
            var part = ReadPart(reply, number);
            parts.Add(part);
            if (read < buffer.Length)
            {
                break;
            }
        }

        var completion = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new FalUploadCompletion { Parts = parts }, FalJsonContext.Default.FalUploadCompletion);
        await SendUnauthenticatedAsync(HttpMethod.Post, new Uri(root + "/complete" + upload.Query), WireBody.Content(completion), cancellationToken).ConfigureAwait(false);
    }

    private FalUploadPart ReadPart(byte[] reply, int number)
    {
        try
        {
            var part = System.Text.Json.JsonSerializer.Deserialize(reply, FalJsonContext.Default.FalUploadPart);
            if (part is { Etag.Length: > 0 })
            {
                return part with { PartNumber = part.PartNumber == 0 ? number : part.PartNumber };
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Reported below.
        }

        throw new MotionControlProtocolException($"fal storage answered part {number} of a multipart upload without its etag.") { ProviderName = storage.ProviderName };
    }

    /// <summary>A request to fal's pre-signed storage addresses, on the download client: it never carries the fal key.</summary>
    private Task<byte[]> SendUnauthenticatedAsync(HttpMethod method, Uri target, HttpContent content, CancellationToken cancellationToken) =>
        PresignedTransfer.SendAsync(uploadClient(), method, target, content, "fal", storage.ProviderName, storage.Redactor, MaxAcknowledgementBytes, cancellationToken);

    /// <summary>What a submit's route needs beyond the body: the endpoint, the webhook and how to wrap the body.</summary>
    private sealed record SubmitRoute(string EndpointId, string? Webhook, Func<ReadOnlyMemory<byte>, HttpContent> CreateContent);
}

/// <summary>A completed request's result as the neutral task sees it: the video, or why there is none.</summary>
/// <param name="Result">The result, when fal answered it.</param>
/// <param name="Error">fal's reason, when it answered with an error instead.</param>
/// <param name="Raw">The reply's JSON.</param>
internal sealed record FalOutcome(FalVideoResult? Result, string? Error, Serialization.LazyJson? Raw);

/// <summary>fal's operation names beyond the shared ones.</summary>
internal static class FalOperations
{
    /// <summary>An upload to fal storage (the initiation; a read in how it is retried).</summary>
    public const string Upload = "upload";
}
