using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MotionControl.Media;

namespace MotionControl.Tests.Media;

/// <summary>The streamed request body: valid JSON whose media fields decode to the exact bytes, with an exact length, re-sendable.</summary>
public class JsonMediaContentTests
{
    private const string ImagePlaceholder = "__mc_media_0123456789abcdef0123456789abcdef_0__";
    private const string VideoPlaceholder = "__mc_media_0123456789abcdef0123456789abcdef_1__";

    public static TheoryData<string> SourceKinds() => new() { "file", "bytes", "seekable-stream", "one-shot-stream", "base64", "data-uri", "wrapped-base64" };

    [Theory]
    [MemberData(nameof(SourceKinds))]
    public async Task Raw_base64_field_decodes_to_the_exact_file_bytes(string kind)
    {
        var bytes = MediaFixtures.Bytes("image_progressive.jpg");
        var source = await SourceAsync(kind, "image_progressive.jpg");
        using var content = new JsonMediaContent(Json(ImagePlaceholder), [new MediaPayload(ImagePlaceholder, source, MediaTransport.RawBase64, "image/jpeg")]);

        var body = await SendAsync(content);

        var image = JsonNode.Parse(body)!["image"]!.GetValue<string>();
        Assert.DoesNotContain("data:", image, StringComparison.Ordinal);
        Assert.Equal(bytes, Convert.FromBase64String(image));
        Assert.Equal("https://example.com/dance.mp4", JsonNode.Parse(body)!["video"]!.GetValue<string>());
        Assert.Equal(body.Length, content.Headers.ContentLength);
    }

    [Theory]
    [MemberData(nameof(SourceKinds))]
    public async Task Data_uri_field_names_the_type_and_decodes_to_the_exact_file_bytes(string kind)
    {
        var bytes = MediaFixtures.Bytes("moov_last.mp4");
        var source = await SourceAsync(kind, "moov_last.mp4");
        using var content = new JsonMediaContent(Json(ImagePlaceholder, VideoPlaceholder), [
            new MediaPayload(VideoPlaceholder, source, MediaTransport.DataUri, "video/mp4"),
            new MediaPayload(ImagePlaceholder, MediaSource.FromBytes(MediaFixtures.Bytes("image.png")), MediaTransport.RawBase64, "image/png"),
        ]);

        var body = await SendAsync(content);

        var json = JsonNode.Parse(body)!;
        var video = json["video"]!.GetValue<string>();
        Assert.StartsWith("data:video/mp4;base64,", video, StringComparison.Ordinal);
        Assert.Equal(bytes, Convert.FromBase64String(video["data:video/mp4;base64,".Length..]));
        Assert.Equal(MediaFixtures.Bytes("image.png"), Convert.FromBase64String(json["image"]!.GetValue<string>()));
        Assert.Equal(body.Length, content.Headers.ContentLength);
    }

    [Theory]
    [MemberData(nameof(SourceKinds))]
    public async Task A_new_content_per_attempt_sends_the_same_body_again(string kind)
    {
        var source = await SourceAsync(kind, "image.png");
        var payloads = new[] { new MediaPayload(ImagePlaceholder, source, MediaTransport.RawBase64, "image/png") };
        var json = Json(ImagePlaceholder);

        using var first = new JsonMediaContent(json, payloads);
        using var second = new JsonMediaContent(json, payloads);
        var firstBody = await SendAsync(first);
        var secondBody = await SendAsync(second);

        Assert.Equal(firstBody, secondBody);
    }

    [Fact]
    public async Task Caller_streams_are_rewound_and_never_disposed()
    {
        var bytes = MediaFixtures.Bytes("image.png");
        var seekable = new MemoryStream(Mp4Boxes.Concat(new byte[10], bytes)) { Position = 10 };
        var oneShot = new ForwardOnlyStream(bytes, maxPerRead: 999);
        var payloads = new[]
        {
            new MediaPayload(ImagePlaceholder, MediaSource.FromStream(seekable), MediaTransport.RawBase64, "image/png"),
            new MediaPayload(VideoPlaceholder, MediaSource.FromStream(oneShot), MediaTransport.RawBase64, "image/png"),
        };

        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var content = new JsonMediaContent(Json(ImagePlaceholder, VideoPlaceholder), payloads);
            var json = JsonNode.Parse(await SendAsync(content))!;
            Assert.Equal(bytes, Convert.FromBase64String(json["image"]!.GetValue<string>()));
            Assert.Equal(bytes, Convert.FromBase64String(json["video"]!.GetValue<string>()));
        }

