using MotionControl.Media;
using MotionControl.Providers.Fal;
using MotionControl.Validation;

namespace MotionControl.Tests.Providers.Fal;

/// <summary>Every limit fal's profiles hold, on both sides of its boundary: through the client (local media probed) and the rule engine (facts given).</summary>
public sealed class FalValidationTests
{
    private static readonly FalClient Client = new(new FalOptions { ApiKey = "fal-validation-key" });

    private static readonly MediaFacts GoodImage = new() { Format = MediaFormat.Png, ByteSize = 200_000, Width = 768, Height = 1024, SourceName = "character.png" };

    private static readonly MediaFacts GoodVideo = new() { Format = MediaFormat.Mp4, ByteSize = 5_000_000, Width = 720, Height = 1280, Duration = TimeSpan.FromSeconds(8), SourceName = "dance.mp4" };

    public static TheoryData<int, int, bool> ImageSides => new()
    {
        { 339, 400, false },
        { 340, 400, true },
        { 400, 339, false },
        { 3850, 3850, true },
        { 3851, 3850, false },
        { 3850, 3851, false },
    };

    public static TheoryData<string, CharacterOrientation, bool> Videos => new()
    {
        { "duration_2_5s.mp4", CharacterOrientation.Video, false },
        { "moov_first.mp4", CharacterOrientation.Video, true },
        { "duration_12s.mp4", CharacterOrientation.Image, false },
        { "duration_12s.mp4", CharacterOrientation.Video, true },
        { "duration_31s.mp4", CharacterOrientation.Video, false },
        { "small_320x240.mp4", CharacterOrientation.Video, false },
        { "wide_3900.mp4", CharacterOrientation.Video, false },
    };

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static MotionControlRequest Remote(Func<MotionControlRequest, MotionControlRequest>? change = null) =>
        VendorTestBed.DefaultRequest(MotionControlProviders.Fal, change);

    private static string[] Codes(MotionControlValidationResult result) => [.. result.Errors.Select(e => e.Code)];

    private static MotionControlValidationResult Validate(MotionControlRequest request, MediaFacts? image = null, MediaFacts? video = null)
    {
        var model = request.Model ?? Client.Capabilities.DefaultModel;
        return RequestValidator.Validate(new ValidationContext(request with { Image = MediaSource.FromFile("character.png"), Video = MediaSource.FromFile("dance.mp4") }, Client.Capabilities.ForModel(model), image ?? GoodImage, video ?? GoodVideo, HasUploader: true)
        {
            VendorCapabilities = Client.Capabilities,
            Model = model,
        });
    }

    [Theory]
    [MemberData(nameof(ImageSides))]
    public async Task The_image_needs_each_side_between_340_and_3850_px(int width, int height, bool valid)
    {
        var result = await Client.ValidateAsync(Remote(r => r with { Image = MediaSource.FromBytes(FalClientTests.Png(width, height), "character.png") }));

        Assert.Equal(valid, result.IsValid);
        Assert.Equal(valid ? [] : [MotionControlRules.ImageDimensions], Codes(result));
        if (!valid)
        {
            Assert.Equal("each side 340–3850 px", result.Errors[0].Limit);
            Assert.Contains("fal", result.Errors[0].Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Videos))]
    public async Task The_reference_video_keeps_klings_limits_at_fal(string file, CharacterOrientation orientation, bool valid)
    {
        var result = await Client.ValidateAsync(Remote(r => r with { Video = MediaSource.FromFile(Fixture(file)), CharacterOrientation = orientation }));

        Assert.Equal(valid, result.IsValid);
    }

    [Theory]
    [InlineData(10L * 1024 * 1024, true)]
    [InlineData((10L * 1024 * 1024) + 1, false)]
    public void The_image_is_at_most_10_MiB(long bytes, bool valid) =>
        Assert.Equal(valid ? [] : [MotionControlRules.ImageSize], Codes(Validate(Remote(), image: GoodImage with { ByteSize = bytes })));

    [Theory]
    [InlineData(850, 340, true)]
    [InlineData(854, 340, false)]
    [InlineData(340, 850, true)]
    [InlineData(340, 854, false)]
    public void The_image_aspect_is_between_1_to_2_5_and_2_5_to_1(int width, int height, bool valid) =>
        Assert.Equal(valid ? [] : [MotionControlRules.ImageAspect], Codes(Validate(Remote(), image: GoodImage with { Width = width, Height = height })));

    [Theory]
    [InlineData(100L * 1024 * 1024, true)]
    [InlineData((100L * 1024 * 1024) + 1, false)]
    public void The_video_is_at_most_100_MiB(long bytes, bool valid) =>
        Assert.Equal(valid ? [] : [MotionControlRules.VideoSize], Codes(Validate(Remote(), video: GoodVideo with { ByteSize = bytes })));

    [Theory]
    [InlineData(340, 3850, true)]
    [InlineData(339, 1000, false)]
    [InlineData(1000, 3851, false)]
    public void The_video_needs_each_side_between_340_and_3850_px(int width, int height, bool valid) =>
        Assert.Equal(valid ? [] : [MotionControlRules.VideoDimensions], Codes(Validate(Remote(), video: GoodVideo with { Width = width, Height = height })));

