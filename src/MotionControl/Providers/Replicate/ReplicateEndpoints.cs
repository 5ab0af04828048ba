using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using MotionControl.Http;
using MotionControl.Media;
using MotionControl.Serialization;

namespace MotionControl.Providers.Replicate;

/// <summary>Replicate's calls over its Refit routes, and its typed API; replies read once, errors by <see cref="ReplicateErrorPolicy"/>.</summary>
internal sealed class ReplicateEndpoints(VendorTransport<IReplicateRoutes> transport, TimeSpan? cancelAfter) : IReplicateApi
{
    /// <summary>The operation name of a file upload in logs and errors (not a create: a repeated upload only stores another copy).</summary>
    public const string Upload = "upload";

    private static readonly Func<VendorReply, WireReply<ReplicatePrediction>> ReadPredictionReader = ReadPrediction;
    private static readonly Func<VendorReply, WireReply<ReplicatePrediction>> ReadVideoPredictionReader = ReadVideoPrediction;

    private static IVendorErrorPolicy Errors => ReplicateErrorPolicy.Instance;

    private readonly string? _cancelAfter = cancelAfter is { } deadline ? ReplicateCancelAfter.Format(deadline) : null;

    public async Task<ReplicatePrediction> CreatePredictionAsync(string model, ReplicatePredictionRequest request, CancellationToken cancellationToken = default) =>
        (await CreateAsync(model, request, null, WireBody.Content, cancellationToken).ConfigureAwait(false)).Value;

    // The typed reads return the prediction as Replicate sent it (any model's output); the neutral ones require a video.
    public async Task<ReplicatePrediction> GetPredictionAsync(string predictionId, CancellationToken cancellationToken = default) =>
        (await GetAsync(predictionId, requireVideo: false, cancellationToken).ConfigureAwait(false)).Value;

    public async Task<ReplicatePrediction> CancelPredictionAsync(string predictionId, CancellationToken cancellationToken = default) =>
        (await CancelAsync(predictionId, requireVideo: false, cancellationToken).ConfigureAwait(false)).Value;

