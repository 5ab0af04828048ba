using MotionControl.ContractTests.Fuzzing;

namespace MotionControl.ContractTests.Infrastructure;

/// <summary>
/// The contract clients (WireMock's and the fuzzer's) never pre-flight media URLs: the documented requests name the
/// vendors' real hosts, and a test that resolved them would leave 127.0.0.1 — on a machine without DNS, a wait of up to
/// <c>RemoteMediaTimeout</c> per URL per case, which once held the 13,000-case fuzz run past CI's limit.
/// </summary>
public sealed class NoNetworkTests
{
    private static readonly Uri Nowhere = new("http://127.0.0.1:9/");

    /// <summary>A request on a vendor's own media host (not a name reserved for examples, which the SDK never resolves).</summary>
    private static MotionControlRequest VendorHosted() => new()
    {
        Image = MediaSource.FromUri("https://replicate.delivery/pbxt/contract/santa.png"),
        Video = MediaSource.FromUri("https://replicate.delivery/pbxt/contract/taichi.mp4"),
        Prompt = "A dancer",
        Mode = GenerationMode.Pro,
    };

    public static TheoryData<string> Vendors() => ["kling", "kling-v2", "powertokens", "modelslab", "aimlapi", "vydra", "replicate", "fal"];

    [Theory]
    [MemberData(nameof(Vendors))]
    public async Task A_contract_client_leaves_vendor_media_URLs_unchecked_without_a_warning(string vendor)
    {
        using var client = vendor switch
        {
            "kling" => (IMotionControlClient)Clients.Kling(Nowhere),
            "kling-v2" => Clients.KlingV2(Nowhere, "contract-key"),
            "powertokens" => Clients.PowerTokens(Nowhere, "contract-key"),
            "modelslab" => Clients.ModelsLab(Nowhere, "contract-key"),
            "aimlapi" => Clients.AimlApi(Nowhere, "contract-key"),
            "vydra" => Clients.Vydra(Nowhere, "contract-key"),
            "replicate" => Clients.Replicate(Nowhere, "contract-key"),
            _ => Clients.Fal(Nowhere, "contract-key"),
        };

        var result = await client.ValidateAsync(VendorHosted());

        // With pre-flight on, the URLs would be fetched (a network) or reported not checked (no network).
        Assert.Empty(result.Warnings);
    }

    public static TheoryData<string, string> FuzzEndpoints() => ReplyFuzzTests.Endpoints();

    [Theory]
    [MemberData(nameof(FuzzEndpoints))]
    public async Task A_fuzz_client_leaves_vendor_media_URLs_unchecked_without_a_warning(string vendor, string endpoint)
    {
        using var http = new HttpClient();
        var (connected, _) = FuzzTargets.Get(vendor, endpoint).Connect(http);
        using var disposable = connected;
        var client = Assert.IsAssignableFrom<IMotionControlClient>(connected);

        var result = await client.ValidateAsync(VendorHosted());

        Assert.Empty(result.Warnings);
    }
}
