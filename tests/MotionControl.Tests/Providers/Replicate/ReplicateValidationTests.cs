using MotionControl.Media;
using MotionControl.Providers.Replicate;
using MotionControl.Validation;

namespace MotionControl.Tests.Providers.Replicate;

/// <summary>
/// Every limit Replicate's model schema documents (https://replicate.com/kwaivgi/kling-v2.6-motion-control/api), on both
/// sides of its boundary, for both models, through the same engine and capabilities the client uses.
/// </summary>
public sealed class ReplicateValidationTests
{
    private const long MiB = 1024 * 1024;

    public static TheoryData<string> Models => new("kling-v2-6", "kling-v3");

    private static readonly MediaFacts Image = new() { Format = MediaFormat.Png, ByteSize = 200_000, Width = 768, Height = 1024, SourceName = "character.png" };

    private static readonly MediaFacts Video = new() { Format = MediaFormat.Mp4, ByteSize = 5_000_000, Width = 720, Height = 1280, Duration = TimeSpan.FromSeconds(8), SourceName = "dance.mp4" };

    private static MotionControlCapabilities Vendor => new ReplicateClient(new ReplicateOptions { ApiKey = "r8_test" }).Capabilities;

    private static string[] Codes(string model, MediaFacts? image = null, MediaFacts? video = null, CharacterOrientation orientation = CharacterOrientation.Video, Func<MotionControlRequest, MotionControlRequest>? change = null)
    {
        var request = new MotionControlRequest
        {
            Image = MediaSource.FromFile("character.png"),
            Video = MediaSource.FromFile("dance.mp4"),
            CharacterOrientation = orientation,
            Model = model,
        };
        request = change?.Invoke(request) ?? request;
        var vendor = Vendor;
        var result = RequestValidator.Validate(new ValidationContext(request, vendor.ForModel(model), image ?? Image, video ?? Video, true)
        {
            VendorCapabilities = vendor,
            Model = model,
        });
        return [.. result.Errors.Select(e => e.Code)];
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void A_request_within_every_limit_is_valid(string model) => Assert.Empty(Codes(model));

    [Theory]
    [MemberData(nameof(Models))]
    public void The_image_sides_are_340_to_3850_px(string model)
    {
        Assert.Empty(Codes(model, Image with { Width = 340, Height = 340 }));
        Assert.Empty(Codes(model, Image with { Width = 3850, Height = 3850 }));
        Assert.Equal([MotionControlRules.ImageDimensions], Codes(model, Image with { Width = 339, Height = 400 }));
        Assert.Equal([MotionControlRules.ImageDimensions], Codes(model, Image with { Width = 400, Height = 339 }));
        Assert.Equal([MotionControlRules.ImageDimensions], Codes(model, Image with { Width = 3851, Height = 3000 }));
        Assert.Equal([MotionControlRules.ImageDimensions], Codes(model, Image with { Width = 3000, Height = 3851 }));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_image_is_at_most_10_MB_jpeg_or_png_with_an_aspect_of_1_to_2_5_either_way(string model)
    {
        Assert.Empty(Codes(model, Image with { ByteSize = 10 * MiB }));
        Assert.Equal([MotionControlRules.ImageSize], Codes(model, Image with { ByteSize = (10 * MiB) + 1 }));
        Assert.Empty(Codes(model, Image with { Format = MediaFormat.Jpeg }));
        Assert.Equal([MotionControlRules.ImageFormat], Codes(model, Image with { Format = MediaFormat.WebP }));
        Assert.Empty(Codes(model, Image with { Width = 400, Height = 1000 }));
        Assert.Equal([MotionControlRules.ImageAspect], Codes(model, Image with { Width = 399, Height = 1000 }));
        Assert.Empty(Codes(model, Image with { Width = 1000, Height = 400 }));
        Assert.Equal([MotionControlRules.ImageAspect], Codes(model, Image with { Width = 1001, Height = 400 }));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_video_is_at_most_100_MB_mp4_or_mov_with_sides_of_340_to_3850_px(string model)
    {
        Assert.Empty(Codes(model, video: Video with { ByteSize = 100 * MiB }));
        Assert.Equal([MotionControlRules.VideoSize], Codes(model, video: Video with { ByteSize = (100 * MiB) + 1 }));
        Assert.Empty(Codes(model, video: Video with { Format = MediaFormat.QuickTime }));
        Assert.Equal([MotionControlRules.VideoFormat], Codes(model, video: Video with { Format = MediaFormat.WebM }));
        Assert.Empty(Codes(model, video: Video with { Width = 340, Height = 3850 }));
        Assert.Equal([MotionControlRules.VideoDimensions], Codes(model, video: Video with { Width = 339, Height = 1280 }));
        Assert.Equal([MotionControlRules.VideoDimensions], Codes(model, video: Video with { Width = 720, Height = 3851 }));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_video_lasts_3_s_to_30_s_with_orientation_video_and_to_10_s_with_orientation_image(string model)
    {
        Assert.Empty(Codes(model, video: Video with { Duration = TimeSpan.FromSeconds(3) }));
        Assert.Equal([MotionControlRules.VideoDurationMin], Codes(model, video: Video with { Duration = TimeSpan.FromSeconds(2.99) }));
        Assert.Empty(Codes(model, video: Video with { Duration = TimeSpan.FromSeconds(30) }));
        Assert.Equal([MotionControlRules.VideoDurationMax], Codes(model, video: Video with { Duration = TimeSpan.FromSeconds(30.01) }));
        Assert.Empty(Codes(model, video: Video with { Duration = TimeSpan.FromSeconds(10) }, orientation: CharacterOrientation.Image));
        Assert.Equal([MotionControlRules.VideoDurationMax], Codes(model, video: Video with { Duration = TimeSpan.FromSeconds(10.01) }, orientation: CharacterOrientation.Image));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_prompt_is_at_most_2500_characters(string model)
    {
        Assert.Empty(Codes(model, change: r => r with { Prompt = new string('a', 2500) }));
        Assert.Equal([MotionControlRules.PromptLength], Codes(model, change: r => r with { Prompt = new string('a', 2501) }));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Mode_sound_and_callback_are_accepted_and_what_Replicate_lacks_is_refused_naming_it(string model)
    {
        Assert.Empty(Codes(model, change: r => r with { Mode = GenerationMode.Pro, KeepOriginalSound = false, CallbackUrl = new Uri("https://hooks.example.com/r") }));
        Assert.Equal([MotionControlRules.OptionUnsupported], Codes(model, change: r => r with { ExternalTaskId = "order-1" }));
        Assert.Equal([MotionControlRules.OptionUnsupported], Codes(model, change: r => r with { Watermark = true }));
        Assert.Equal([MotionControlRules.OptionUnsupported], Codes(model, change: r => r with { Element = MotionControlElement.FromId("1") }));
        Assert.Equal([MotionControlRules.UrlScheme], Codes(model, change: r => r with { CallbackUrl = new Uri("ftp://hooks.example.com/r") }));
    }

    [Fact]
    public async Task A_budget_uses_the_inferred_price_on_both_sides_and_is_refused_where_no_price_is_known()
    {
        using var client = new ReplicateClient(new ReplicateOptions { ApiKey = "r8_test" });
        var remote = new MotionControlRequest { Image = MediaSource.FromUri("https://example.com/c.png"), Video = MediaSource.FromUri("https://example.com/d.mp4"), Mode = GenerationMode.Pro };

        // v2.6 pro: 0.15 USD/s × 30 s (a URL's length is unknown: the longest orientation video allows).
        var estimate = await client.EstimateCostAsync(remote);
        var within = await client.ValidateAsync(remote with { MaxCost = 4.5m });
        var above = await client.ValidateAsync(remote with { MaxCost = 4.49m });
        var v3Pro = await client.ValidateAsync(remote with { Model = "kling-v3", MaxCost = 100m });

        Assert.Equal(4.5m, estimate.Maximum);
        Assert.Equal(MotionControlCharge.Usd, estimate.Unit);
        Assert.Contains("inferred", estimate.Basis, StringComparison.Ordinal);
        Assert.True(within.IsValid);
        Assert.Equal([MotionControlRules.CostBudget], above.Errors.Select(e => e.Code));
        Assert.Equal([MotionControlRules.CostUnknown], v3Pro.Errors.Select(e => e.Code));
        await Assert.ThrowsAsync<NotSupportedException>(() => client.EstimateCostAsync(remote with { Model = "kling-v3" }));
        Assert.Equal(0.07m * 30, (await client.EstimateCostAsync(remote with { Model = "kling-v3", Mode = GenerationMode.Standard })).Maximum);
    }
}