    [Theory]
    [InlineData(3000, CharacterOrientation.Video, true)]
    [InlineData(2999, CharacterOrientation.Video, false)]
    [InlineData(30000, CharacterOrientation.Video, true)]
    [InlineData(30001, CharacterOrientation.Video, false)]
    [InlineData(10000, CharacterOrientation.Image, true)]
    [InlineData(10001, CharacterOrientation.Image, false)]
    public void The_video_lasts_3_s_to_30_s_or_10_s_with_orientation_image(int milliseconds, CharacterOrientation orientation, bool valid)
    {
        var result = Validate(Remote(r => r with { CharacterOrientation = orientation }), video: GoodVideo with { Duration = TimeSpan.FromMilliseconds(milliseconds) });

        Assert.Equal(valid, result.IsValid);
    }

    [Theory]
    [InlineData(2500, true)]
    [InlineData(2501, false)]
    public async Task The_prompt_is_at_most_2500_characters(int length, bool valid)
    {
        var result = await Client.ValidateAsync(Remote(r => r with { Prompt = new string('a', length) }));

        Assert.Equal(valid ? [] : [MotionControlRules.PromptLength], Codes(result));
    }

    [Fact]
    public async Task An_element_needs_the_v3_model()
    {
        var element = MotionControlElement.FromImages(MediaSource.FromUri(new Uri("https://example.com/face.png")));

        var onV26 = await Client.ValidateAsync(Remote(r => r with { Element = element }));
        var onV3 = await Client.ValidateAsync(Remote(r => r with { Element = element, Model = FalClient.KlingV3Model }));

        Assert.Equal([MotionControlRules.ElementModel], Codes(onV26));
        Assert.True(onV3.IsValid, string.Join("\n", onV3.Errors));
    }

    [Fact]
    public async Task An_element_needs_orientation_video()
    {
        var element = MotionControlElement.FromImages(MediaSource.FromUri(new Uri("https://example.com/face.png")));

        var image = await Client.ValidateAsync(Remote(r => r with { Element = element, Model = FalClient.KlingV3Model, CharacterOrientation = CharacterOrientation.Image }));
        var video = await Client.ValidateAsync(Remote(r => r with { Element = element, Model = FalClient.KlingV3Model, CharacterOrientation = CharacterOrientation.Video }));

        Assert.Equal([MotionControlRules.ElementOrientation], Codes(image));
        Assert.True(video.IsValid);
    }

    [Fact]
    public async Task An_element_by_id_is_refused_fal_builds_elements_from_images()
    {
        var result = await Client.ValidateAsync(Remote(r => r with { Element = MotionControlElement.FromId("829836802793406551"), Model = FalClient.KlingV3Model }));

        var error = Assert.Single(result.Errors);
        Assert.Equal(MotionControlRules.ElementById, error.Code);
        Assert.Contains("FromImages", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_element_takes_three_reference_images_at_most()
    {
        var face = MediaSource.FromUri(new Uri("https://example.com/face.png"));

        Assert.Equal(3, MotionControlElement.FromImages(face, face, face, face).ReferenceImages.Count);
        Assert.Throws<ArgumentException>(() => MotionControlElement.FromImages(face, face, face, face, face));
    }

    [Fact]
    public async Task Options_fal_cannot_honour_are_refused_by_name_and_the_ones_it_can_pass()
    {
        var refused = await Client.ValidateAsync(Remote(r => r with { Watermark = true, ExternalTaskId = "mine-1" }));
        var honoured = await Client.ValidateAsync(Remote(r => r with { Mode = GenerationMode.Pro, KeepOriginalSound = false, CallbackUrl = new Uri("https://hooks.example.com/fal") }));

        Assert.Equal(["Watermark", "ExternalTaskId"], refused.Errors.Select(e => e.Field));
        Assert.All(refused.Errors, e => Assert.Equal(MotionControlRules.OptionUnsupported, e.Code));
        Assert.True(honoured.IsValid, string.Join("\n", honoured.Errors));
    }

    [Fact]
    public async Task A_budget_is_refused_fal_publishes_no_price_the_sdk_estimates_from()
    {
        var result = await Client.ValidateAsync(Remote(r => r with { MaxCost = 1m }));

        Assert.Equal([MotionControlRules.CostUnknown], Codes(result));
        await Assert.ThrowsAsync<NotSupportedException>(() => Client.EstimateCostAsync(Remote()));
    }

    [Fact]
    public async Task Local_media_need_no_uploader_of_the_callers_fal_stores_them()
    {
        var result = await Client.ValidateAsync(Remote(r => r with { Image = MediaSource.FromFile(Fixture("image.png")), Video = MediaSource.FromFile(Fixture("moov_first.mp4")) }));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Fact]
    public async Task Remote_media_must_be_http_urls()
    {
        var result = await Client.ValidateAsync(Remote(r => r with { Image = MediaSource.FromUri(new Uri("ftp://example.com/character.png")) }));

        Assert.Equal([MotionControlRules.UrlScheme], Codes(result));
    }
}
