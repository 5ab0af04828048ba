using MotionControl.Media;
using MotionControl.Providers.AimlApi;
using MotionControl.Providers.Kling;
using MotionControl.Providers.ModelsLab;
using MotionControl.Providers.PowerTokens;
using MotionControl.Validation;

namespace MotionControl.Tests.Validation;

/// <summary>Capabilities per model: validation reads the profile of the request's model, not the vendor's union.</summary>
public sealed class ModelProfileTests
{
    private static readonly MediaFacts GoodImage = new() { Format = MediaFormat.Png, ByteSize = 200_000, Width = 768, Height = 1024, SourceName = "character.png" };
    private static readonly MediaFacts GoodVideo = new() { Format = MediaFormat.Mp4, ByteSize = 5_000_000, Width = 720, Height = 1280, Duration = TimeSpan.FromSeconds(8), SourceName = "dance.mp4" };

    private static KlingClient Kling(KlingApiVersion version) =>
        new(new KlingOptions { ApiKey = "k", ApiVersion = version, BaseAddress = new Uri("http://127.0.0.1:9") });

    private static MotionControlRequest Remote(string? model = null) => new()
    {
        Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
        Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
        Model = model,
    };

    /// <summary>Local media, so the size rules run on the facts given (the rule table, not a 50 MB file).</summary>
    private static MotionControlValidationResult ValidateLocal(MotionControlCapabilities vendor, long imageBytes, string? model = null)
    {
        var request = new MotionControlRequest { Image = MediaSource.FromFile("character.png"), Video = MediaSource.FromFile("dance.mp4"), Model = model };
        return RequestValidator.Validate(new ValidationContext(request, vendor.ForModel(model), GoodImage with { ByteSize = imageBytes }, GoodVideo, HasUploader: true)
        {
            VendorCapabilities = vendor,
            Model = model ?? vendor.DefaultModel,
        });
    }

