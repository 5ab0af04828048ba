using System.Text.Json.Nodes;
using MotionControl.Media;
using MotionControl.Validation;

namespace MotionControl.Tests.Validation;

/// <summary>Every rule of limits.md, on both sides of its boundary, through the same engine the clients use.</summary>
public class RuleTableTests
{
    private static readonly MotionControlCapabilities KlingLike = new()
    {
        ProviderName = "kling",
        DisplayName = "Kling",
        DefaultModel = "kling-v2-6",
        ImageTransports = MediaTransport.Url | MediaTransport.RawBase64,
        VideoTransports = MediaTransport.Url,
        SupportsMode = true,
        SupportsKeepOriginalSound = true,
        SupportsElements = true,
        SupportsWatermark = true,
        SupportsCallback = true,
        SupportsExternalTaskId = true,
        SupportsList = true,
    };

    private static readonly MotionControlCapabilities VydraLike = new()
    {
        ProviderName = "vydra",
        DisplayName = "Vydra",
        DefaultModel = "kling",
        RequiresPrompt = true,
        SupportsKeepOriginalSound = true,
    };

    private static readonly MotionControlCapabilities AimlLike = new()
    {
        ProviderName = "aimlapi",
        DisplayName = "AIMLAPI",
        DefaultModel = "klingai/video-v2-6-pro-motion-control",
        ImageTransports = MediaTransport.Url | MediaTransport.DataUri,
        VideoTransports = MediaTransport.Url | MediaTransport.DataUri,
        RequiresHttpsVideoUrl = true,
        SupportsKeepOriginalSound = true,
    };

    private static readonly MediaFacts GoodImage = new() { Format = MediaFormat.Png, ByteSize = 200_000, Width = 768, Height = 1024, SourceName = "character.png" };

    private static readonly MediaFacts GoodVideo = new() { Format = MediaFormat.Mp4, ByteSize = 5_000_000, Width = 720, Height = 1280, Duration = TimeSpan.FromSeconds(8), SourceName = "dance.mp4" };

    private static MotionControlRequest LocalRequest(CharacterOrientation orientation = CharacterOrientation.Video) => new()
    {
        Image = MediaSource.FromFile("character.png"),
        Video = MediaSource.FromFile("dance.mp4"),
        CharacterOrientation = orientation,
    };

    private static MotionControlRequest RemoteRequest() => new()
    {
        Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
        Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
    };

    private static MotionControlValidationResult Validate(
        MotionControlRequest request,
        MediaFacts? image = null,
        MediaFacts? video = null,
        MotionControlCapabilities? caps = null,
        bool hasUploader = true) =>
        RequestValidator.Validate(new ValidationContext(
            request,
            caps ?? KlingLike,
            request.Image?.IsRemote == false ? image ?? GoodImage : null,
            request.Video?.IsRemote == false ? video ?? GoodVideo : null,
            hasUploader));

    private static string[] Codes(MotionControlValidationResult result) => result.Errors.Select(e => e.Code).ToArray();