    public async Task<ReplicateFile> UploadFileAsync(Stream content, string fileName, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        if (!content.CanSeek)
        {
            throw new ArgumentException("The content must be a seekable stream, so an upload that meets a transient failure can be sent again.", nameof(content));
        }

        var start = content.Position;
        var type = MediaTypeHeaderValue.Parse(contentType);
        return await transport.SendValueAsync(
            new VendorCall<IReplicateRoutes>(Upload, (routes, ct) =>
            {
                // A fresh form for every attempt, over a window that re-reads the caller's stream from its start and never disposes it.
                var part = new StreamContent(new StreamSlice(content, start));
                part.Headers.ContentType = type;
                var form = new MultipartFormDataContent { { part, "content", fileName } };
                return routes.UploadAsync(form, ct);
            }),
            static reply =>
            {
                var file = WireReply<ReplicateFile>.Read(reply, ReplicateJsonContext.Default.ReplicateFile, Errors).Value;
                return Uri.TryCreate(file.Urls?.Get, UriKind.Absolute, out _) ? file : throw reply.ProtocolError("the uploaded file carries no urls.get");
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replicate's <c>owner</c> and <c>name</c> of <paramref name="model"/>: the SDK's names and Replicate's map to Kling's models, <c>owner/name</c> is kept, a bare name is taken as a <c>kwaivgi</c> model.</summary>
    internal static (string Owner, string Name) ModelPath(string model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        var profile = ReplicateVendor.Descriptor.Capabilities.ProfileOf(model);
        var id = profile is null ? model.Trim() : profile.Aliases[0];
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < id.Length - 1 ? (id[..slash], id[(slash + 1)..]) : (ReplicateClient.Owner, id);
    }

    /// <summary>Sends a create whose body is built by <paramref name="createContent"/> (which streams local media in, for the neutral client).</summary>
    /// <remarks>Additional properties go into <c>input</c>: the model's own parameters live there.</remarks>
    internal ValueTask<WireReply<ReplicatePrediction>> CreateAsync(
        string model,
        ReplicatePredictionRequest request,
        IReadOnlyDictionary<string, JsonNode?>? additionalProperties,
        Func<ReadOnlyMemory<byte>, HttpContent> createContent,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (owner, name) = ModelPath(model);
        var body = Serialize(request, additionalProperties);
        var deadline = _cancelAfter;
        return transport.SendValueAsync(
            new VendorCall<IReplicateRoutes>(VendorOperations.Create, (routes, ct) => routes.CreateAsync(owner, name, createContent(body), deadline, ct), isCreate: true),
            ReadCreated,
            cancellationToken);
    }

    /// <summary>Reads a prediction; with <paramref name="requireVideo"/>, a succeeded one without a video URL is a (transient) protocol error.</summary>
    internal ValueTask<WireReply<ReplicatePrediction>> GetAsync(string predictionId, bool requireVideo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(predictionId);
        return transport.SendValueAsync(
            VendorCall<IReplicateRoutes>.Get(predictionId, static (routes, call, ct) => routes.GetAsync(call.TaskId!, ct)),
            requireVideo ? ReadVideoPredictionReader : ReadPredictionReader,
            cancellationToken);
    }

    internal ValueTask<WireReply<ReplicatePrediction>> CancelAsync(string predictionId, bool requireVideo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(predictionId);

        // Cancelling twice does no harm, so a lost reply may be retried like a read.
        return transport.SendValueAsync(
            new VendorCall<IReplicateRoutes>(VendorOperations.Cancel, static (routes, call, ct) => routes.CancelAsync(call.TaskId!, ct)) { TaskId = predictionId },
            requireVideo ? ReadVideoPredictionReader : ReadPredictionReader,
            cancellationToken);
    }

    private static byte[] Serialize(ReplicatePredictionRequest request, IReadOnlyDictionary<string, JsonNode?>? additionalProperties)
    {
        if (additionalProperties is not { Count: > 0 })
        {
            return JsonSerializer.SerializeToUtf8Bytes(request, ReplicateJsonContext.Default.ReplicatePredictionRequest);
        }

        var body = (JsonObject)JsonSerializer.SerializeToNode(request, ReplicateJsonContext.Default.ReplicatePredictionRequest)!;
        var input = (JsonObject)body["input"]!;
        foreach (var (name, value) in additionalProperties)
        {
            // Cloned: a node belongs to one parent, and the caller's request must stay usable for the next submission.
            input[name] = value?.DeepClone();
        }

        return JsonSerializer.SerializeToUtf8Bytes(body, MotionControlJsonContext.Default.JsonObject);
    }

    private static WireReply<ReplicatePrediction> ReadCreated(VendorReply reply)
    {
        var created = WireReply<ReplicatePrediction>.Read(reply, ReplicateJsonContext.Default.ReplicatePrediction, Errors);
        return string.IsNullOrWhiteSpace(created.Value.Id) ? throw reply.ProtocolError("the reply carries no prediction id") : created;
    }

    private static WireReply<ReplicatePrediction> ReadPrediction(VendorReply reply) =>
        WireReply<ReplicatePrediction>.Read(reply, ReplicateJsonContext.Default.ReplicatePrediction, Errors);

    private static WireReply<ReplicatePrediction> ReadVideoPrediction(VendorReply reply)
    {
        var prediction = ReadPrediction(reply);
        var value = prediction.Value;
        if (string.Equals(value.Status, "succeeded", StringComparison.OrdinalIgnoreCase) && value.OutputUrls.Count == 0 && value.DataRemoved != true)
        {
            // Transient on purpose: a read is retried and a wait keeps polling, in case the output is filled in a moment later.
            throw reply.ProtocolError("the prediction succeeded but its output carries no video URL");
        }

        return prediction;
    }
}