    [Theory]
    [InlineData(KlingApiVersion.V1, 10L * 1024 * 1024, true)]
    [InlineData(KlingApiVersion.V1, (10L * 1024 * 1024) + 1, false)]
    [InlineData(KlingApiVersion.V2, 50L * 1024 * 1024, true)]
    [InlineData(KlingApiVersion.V2, (50L * 1024 * 1024) + 1, false)]
    public void The_image_limit_is_10_MB_on_V1_and_50_MB_on_V2(KlingApiVersion version, long bytes, bool valid)
    {
        using var client = Kling(version);

        var result = ValidateLocal(client.Capabilities, bytes);

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal(MotionControlRules.ImageSize, error.Code);
            Assert.Contains(version == KlingApiVersion.V1 ? "10 MB" : "50 MB", error.Limit, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(KlingApiVersion.V1, null)]
    [InlineData(KlingApiVersion.V1, "kling-v2-6")]
    [InlineData(KlingApiVersion.V2, "kling-2.6")]
    [InlineData(KlingApiVersion.V2, "kling-v2-6")]
    public async Task An_element_on_kling_2_6_fails_with_element_model(KlingApiVersion version, string? model)
    {
        using var client = Kling(version);

        var result = await client.ValidateAsync(Remote(model) with { ElementId = 42, CharacterOrientation = CharacterOrientation.Video });

        var error = Assert.Single(result.Errors);
        Assert.Equal((MotionControlRules.ElementModel, "Element"), (error.Code, error.Field));
        Assert.Contains("kling-v3", error.Message, StringComparison.Ordinal);
        Assert.Equal(model ?? KlingClient.DefaultModel, error.Actual);
    }

    [Theory]
    [InlineData(KlingApiVersion.V1, "kling-v3")]
    [InlineData(KlingApiVersion.V2, "kling-3.0")]
    [InlineData(KlingApiVersion.V2, "kling-v3")]
    public async Task An_element_on_kling_3_is_valid(KlingApiVersion version, string model)
    {
        using var client = Kling(version);

        var result = await client.ValidateAsync(Remote(model) with { ElementId = 42, CharacterOrientation = CharacterOrientation.Video });

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Fact]
    public async Task The_client_s_configured_model_decides_when_the_request_names_none()
    {
        using var client = new KlingClient(new KlingOptions { ApiKey = "k", Model = KlingClient.KlingV3Model, BaseAddress = new Uri("http://127.0.0.1:9") });

        var result = await client.ValidateAsync(Remote() with { ElementId = 42, CharacterOrientation = CharacterOrientation.Video });

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Fact]
    public async Task A_string_element_id_fails_on_V1_with_element_id_and_is_valid_on_V2()
    {
        var request = Remote("kling-v3") with { Element = MotionControlElement.FromId("el_9f2c", "hero"), CharacterOrientation = CharacterOrientation.Video };
        using var v1 = Kling(KlingApiVersion.V1);
        using var v2 = Kling(KlingApiVersion.V2);

        var onV1 = await v1.ValidateAsync(request);
        var onV2 = await v2.ValidateAsync(request);

        var error = Assert.Single(onV1.Errors);
        Assert.Equal((MotionControlRules.ElementIdFormat, "el_9f2c"), (error.Code, error.Actual));
        Assert.True(onV2.IsValid, string.Join("\n", onV2.Errors));
    }

    [Fact]
    public void ElementId_is_the_numeric_shorthand_of_Element()
    {
        var request = Remote() with { ElementId = 829836802793406551 };

        Assert.Equal("829836802793406551", request.Element!.Id);
        Assert.Null(request.Element.PromptReference);
        Assert.Null((request with { Element = MotionControlElement.FromId("abc") }).ElementId);
        Assert.Null((request with { ElementId = null }).Element);
        Assert.Throws<ArgumentException>(() => MotionControlElement.FromId(" "));
        Assert.Throws<ArgumentException>(() => MotionControlElement.FromId("1", string.Empty));
    }

    [Fact]
    public async Task Mode_is_refused_on_AIMLAPI_s_v2_6_model_and_accepted_on_its_v3_model()
    {
        using var client = new AimlApiClient(new AimlApiOptions { ApiKey = "k", BaseAddress = new Uri("http://127.0.0.1:9") });
        var request = Remote() with { Mode = GenerationMode.Pro };

        var onDefault = await client.ValidateAsync(request);
        var onV3 = await client.ValidateAsync(request with { Model = AimlApiClient.KlingV3Model });

        var error = Assert.Single(onDefault.Errors);
        Assert.Equal((MotionControlRules.OptionUnsupported, "Mode"), (error.Code, error.Field));
        Assert.Contains(AimlApiClient.KlingV3Model, error.Message, StringComparison.Ordinal);
        Assert.True(onV3.IsValid, string.Join("\n", onV3.Errors));
    }

    [Fact]
    public void Every_vendor_s_profiles_name_only_its_models_and_ModelsLab_v3_is_marked_inferred()
    {
        using var kling = Kling(KlingApiVersion.V1);
        using var powerTokens = new PowerTokensClient(new PowerTokensOptions { ApiKey = "k" });
        using var modelsLab = new ModelsLabClient(new ModelsLabOptions { ApiKey = "k" });

        foreach (var caps in new[] { kling.Capabilities, powerTokens.Capabilities, modelsLab.Capabilities })
        {
            Assert.All(caps.ModelProfiles, p => Assert.Contains(p.Model, caps.Models));
        }

        Assert.True(modelsLab.Capabilities.ProfileOf(ModelsLabClient.KlingV3Model)!.IsInferred);
        Assert.False(modelsLab.Capabilities.ProfileOf(null)!.IsInferred);
        Assert.True(powerTokens.Capabilities.ForModel(null).SupportsElements);
        Assert.False(kling.Capabilities.ForModel(null).SupportsElements);
        Assert.True(kling.Capabilities.ForModel("KLING-3.0").SupportsElements);
    }

    [Theory]
    [InlineData(KlingApiVersion.V1)]
    [InlineData(KlingApiVersion.V2)]
    public async Task An_element_given_by_images_fails_on_Kling_with_element_images_only(KlingApiVersion version)
    {
        using var client = Kling(version);
        var element = MotionControlElement.FromImages(MediaSource.FromUri(new Uri("https://example.com/front.png")), MediaSource.FromUri(new Uri("https://example.com/side.png")));

        var result = await client.ValidateAsync(Remote("kling-v3") with { Element = element, CharacterOrientation = CharacterOrientation.Video });

        var error = Assert.Single(result.Errors);
        Assert.Equal((MotionControlRules.ElementImages, "Element", "element from 2 images"), (error.Code, error.Field, error.Actual));
        Assert.Contains("CreateElementAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromImages_takes_a_frontal_image_and_at_most_three_references()
    {
        var front = MediaSource.FromUri(new Uri("https://example.com/front.png"));
        var side = MediaSource.FromUri(new Uri("https://example.com/side.png"));

        var element = MotionControlElement.FromImages(front, side, side, side);

        Assert.True(element.IsFromImages);
        Assert.Null(element.Id);
        Assert.Null(element.NumericId);
        Assert.Same(front, element.FrontalImage);
        Assert.Equal(3, element.ReferenceImages.Count);
        Assert.Null((new MotionControlRequest { Image = front, Video = side, Element = element }).ElementId);
        var tooMany = Assert.Throws<ArgumentException>(() => MotionControlElement.FromImages(front, side, side, side, side));
        Assert.Contains("at most 3", tooMany.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => MotionControlElement.FromImages(null!));
        Assert.Throws<ArgumentNullException>(() => MotionControlElement.FromImages(front, null!));
        Assert.False(MotionControlElement.FromId("1").IsFromImages);
        Assert.Empty(MotionControlElement.FromId("1").ReferenceImages);
    }
}