    [Fact]
    public void A_request_within_every_limit_is_valid()
    {
        var result = Validate(LocalRequest());
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Fact]
    public void Every_rule_of_the_table_has_a_code_field_description_scope_and_source()
    {
        Assert.Equal(29, MotionControlRules.All.Count);
        Assert.All(MotionControlRules.All, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Code));
            Assert.False(string.IsNullOrWhiteSpace(rule.Field));
            Assert.False(string.IsNullOrWhiteSpace(rule.Description));
            Assert.False(string.IsNullOrWhiteSpace(rule.AppliesTo));
            Assert.False(string.IsNullOrWhiteSpace(rule.Source));
        });
        Assert.Equal(MotionControlRules.All.Count, MotionControlRules.All.Select(r => r.Code).Distinct().Count());
        Assert.Equal("video.duration.max", MotionControlRules.Find(MotionControlRules.VideoDurationMax)?.Code);
    }

    [Theory]
    [InlineData(MediaFormat.Png, true)]
    [InlineData(MediaFormat.Jpeg, true)]
    [InlineData(MediaFormat.WebP, false)]
    [InlineData(MediaFormat.Gif, false)]
    [InlineData(MediaFormat.Heic, false)]
    [InlineData(MediaFormat.Unknown, false)]
    public void Image_format_must_be_jpeg_or_png(MediaFormat format, bool valid)
    {
        var result = Validate(LocalRequest(), image: GoodImage with { Format = format });
        Assert.Equal(valid, !Codes(result).Contains(MotionControlRules.ImageFormat));
        if (!valid && format != MediaFormat.Unknown)
        {
            Assert.Contains(format == MediaFormat.Heic ? "HEIC" : format.ToString(), result.Errors[0].Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData(10L * 1024 * 1024, true)]
    [InlineData((10L * 1024 * 1024) + 1, false)]
    public void Image_is_at_most_10_MB(long bytes, bool valid)
    {
        var result = Validate(LocalRequest(), image: GoodImage with { ByteSize = bytes });
        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal(MotionControlRules.ImageSize, error.Code);
            Assert.Equal("Image", error.Field);
            Assert.Contains("10 MB", error.Limit);
            Assert.Contains("10,485,761 bytes", error.Actual);
        }
    }

    [Theory]
    [InlineData(300, 300, true)]
    [InlineData(299, 300, false)]
    [InlineData(300, 299, false)]
    [InlineData(65536, 65536, true)]
    [InlineData(65537, 65536, false)]
    public void Image_sides_are_300_to_65536_px(int width, int height, bool valid)
    {
        var result = Validate(LocalRequest(), image: GoodImage with { Width = width, Height = height });
        Assert.Equal(valid, !Codes(result).Contains(MotionControlRules.ImageDimensions));
    }

    [Theory]
    [InlineData(750, 300, true)]   // 2.5
    [InlineData(753, 300, false)]  // 2.51
    [InlineData(400, 1000, true)]  // 0.4
    [InlineData(399, 1000, false)] // 0.399
    public void Image_aspect_is_between_1_to_2_5_and_2_5_to_1(int width, int height, bool valid)
    {
        var result = Validate(LocalRequest(), image: GoodImage with { Width = width, Height = height });
        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal(MotionControlRules.ImageAspect, Assert.Single(result.Errors).Code);
        }
    }

    [Theory]
    [InlineData(MediaFormat.Mp4, true)]
    [InlineData(MediaFormat.QuickTime, true)]
    [InlineData(MediaFormat.WebM, false)]
    [InlineData(MediaFormat.Avi, false)]
    [InlineData(MediaFormat.Gif, false)]
    public void Video_format_must_be_mp4_or_mov(MediaFormat format, bool valid)
    {
        var result = Validate(LocalRequest(), video: GoodVideo with { Format = format });
        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal(MotionControlRules.VideoFormat, Assert.Single(result.Errors).Code);
        }
    }

    [Theory]
    [InlineData(100L * 1024 * 1024, true)]
    [InlineData((100L * 1024 * 1024) + 1, false)]
    public void Video_is_at_most_100_MB(long bytes, bool valid)
    {
        var result = Validate(LocalRequest(), video: GoodVideo with { ByteSize = bytes });
        Assert.Equal(valid, !Codes(result).Contains(MotionControlRules.VideoSize));
    }

    [Theory]
    [InlineData(340, 340, true)]
    [InlineData(339, 720, false)]
    [InlineData(720, 339, false)]
    [InlineData(3850, 3850, true)]
    [InlineData(3851, 1080, false)]
    [InlineData(320, 240, false)]
    public void Video_sides_are_340_to_3850_px(int width, int height, bool valid)
    {
        var result = Validate(LocalRequest(), video: GoodVideo with { Width = width, Height = height });
        Assert.Equal(valid, !Codes(result).Contains(MotionControlRules.VideoDimensions));
    }

    [Fact]
    public void Video_dimension_message_says_the_size_is_as_displayed_after_rotation()
    {
        var result = Validate(LocalRequest(), video: GoodVideo with { Width = 300, Height = 1920, Rotation = 90 });
        var error = Assert.Single(result.Errors);
        Assert.Contains("rotated 90", error.Message);
        Assert.Equal("300x1920 px", error.Actual);
    }

    [Theory]
    [InlineData(3.0, true)]
    [InlineData(2.99, false)]
    public void Video_is_at_least_3_s(double seconds, bool valid)
    {
        var result = Validate(LocalRequest(), video: GoodVideo with { Duration = TimeSpan.FromSeconds(seconds) });
        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal(MotionControlRules.VideoDurationMin, error.Code);
            Assert.Equal("2.99 s", error.Actual);
        }
    }

    [Theory]
    [InlineData(CharacterOrientation.Image, 10.0, true)]
    [InlineData(CharacterOrientation.Image, 10.01, false)]
    [InlineData(CharacterOrientation.Video, 30.0, true)]
    [InlineData(CharacterOrientation.Video, 30.01, false)]
    [InlineData(CharacterOrientation.Video, 12.0, true)]
    [InlineData(CharacterOrientation.Image, 12.0, false)]
    public void Video_is_at_most_30_s_with_video_orientation_and_10_s_with_image(CharacterOrientation orientation, double seconds, bool valid)
    {
        var result = Validate(LocalRequest(orientation), video: GoodVideo with { Duration = TimeSpan.FromSeconds(seconds) });
        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal(MotionControlRules.VideoDurationMax, Assert.Single(result.Errors).Code);
        }
    }

    [Fact]
    public void A_12_s_video_with_image_orientation_is_told_that_video_orientation_allows_it()
    {
        var result = Validate(LocalRequest(CharacterOrientation.Image), video: GoodVideo with { Duration = TimeSpan.FromSeconds(12) });
        Assert.Contains("orientation video allows up to 30 s", Assert.Single(result.Errors).Message);
    }

    [Theory]
    [InlineData(2500, true)]
    [InlineData(2501, false)]
    public void Prompt_is_at_most_2500_characters(int length, bool valid)
    {
        var result = Validate(RemoteRequest() with { Prompt = new string('a', length) });
        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal(MotionControlRules.PromptLength, error.Code);
            Assert.Equal("2501 characters", error.Actual);
        }
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("   ", false)]
    [InlineData("a dancer", true)]
    public void Vydra_and_ModelsLab_require_a_prompt(string? prompt, bool valid)
    {
        var result = Validate(RemoteRequest() with { Prompt = prompt }, caps: VydraLike);
        Assert.Equal(valid, result.IsValid);
        Assert.True(Validate(RemoteRequest() with { Prompt = prompt }, caps: KlingLike).IsValid, "Kling does not require a prompt");
    }

    [Fact]
    public void One_element_passes_and_a_second_element_fails()
    {
        var one = RemoteRequest() with { ElementId = 829836802793406551 };
        Assert.True(Validate(one).IsValid);

        var two = one with { AdditionalProperties = new Dictionary<string, JsonNode?> { ["element_list"] = new JsonArray(new JsonObject { ["element_id"] = 1 }) } };
        var error = Assert.Single(Validate(two).Errors);
        Assert.Equal(MotionControlRules.ElementCount, error.Code);
        Assert.Equal("2", error.Actual);
    }

    [Fact]
    public void An_element_with_image_orientation_fails()
    {
        var request = RemoteRequest() with { ElementId = 42, CharacterOrientation = CharacterOrientation.Image };
        var error = Assert.Single(Validate(request).Errors);
        Assert.Equal(MotionControlRules.ElementOrientation, error.Code);
        Assert.True(Validate(request with { CharacterOrientation = CharacterOrientation.Video }).IsValid);
    }

    [Fact]
    public void Fields_a_vendor_cannot_honour_are_errors_naming_the_vendor()
    {
        var request = RemoteRequest() with
        {
            Prompt = "p",
            Mode = GenerationMode.Pro,
            ElementId = 1,
            Watermark = true,
            CallbackUrl = new Uri("https://example.com/hook"),
            ExternalTaskId = "mine-1",
        };
        var result = Validate(request, caps: VydraLike);
        Assert.All(result.Errors, e =>
        {
            Assert.Equal(MotionControlRules.OptionUnsupported, e.Code);
            Assert.Contains("Vydra", e.Message);
        });
        Assert.Equal(["Mode", "Element", "Watermark", "CallbackUrl", "ExternalTaskId"], result.Errors.Select(e => e.Field));
        Assert.True(Validate(request with { Prompt = null }, caps: KlingLike).IsValid);
    }

    [Fact]
    public void A_model_choice_is_unsupported_where_the_route_fixes_the_model()
    {
        var fixedModel = VydraLike with { SupportsModelChoice = false };
        var request = RemoteRequest() with { Prompt = "p", Model = "kling-v3" };
        var error = Assert.Single(Validate(request, caps: fixedModel).Errors);
        Assert.Equal(("Model", MotionControlRules.OptionUnsupported), (error.Field, error.Code));
        Assert.True(Validate(request, caps: VydraLike).IsValid);
    }

    [Fact]
    public void The_sound_flag_is_unsupported_where_the_vendor_has_none()
    {
        var caps = VydraLike with { ProviderName = "modelslab", DisplayName = "ModelsLab", SupportsKeepOriginalSound = false };
        var error = Assert.Single(Validate(RemoteRequest() with { Prompt = "p", KeepOriginalSound = false }, caps: caps).Errors);
        Assert.Equal("KeepOriginalSound", error.Field);
    }

    [Theory]
    [InlineData("ftp://example.com/a.png", "https://example.com/d.mp4", "Image")]
    [InlineData("https://example.com/a.png", "file:///tmp/d.mp4", "Video")]
    public void Remote_media_must_be_absolute_http_urls(string image, string video, string field)
    {
        var request = new MotionControlRequest { Image = MediaSource.FromUri(new Uri(image)), Video = MediaSource.FromUri(new Uri(video)) };
        var error = Assert.Single(Validate(request).Errors);
        Assert.Equal(MotionControlRules.UrlScheme, error.Code);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Aimlapi_video_urls_must_be_https()
    {
        var http = RemoteRequest() with { Video = MediaSource.FromUri(new Uri("http://example.com/d.mp4")) };
        Assert.Equal(MotionControlRules.UrlScheme, Assert.Single(Validate(http, caps: AimlLike).Errors).Code);
        Assert.True(Validate(http, caps: KlingLike).IsValid);
        Assert.True(Validate(RemoteRequest(), caps: AimlLike).IsValid);
    }

    [Fact]
    public void A_callback_url_must_be_http_or_https()
    {
        var request = RemoteRequest() with { CallbackUrl = new Uri("ws://example.com/hook") };
        var error = Assert.Single(Validate(request).Errors);
        Assert.Equal("CallbackUrl", error.Field);
    }

    [Fact]
    public void Local_media_for_url_only_vendors_need_an_uploader()
    {
        var request = LocalRequest() with { Prompt = "p" };
        var result = Validate(request, caps: VydraLike, hasUploader: false);
        Assert.Equal([MotionControlRules.ImageTransport, MotionControlRules.VideoTransport], Codes(result));
        Assert.Contains("IMediaUploader", result.Errors[0].Message);
        Assert.True(Validate(request, caps: VydraLike, hasUploader: true).IsValid);
    }

    [Fact]
    public void Kling_takes_a_local_image_as_base64_but_a_local_video_only_through_an_uploader()
    {
        var result = Validate(LocalRequest(), hasUploader: false);
        var error = Assert.Single(result.Errors);
        Assert.Equal(MotionControlRules.VideoTransport, error.Code);
        Assert.True(Validate(LocalRequest(), caps: AimlLike, hasUploader: false).IsValid, "AIMLAPI takes data URIs");
    }

    [Fact]
    public void Unreadable_media_is_reported_once_with_the_problem_and_no_fact_rules()
    {
        var video = GoodVideo with { Problem = "the file ends inside the moov box", Duration = TimeSpan.FromSeconds(1), Width = 10 };
        var error = Assert.Single(Validate(LocalRequest(), video: video).Errors);
        Assert.Equal(MotionControlRules.VideoUnreadable, error.Code);
        Assert.Contains("dance.mp4", error.Message);
        Assert.Contains("moov", error.Message);
    }

    [Fact]
    public void Missing_media_is_reported()
    {
        var request = new MotionControlRequest { Image = null!, Video = null! };
        Assert.Equal([MotionControlRules.ImageRequired, MotionControlRules.VideoRequired], Codes(Validate(request)));
    }

    [Fact]
    public void A_request_breaking_five_rules_reports_all_five_at_once()
    {
        var request = LocalRequest(CharacterOrientation.Image) with
        {
            Prompt = new string('x', 2501),
            ElementId = 7,
        };
        var image = GoodImage with { Format = MediaFormat.Png, ByteSize = 11L * 1024 * 1024 };
        var video = GoodVideo with { Duration = TimeSpan.FromSeconds(12), Width = 320, Height = 240 };

        var result = Validate(request, image, video);

        Assert.Equal(
            [MotionControlRules.ImageSize, MotionControlRules.VideoDimensions, MotionControlRules.VideoDurationMax, MotionControlRules.PromptLength, MotionControlRules.ElementOrientation],
            Codes(result));
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));

        var exception = Assert.Throws<MotionControlValidationException>(() => result.ThrowIfInvalid("kling"));
        Assert.Equal(5, exception.Errors.Count);
        Assert.Contains("breaks 5 rules", exception.Message);
        Assert.Contains("[video.duration.max]", exception.Message);
    }

    [Fact]
    public void A_vendor_override_of_one_limit_is_one_line()
    {
        var strict = KlingLike with { Limits = MotionControlLimits.Default with { VideoMaxDurationWithVideoOrientation = TimeSpan.FromSeconds(20) } };
        var result = Validate(LocalRequest(), video: GoodVideo with { Duration = TimeSpan.FromSeconds(25) }, caps: strict);
        Assert.Equal(MotionControlRules.VideoDurationMax, Assert.Single(result.Errors).Code);
    }
}
