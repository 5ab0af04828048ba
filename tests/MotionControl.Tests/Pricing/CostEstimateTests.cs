using MotionControl.Pricing;
using MotionControl.Providers.Kling;
using MotionControl.Providers.ModelsLab;
using MotionControl.Testing;
using MotionControl.Tests.Media;
using MotionControl.Tests.TestSupport;
using MotionControl.Validation;

namespace MotionControl.Tests.Pricing;

/// <summary>EstimateCostAsync and MaxCost: the published price table, before any request is sent.</summary>
public sealed class CostEstimateTests
{
    private static KlingClient Kling() => new(new KlingOptions { ApiKey = "k", BaseAddress = new Uri("http://127.0.0.1:9") });

    private static MotionControlRequest Remote() => new()
    {
        Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
        Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
    };

    /// <summary>Row "kling kling-v3 pro: 1.2 units/s" (https://kling.ai/document-api/pricing/base/video, Kling 3.0 Motion Control, 1080P) × 12 s.</summary>
    [Fact]
    public async Task A_12_s_local_reference_on_kling_v3_pro_is_estimated_at_the_per_second_price_times_12()
    {
        using var kling = Kling();
        var row = Assert.Single(PriceTable.Rows, r => r is { Provider: "kling", Model: "kling-v3", Tier: GenerationMode.Pro });

        var estimate = await kling.EstimateCostAsync(Remote() with
        {
            Video = MediaSource.FromFile(MediaFixtures.PathOf("duration_12s.mp4")),
            Model = KlingClient.KlingV3Model,
            Mode = GenerationMode.Pro,
        });

        Assert.Equal(1.2m, row.PerSecond);
        Assert.Equal(row.PerSecond * 12, estimate.Maximum);
        Assert.Equal(14.4m, estimate.Maximum);
        Assert.Equal(row.PerSecond * 3, estimate.Minimum); // the shortest output Kling makes
        Assert.Equal(MotionControlCharge.Units, estimate.Unit);
        Assert.Contains("12 s", estimate.Basis, StringComparison.Ordinal);
        Assert.Contains("kling.ai/document-api/pricing", estimate.Basis, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, GenerationMode.Standard, CharacterOrientation.Video, 0.5, 30)]   // std is what the SDK sends without a mode
    [InlineData("kling-v2-6", GenerationMode.Pro, CharacterOrientation.Video, 0.8, 30)]
    [InlineData("kling-v3", GenerationMode.Standard, CharacterOrientation.Image, 0.9, 10)]
    public async Task A_URL_reference_is_estimated_up_to_the_longest_the_orientation_allows(string? model, GenerationMode mode, CharacterOrientation orientation, double perSecond, int seconds)
    {
        using var kling = Kling();

        var estimate = await kling.EstimateCostAsync(Remote() with { Model = model, Mode = model is null ? null : mode, CharacterOrientation = orientation });

        Assert.Equal((decimal)perSecond * seconds, estimate.Maximum);
        Assert.Equal((decimal)perSecond * 3, estimate.Minimum);
    }

    [Fact]
    public async Task Vydra_is_a_flat_40_credits()
    {
        await using var bed = await VendorTestBed.StartAsync(MotionControlProviders.Vydra);

        var estimate = await bed.Client.EstimateCostAsync(bed.Request());

        Assert.Equal((40m, 40m, MotionControlCharge.Credits), (estimate.Minimum, estimate.Maximum, estimate.Unit));
    }

    [Theory]
    [InlineData(MotionControlProviders.ModelsLab, "ModelsLab")]
    [InlineData(MotionControlProviders.AimlApi, "AIMLAPI")]
    [InlineData(MotionControlProviders.PowerTokens, "PowerTokens")]
    public async Task Elsewhere_an_estimate_is_not_supported_and_a_budget_fails_with_cost_unknown(string provider, string vendor)
    {
        await using var bed = await VendorTestBed.StartAsync(provider);

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => bed.Client.EstimateCostAsync(bed.Request()));
        var result = await bed.Client.ValidateAsync(bed.Request(r => r with { MaxCost = 1_000_000m }));

        Assert.Contains(vendor, error.Message, StringComparison.Ordinal);
        Assert.False(bed.Client.Capabilities.SupportsCostEstimate);
        var broken = Assert.Single(result.Errors);
        Assert.Equal((MotionControlRules.CostUnknown, "MaxCost"), (broken.Code, broken.Field));
        Assert.Contains(vendor, broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ten_submits_with_MaxCost_below_one_job_s_estimate_create_no_task()
    {
        await using var bed = await VendorTestBed.StartAsync(MotionControlProviders.Kling);
        var request = bed.Request(r => r with { Model = null, Mode = null, CharacterOrientation = CharacterOrientation.Video, MaxCost = 14.9m }); // one job: up to 15 units

        for (var i = 0; i < 10; i++)
        {
            var error = await Assert.ThrowsAsync<MotionControlValidationException>(() => bed.Client.SubmitAsync(request));
            var broken = Assert.Single(error.Errors);
            Assert.Equal((MotionControlRules.CostBudget, "15 units"), (broken.Code, broken.Actual));
        }

        Assert.Equal(0, bed.Emulator.CreatedTaskCount(MotionControlProviders.Kling));
        Assert.Empty(bed.Emulator.Requests);
    }

    [Fact]
    public async Task A_budget_at_the_estimate_s_maximum_passes_and_the_job_runs()
    {
        await using var bed = await VendorTestBed.StartAsync(MotionControlProviders.Kling);

        var task = await bed.Client.SubmitAsync(bed.Request(r => r with { Model = null, Mode = null, CharacterOrientation = CharacterOrientation.Video, MaxCost = 15m }));

        Assert.Equal(1, bed.Emulator.CreatedTaskCount(MotionControlProviders.Kling));
        Assert.NotNull(task.Id);
    }

    /// <summary>Where an estimate is supported, it brackets the charge the vendor then reports.</summary>
    [Theory]
    [InlineData(MotionControlProviders.Kling)]
    [InlineData(MotionControlProviders.Vydra)]
    public async Task The_estimate_brackets_the_charge_reported(string provider)
    {
        await using var bed = await VendorTestBed.StartAsync(provider);
        var request = bed.Request(r => r with { CharacterOrientation = CharacterOrientation.Video });

        var estimate = await bed.Client.EstimateCostAsync(request);
        var done = await bed.Client.WaitForCompletionAsync((await bed.Client.SubmitAsync(request)).Id);

        Assert.Equal(estimate.Unit, done.Charge!.Unit);
        Assert.InRange(done.Charge.Amount, estimate.Minimum, estimate.Maximum);
    }

    [Fact]
    public void Every_price_row_names_its_source_and_date()
    {
        Assert.All(PriceTable.Rows, row =>
        {
            Assert.StartsWith("https://", row.Source, StringComparison.Ordinal);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", row.AsOf);
            Assert.True(row.PerSecond is null != row.Flat is null);
        });
        using var modelsLab = new ModelsLabClient(new ModelsLabOptions { ApiKey = "k" });
        Assert.False(PriceTable.Covers(modelsLab.ProviderName));
    }
}
