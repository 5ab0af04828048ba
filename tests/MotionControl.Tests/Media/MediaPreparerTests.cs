using System.Text.Json.Nodes;
using MotionControl.Media;

namespace MotionControl.Tests.Media;

/// <summary>Each source travels the way its vendor accepts: URL, raw Base64, data URI, or through the caller's uploader.</summary>
public class MediaPreparerTests
{
    private const MediaTransport KlingImage = MediaTransport.Url | MediaTransport.RawBase64;
    private const MediaTransport AimlVideo = MediaTransport.Url | MediaTransport.DataUri;
    private const MediaTransport UrlOnly = MediaTransport.Url;

    public static TheoryData<MediaTransport, bool, bool, MediaTransport> Choices() => new()
    {
        // accepted, local, has uploader → chosen
        { UrlOnly, false, false, MediaTransport.Url },
        { KlingImage, false, false, MediaTransport.Url },
        { KlingImage, true, false, MediaTransport.RawBase64 },
        { KlingImage, true, true, MediaTransport.RawBase64 },
        { AimlVideo, true, false, MediaTransport.DataUri },
        { MediaTransport.Url | MediaTransport.RawBase64 | MediaTransport.DataUri, true, false, MediaTransport.DataUri },
        { UrlOnly, true, true, MediaTransport.Url },
        { UrlOnly, true, false, MediaTransport.None },
        { MediaTransport.None, true, true, MediaTransport.None },
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public void Chooses_the_transport(MediaTransport accepted, bool local, bool hasUploader, MediaTransport expected)
    {
        var source = local ? MediaSource.FromBytes(new byte[4]) : MediaSource.FromUri("https://example.com/a.png");
        Assert.Equal(expected, MediaPreparer.ChooseTransport(source, accepted, hasUploader));
    }

    [Fact]
    public async Task A_body_with_only_urls_is_the_json_as_it_is_with_the_same_headers_as_a_streamed_one()
    {
        var preparer = new MediaPreparer(null);
        await preparer.PrepareAsync(MediaSource.FromUri("https://example.com/a.png"), "Image", UrlOnly, CancellationToken.None);
        var json = "{\"image_url\":\"https://example.com/a.png\",\"prompt\":\"é\"}"u8.ToArray();
        using var streamed = new JsonMediaContent(json, []);

        using var content = preparer.CreateContent(json);

        Assert.Equal(json, await content.ReadAsByteArrayAsync());
        Assert.Equal(streamed.Headers.ContentType?.ToString(), content.Headers.ContentType?.ToString());
        Assert.Equal("application/json; charset=utf-8", content.Headers.ContentType?.ToString());
        Assert.Equal(json.Length, content.Headers.ContentLength);

        // Each attempt gets a body of its own.
        using var again = preparer.CreateContent(json);
        Assert.NotSame(content, again);
        Assert.Equal(json, await again.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Remote_url_is_passed_as_is()
    {
        var preparer = new MediaPreparer(null);
        var value = await preparer.PrepareAsync(MediaSource.FromUri("https://cdn.example.com/dance.mp4?sig=1"), "Video", UrlOnly, CancellationToken.None);
        Assert.Equal("https://cdn.example.com/dance.mp4?sig=1", value);
        Assert.Empty(preparer.Payloads);
    }

    [Fact]
    public async Task Kling_image_goes_as_raw_base64_and_aimlapi_video_as_a_data_uri()
    {
        var preparer = new MediaPreparer(null);
        var image = await preparer.PrepareAsync(MediaSource.FromFile(MediaFixtures.PathOf("png_named.jpg")), "Image", KlingImage, CancellationToken.None);
        var video = await preparer.PrepareAsync(MediaSource.FromFile(MediaFixtures.PathOf("rotated_portrait.mov")), "Video", AimlVideo, CancellationToken.None);

        using var content = preparer.CreateContent(JsonMediaContentTests.Json(image, video));
        using var sink = new MemoryStream();
        await content.CopyToAsync(sink);
        var json = JsonNode.Parse(sink.ToArray())!;

        Assert.Equal(MediaFixtures.Bytes("png_named.jpg"), Convert.FromBase64String(json["image"]!.GetValue<string>()));
        var dataUri = json["video"]!.GetValue<string>();
        const string prefix = "data:video/quicktime;base64,";
        Assert.StartsWith(prefix, dataUri, StringComparison.Ordinal);
        Assert.Equal(MediaFixtures.Bytes("rotated_portrait.mov"), Convert.FromBase64String(dataUri[prefix.Length..]));
        Assert.Equal(sink.Length, content.Headers.ContentLength);
    }

    [Fact]
    public async Task Data_uri_source_becomes_raw_base64_without_its_prefix()
    {
        var bytes = MediaFixtures.Bytes("image_baseline.jpg");
        var preparer = new MediaPreparer(null);
        var image = await preparer.PrepareAsync(MediaSource.FromBase64("data:image/jpeg;base64," + Convert.ToBase64String(bytes)), "Image", KlingImage, CancellationToken.None);

        using var content = preparer.CreateContent(JsonMediaContentTests.Json(image));
        var body = await content.ReadAsStringAsync();
        Assert.Equal(Convert.ToBase64String(bytes), JsonNode.Parse(body)!["image"]!.GetValue<string>());
    }

    [Fact]
    public async Task Url_only_vendor_gets_the_uploaders_url()
    {
        var uploader = new RecordingUploader(new Uri("https://storage.example.com/bucket/clip.mp4?X-Sig=abc"));
        var preparer = new MediaPreparer(uploader);

        var value = await preparer.PrepareAsync(MediaSource.FromFile(MediaFixtures.PathOf("moov_first.mp4")), "Video", UrlOnly, CancellationToken.None);

        Assert.Equal("https://storage.example.com/bucket/clip.mp4?X-Sig=abc", value);
        var upload = Assert.Single(uploader.Uploads);
        Assert.Equal("moov_first.mp4", upload.FileName);
        Assert.Equal("video/mp4", upload.ContentType);
        Assert.Equal("Video", upload.Field);
        Assert.Equal(MediaFixtures.Bytes("moov_first.mp4").Length, upload.Length);
        Assert.Equal(MediaFixtures.Bytes("moov_first.mp4"), uploader.Contents.Single());
    }

    [Fact]
    public async Task Unnamed_upload_is_named_from_field_and_sniffed_format()
    {
        var uploader = new RecordingUploader(new Uri("https://storage.example.com/x"));
        var preparer = new MediaPreparer(uploader);
        var bytes = MediaFixtures.Bytes("image.png");

        await preparer.PrepareAsync(MediaSource.FromBase64(Convert.ToBase64String(bytes)), "Image", UrlOnly, CancellationToken.None);

        var upload = Assert.Single(uploader.Uploads);
        Assert.Equal("image.png", upload.FileName);
        Assert.Equal("image/png", upload.ContentType);
        Assert.Equal(bytes, uploader.Contents.Single());
    }

    [Fact]
    public async Task One_shot_stream_is_uploaded_from_its_copy_and_the_copy_released_after()
    {
        var bytes = MediaFixtures.Bytes("duration_12s.mp4");
        var source = (StreamMediaSource)MediaSource.FromStream(new ForwardOnlyStream(bytes, 300), "dance.mp4");
        var uploader = new RecordingUploader(new Uri("https://storage.example.com/dance.mp4"));
        var preparer = new MediaPreparer(uploader);

        var facts = await MediaProbe.ProbeAsync(source);
        await preparer.PrepareAsync(source, "Video", UrlOnly, CancellationToken.None);

        Assert.Null(facts.Problem);
        Assert.Equal(bytes, uploader.Contents.Single());
        preparer.ReleaseTemporaryFiles();
        Assert.Null(source.Spool);
    }

    [Fact]
    public async Task Url_only_vendor_without_uploader_fails_clearly()
    {
        var preparer = new MediaPreparer(null);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await preparer.PrepareAsync(MediaSource.FromFile("dance.mp4"), "Video", UrlOnly, CancellationToken.None));
        Assert.Contains("IMediaUploader", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://storage.example.com/x")]
    [InlineData("/relative/path")]
    public async Task Uploader_returning_an_unusable_url_fails_clearly(string returned)
    {
        var preparer = new MediaPreparer(new RecordingUploader(new Uri(returned, UriKind.RelativeOrAbsolute)));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await preparer.PrepareAsync(MediaSource.FromBytes(new byte[10]), "Image", UrlOnly, CancellationToken.None));
        Assert.Contains("absolute http(s) URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Placeholders_are_unique_and_json_safe()
    {
        var preparer = new MediaPreparer(null);
        var a = await preparer.PrepareAsync(MediaSource.FromBytes(new byte[3]), "Image", KlingImage, CancellationToken.None);
        var b = await preparer.PrepareAsync(MediaSource.FromBytes(new byte[3]), "Video", AimlVideo, CancellationToken.None);
        var other = await new MediaPreparer(null).PrepareAsync(MediaSource.FromBytes(new byte[3]), "Image", KlingImage, CancellationToken.None);

        Assert.NotEqual(a, b);
        Assert.NotEqual(a, other);
        Assert.Matches("^[a-z0-9_]+$", a);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(-1, false)]
    public async Task A_file_past_the_inline_limit_is_uploaded_and_one_at_the_limit_goes_inline(int overLimit, bool inline)
    {
        var bytes = MediaFixtures.Bytes("image.png");
        var uploader = new RecordingUploader(new Uri("https://files.example.com/image.png"));
        var preparer = new MediaPreparer(uploader);

        var value = await preparer.PrepareAsync(MediaSource.FromBytes(bytes), "Image", AimlVideo, maxInlineBytes: bytes.Length + overLimit, CancellationToken.None);

        Assert.Equal(inline, !value.StartsWith("https://", StringComparison.Ordinal));
        Assert.Equal(inline ? 0 : 1, uploader.Uploads.Count);
        Assert.Equal(inline ? 1 : 0, preparer.Payloads.Count);
    }

    [Fact]
    public async Task Without_an_uploader_or_a_url_transport_the_inline_limit_does_not_apply()
    {
        var bytes = MediaFixtures.Bytes("image.png");

        var noUploader = await new MediaPreparer(null).PrepareAsync(MediaSource.FromBytes(bytes), "Image", AimlVideo, maxInlineBytes: 1, CancellationToken.None);
        var inlineOnly = new MediaPreparer(new RecordingUploader(new Uri("https://files.example.com/x")));
        await inlineOnly.PrepareAsync(MediaSource.FromBytes(bytes), "Image", MediaTransport.DataUri, maxInlineBytes: 1, CancellationToken.None);

        Assert.DoesNotContain("https://", noUploader, StringComparison.Ordinal);
        Assert.Single(inlineOnly.Payloads);
    }

    [Fact]
    public async Task A_one_shot_stream_of_unknown_length_is_uploaded_when_there_is_an_inline_limit()
    {
        var uploader = new RecordingUploader(new Uri("https://files.example.com/image.png"));
        var preparer = new MediaPreparer(uploader);
        using var stream = new ForwardOnlyStream(MediaFixtures.Bytes("image.png"));

        var value = await preparer.PrepareAsync(MediaSource.FromStream(stream), "Image", AimlVideo, maxInlineBytes: 1_000_000, CancellationToken.None);

        Assert.Equal("https://files.example.com/image.png", value);
        Assert.Single(uploader.Uploads);
        preparer.ReleaseTemporaryFiles();
    }

    /// <summary>The caller's storage, recording what it was given.</summary>
    private sealed class RecordingUploader(Uri result) : IMediaUploader
    {
        public List<MediaUploadRequest> Uploads { get; } = [];

        public List<byte[]> Contents { get; } = [];

        public async ValueTask<Uri> UploadAsync(MediaUploadRequest upload, CancellationToken cancellationToken = default)
        {
            Uploads.Add(upload);
            using var copy = new MemoryStream();
            await upload.Content.CopyToAsync(copy, cancellationToken);
            Contents.Add(copy.ToArray());
            return result;
        }
    }
}
