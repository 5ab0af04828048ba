using MotionControl.Testing;
using MotionControl.Validation;

namespace MotionControl.Tests.Providers;

/// <summary>Every field a vendor cannot honour is refused by validation, naming the field and the vendor, before anything is sent.</summary>
public sealed class UnsupportedOptionTests
{
    /// <summary>Provider, field, how the vendor is named in the message, and the value set (the same ones each vendor's tests used).</summary>
    public static TheoryData<string, string, string, object> Fields => new()
    {
        { MotionControlProviders.AimlApi, "Mode", "AIMLAPI", GenerationMode.Pro },
        { MotionControlProviders.AimlApi, "CallbackUrl", "AIMLAPI", "https://example.com/hook" },
        { MotionControlProviders.AimlApi, "ExternalTaskId", "AIMLAPI", "mine-1" },
        { MotionControlProviders.AimlApi, "ElementId", "AIMLAPI", 42L },
        { MotionControlProviders.AimlApi, "Watermark", "AIMLAPI", false },
        { MotionControlProviders.Vydra, "Mode", "Vydra", GenerationMode.Standard },
        { MotionControlProviders.Vydra, "CallbackUrl", "Vydra", "https://example.com/hook" },
        { MotionControlProviders.Vydra, "ExternalTaskId", "Vydra", "mine-1" },
        { MotionControlProviders.Vydra, "ElementId", "Vydra", 42L },
        { MotionControlProviders.Vydra, "Watermark", "Vydra", true },
        { MotionControlProviders.ModelsLab, "ExternalTaskId", "ModelsLab", "mine-1" },
        { MotionControlProviders.ModelsLab, "KeepOriginalSound", "ModelsLab", false },
        { MotionControlProviders.ModelsLab, "ElementId", "ModelsLab", 829836802793406551L },
        { MotionControlProviders.ModelsLab, "Watermark", "ModelsLab", true },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task A_field_the_vendor_cannot_honour_is_refused_before_anything_is_sent(string provider, string field, string vendorName, object value)
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        using var client = VendorTestBed.CreateClient(provider, emulator);
        var request = field switch
        {
            "Mode" => VendorTestBed.DefaultRequest(provider) with { Mode = (GenerationMode)value },
            "CallbackUrl" => VendorTestBed.DefaultRequest(provider) with { CallbackUrl = new Uri((string)value) },
            "ExternalTaskId" => VendorTestBed.DefaultRequest(provider) with { ExternalTaskId = (string)value },
            "KeepOriginalSound" => VendorTestBed.DefaultRequest(provider) with { KeepOriginalSound = (bool)value },
            "ElementId" => VendorTestBed.DefaultRequest(provider) with { ElementId = (long)value },
            _ => VendorTestBed.DefaultRequest(provider) with { Watermark = (bool)value },
        };

        var result = await client.ValidateAsync(request);
        var thrown = await Assert.ThrowsAsync<MotionControlValidationException>(() => client.SubmitAsync(request));

        var error = Assert.Single(result.Errors);
        Assert.Equal(MotionControlRules.OptionUnsupported, error.Code);
        // ElementId is the numeric shorthand of Element: errors name the property the request holds.
        var expectedField = field == "ElementId" ? "Element" : field;
        Assert.Equal(expectedField, error.Field);
        Assert.Contains(vendorName, error.Message, StringComparison.Ordinal);
        Assert.Contains(thrown.Errors, e => e.Code == MotionControlRules.OptionUnsupported && e.Field == expectedField);
        Assert.Empty(emulator.Requests);
    }
}