        Assert.True(seekable.CanRead);
        Assert.False(oneShot.WasDisposed);
        ((StreamMediaSource)payloads[1].Source).ReleaseSpool();
    }

    [Fact]
    public async Task Length_is_unknown_only_while_a_one_shot_stream_has_not_been_copied()
    {
        var source = (StreamMediaSource)MediaSource.FromStream(new ForwardOnlyStream(MediaFixtures.Bytes("image.png")));
        var payloads = new[] { new MediaPayload(ImagePlaceholder, source, MediaTransport.RawBase64, "image/png") };

        using var before = new JsonMediaContent(Json(ImagePlaceholder), payloads);
        Assert.Null(before.Headers.ContentLength);

        await source.GetSpoolAsync(CancellationToken.None);
        using var after = new JsonMediaContent(Json(ImagePlaceholder), payloads);
        Assert.NotNull(after.Headers.ContentLength);
        Assert.Equal(after.Headers.ContentLength, (await SendAsync(after)).Length);
        source.ReleaseSpool();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(JsonMediaContent.InputChunkBytes - 1)]
    [InlineData(JsonMediaContent.InputChunkBytes)]
    [InlineData(JsonMediaContent.InputChunkBytes + 1)]
    [InlineData((3 * JsonMediaContent.InputChunkBytes) + 2)]
    public async Task Chunk_boundaries_and_padding_are_exact(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, bytes);
            foreach (var source in new[] { MediaSource.FromFile(path), MediaSource.FromBytes(bytes) })
            {
                using var content = new JsonMediaContent(Json(ImagePlaceholder), [new MediaPayload(ImagePlaceholder, source, MediaTransport.RawBase64, "image/png")]);
                var body = await SendAsync(content);
                Assert.Equal(Convert.ToBase64String(bytes), JsonNode.Parse(body)!["image"]!.GetValue<string>());
                Assert.Equal(body.Length, content.Headers.ContentLength);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task File_that_changes_size_after_its_length_was_declared_fails_the_send()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, new byte[3000]);
            using var content = new JsonMediaContent(Json(ImagePlaceholder), [new MediaPayload(ImagePlaceholder, MediaSource.FromFile(path), MediaTransport.RawBase64, "image/png")]);
            Assert.NotNull(content.Headers.ContentLength);
            await File.WriteAllBytesAsync(path, new byte[6000]);
            // HttpContent.CopyToAsync wraps the body writer's IOException, as HttpClient does when sending.
            var error = await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(content));
            Assert.IsType<IOException>(error.InnerException);
            Assert.Contains("changed while it was being sent", error.InnerException.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Json_without_the_placeholder_is_a_bug_reported_at_once()
    {
        var payload = new MediaPayload(ImagePlaceholder, MediaSource.FromBytes(new byte[3]), MediaTransport.RawBase64, "image/png");
        Assert.Throws<InvalidOperationException>(() => new JsonMediaContent("{\"image\":\"x\"}"u8.ToArray(), [payload]));
    }

    [Fact]
    public void Body_is_json_with_utf8_content_type()
    {
        using var content = new JsonMediaContent(Json(ImagePlaceholder), [new MediaPayload(ImagePlaceholder, MediaSource.FromBytes(new byte[3]), MediaTransport.RawBase64, "image/png")]);
        Assert.Equal("application/json", content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", content.Headers.ContentType.CharSet);
    }

    /// <summary>The DTO's JSON as System.Text.Json writes it, with placeholders in the media fields.</summary>
    internal static byte[] Json(string imageValue, string videoValue = "https://example.com/dance.mp4") =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["model_name"] = "kling-v2-6",
            ["image"] = imageValue,
            ["video"] = videoValue,
            ["prompt"] = "a \"quoted\" prompt with ünïcödé",
            ["mode"] = "std",
        });

    /// <summary>A source of the given kind; a one-shot stream is copied first, as <see cref="MediaPreparer"/> does before the first attempt.</summary>
    private static async Task<MediaSource> SourceAsync(string kind, string file)
    {
        var source = Source(kind, file);
        if (source is StreamMediaSource { StartPosition: null } oneShot)
        {
            await oneShot.GetSpoolAsync(CancellationToken.None);
        }

        return source;
    }

    private static MediaSource Source(string kind, string file)
    {
        var bytes = MediaFixtures.Bytes(file);
        return kind switch
        {
            "file" => MediaSource.FromFile(MediaFixtures.PathOf(file)),
            "bytes" => MediaSource.FromBytes(bytes, file),
            "seekable-stream" => MediaSource.FromStream(new MemoryStream(Mp4Boxes.Concat(new byte[7], bytes)) { Position = 7 }, file),
            "one-shot-stream" => MediaSource.FromStream(new ForwardOnlyStream(bytes, 1000), file),
            "base64" => MediaSource.FromBase64(Convert.ToBase64String(bytes)),
            "data-uri" => MediaSource.FromBase64("data:application/octet-stream;base64," + Convert.ToBase64String(bytes)),
            "wrapped-base64" => MediaSource.FromBase64(Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static async Task<string> SendAsync(HttpContent content)
    {
        using var sink = new MemoryStream();
        await content.CopyToAsync(sink);
        return Encoding.UTF8.GetString(sink.ToArray());
    }
}
