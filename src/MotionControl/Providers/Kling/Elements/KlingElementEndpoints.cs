using System.Text.Json.Serialization.Metadata;
using MotionControl.Http;

namespace MotionControl.Providers.Kling;

/// <summary>
/// Kling's element-management calls behind <see cref="IKlingApi"/> (https://kling.ai/document-api/api/video/3-0-omni/elements):
/// create, read one, the custom and preset lists, delete. The envelope rule of every Kling call (HTTP 2xx <b>and</b>
/// <c>code</c> 0); documented ranges are checked before anything is sent. A rejected token (1003/1004) is forgotten, so
/// the retry signs a new one.
/// </summary>
internal sealed class KlingElementEndpoints
{
    /// <summary>The list calls' page-number range: 1–1000.</summary>
    public const int MaxPageNumber = 1000;

    /// <summary>The list calls' page-size range: 1–500.</summary>
    public const int MaxPageSize = 500;

    /// <summary>The operation name of a delete, for logs, metrics and error messages.</summary>
    public const string DeleteOperation = "delete";

    private readonly VendorTransport<IKlingServiceRoutes> _transport;
    private readonly IVendorErrorPolicy _errors;
    private readonly Func<VendorReply, KlingResponse<KlingElementTask>> _readTask;
    private readonly Func<VendorReply, KlingResponse<KlingElementTask>> _readDelete;
    private readonly Func<VendorReply, KlingResponse<IReadOnlyList<KlingElementTask>>> _readList;

    public KlingElementEndpoints(VendorTransport<IKlingServiceRoutes> transport, IVendorErrorPolicy errors)
    {
        _transport = transport;
        _errors = errors;
        _readTask = reply => Interpret(reply, r => Checked(r, Read(r, KlingJsonContext.Default.KlingEnvelopeKlingElementTask)));
        _readDelete = reply => Interpret(reply, r => Read(r, KlingJsonContext.Default.KlingEnvelopeKlingElementTask));
        _readList = reply => Interpret(reply, r => ReadList(r));
    }

    public async Task<KlingResponse<KlingElementTask>> CreateAsync(KlingElementCreateRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var body = WireBody.Serialize(request, KlingJsonContext.Default.KlingElementCreateRequest, null);

        // A create: it may make an element (and a charge), so it is never re-sent unless it provably did not reach Kling.
        return await _transport.SendValueAsync(
            VendorCall<IKlingServiceRoutes>.Create(body, WireBody.Content, static (routes, call, ct) => routes.CreateElementAsync(call.CreateContent(), ct)) with { PooledReply = true },
            _readTask,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<KlingResponse<KlingElementTask>> GetAsync(string taskId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        return await _transport.SendValueAsync(
            VendorCall<IKlingServiceRoutes>.Get(taskId, static (routes, call, ct) => routes.GetElementAsync(call.TaskId!, ct)) with { PooledReply = true },
            _readTask,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<KlingResponse<IReadOnlyList<KlingElementTask>>> ListAsync(int pageNum, int pageSize, bool presets, CancellationToken cancellationToken)
    {
        CheckPage(pageNum, pageSize);
        return await _transport.SendValueAsync(
            new VendorCall<IKlingServiceRoutes>(
                VendorOperations.List,
                presets
                    ? (routes, ct) => routes.ListPresetElementsAsync(pageNum, pageSize, ct)
                    : (routes, ct) => routes.ListElementsAsync(pageNum, pageSize, ct))
            { PooledReply = true },
            _readList,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<KlingResponse<KlingElementTask>> DeleteAsync(KlingElementDeleteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ElementId, nameof(request));
        var body = WireBody.Serialize(request, KlingJsonContext.Default.KlingElementDeleteRequest, null);

        // Not a create: deleting an element twice leaves it as deleted once (it creates nothing and charges nothing), so a
        // delete whose reply was lost is retried like a read. The repeat may be refused as "no such element" [inferred]:
        // that error then stands for a delete that had already happened.
        return await _transport.SendValueAsync(
            new VendorCall<IKlingServiceRoutes>(DeleteOperation, static (routes, call, ct) => routes.DeleteElementAsync(call.CreateContent(), ct))
            {
                TaskId = request.ElementId,
                Body = body,
                State = (Func<ReadOnlyMemory<byte>, HttpContent>)WireBody.Content,
                PooledReply = true,
            },
            _readDelete,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Kling's page ranges: <paramref name="pageNum"/> 1–1000, <paramref name="pageSize"/> 1–500.</summary>
    public static void CheckPage(int pageNum, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNum, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageNum, MaxPageNumber);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
    }

    /// <summary>
    /// What the page documents and can be checked here: name and description present and short enough, a known reference
    /// type, and the media that type needs (a frontal image and 1–3 others, or one video). Media formats, sizes and
    /// durations are Kling's to check (the SDK does not fetch the URLs).
    /// </summary>
    public static void Validate(KlingElementCreateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckText(request.ElementName, KlingElementCreateRequest.MaxNameLength, "element_name", nameof(request));
        CheckText(request.ElementDescription, KlingElementCreateRequest.MaxDescriptionLength, "element_description", nameof(request));
        switch (request.ReferenceType)
        {
            case KlingElementCreateRequest.ImageRefer:
                var images = request.ElementImageList ?? throw new ArgumentException("A multi-image element (image_refer) needs element_image_list.", nameof(request));
                if (string.IsNullOrWhiteSpace(images.FrontalImage))
                {
                    throw new ArgumentException("element_image_list.frontal_image is required.", nameof(request));
                }

                var count = images.ReferImages?.Count ?? 0;
                if (count is < 1 or > KlingElementCreateRequest.MaxReferImages)
                {
                    throw new ArgumentOutOfRangeException(nameof(request), count, $"element_image_list.refer_images holds 1–{KlingElementCreateRequest.MaxReferImages} images beside the frontal one.");
                }

                if (images.ReferImages!.Any(image => string.IsNullOrWhiteSpace(image?.ImageUrl)))
                {
                    throw new ArgumentException("Every element_image_list.refer_images entry needs an image_url.", nameof(request));
                }

                break;

            case KlingElementCreateRequest.VideoRefer:
                var videos = request.ElementVideoList?.ReferVideos ?? throw new ArgumentException("A video character element (video_refer) needs element_video_list.refer_videos.", nameof(request));
                if (videos.Count != 1)
                {
                    throw new ArgumentOutOfRangeException(nameof(request), videos.Count, "element_video_list.refer_videos holds exactly one video.");
                }

                if (string.IsNullOrWhiteSpace(videos[0]?.VideoUrl))
                {
                    throw new ArgumentException("element_video_list.refer_videos[0].video_url must not be empty.", nameof(request));
                }

                break;

            default:
                throw new ArgumentException($"reference_type is '{KlingElementCreateRequest.ImageRefer}' or '{KlingElementCreateRequest.VideoRefer}'.", nameof(request));
        }
    }

    private static void CheckText(string? value, int maxLength, string field, string paramName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} is required.", paramName);
        }

        // Counted in Unicode scalar values [inferred: the page says "characters"], so a CJK or emoji name is not refused early.
        var length = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            length++;
        }

        if (length > maxLength)
        {
            throw new ArgumentOutOfRangeException(paramName, length, $"{field} has at most {maxLength} characters.");
        }
    }

    private KlingResponse<KlingElementTask> Read(VendorReply reply, JsonTypeInfo<KlingEnvelope<KlingElementTask>> typeInfo)
    {
        var envelope = KlingEnvelopes.Read(reply, _errors, typeInfo).Value;
        return KlingEnvelopes.Response(envelope.Message, envelope.RequestId, reply, envelope.Data!);
    }

    private KlingResponse<IReadOnlyList<KlingElementTask>> ReadList(VendorReply reply)
    {
        var envelope = KlingEnvelopes.Read(reply, _errors, KlingJsonContext.Default.KlingEnvelopeListKlingElementTask).Value;
        return KlingEnvelopes.Response<IReadOnlyList<KlingElementTask>>(envelope.Message, envelope.RequestId, reply, envelope.Data!);
    }

    /// <summary>A create or a read must name its task: the caller follows it by that id.</summary>
    private static KlingResponse<KlingElementTask> Checked(VendorReply reply, KlingResponse<KlingElementTask> response) =>
        response.Data is { TaskId.Length: > 0 } ? response : throw reply.ProtocolError("the element task has no task_id");

    private T Interpret<T>(VendorReply reply, Func<VendorReply, T> read) => KlingEnvelopes.Interpret(_transport, reply, read);
}
