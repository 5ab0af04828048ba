using Microsoft.Extensions.Logging.Abstractions;
using MotionControl.Diagnostics;
using MotionControl.Http;

namespace MotionControl.Tests.Http;

/// <summary>The transport's request address is exactly the path resolved against the base address, however it is built.</summary>
public class ApiTransportAddressTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        string[] bases = ["http://127.0.0.1:5000/", "https://api.example.com/api/v1/", "https://www.vydra.ai/", "http://[::1]:8080/gw/"];
        string[] paths =
        [
            "api/v1/jobs/b8c610d3-2cbc-4ae7-9239-6bad421229f0", "jobs/a%2Fb%3Ac", "jobs?limit=2&offset=0&status=pending", "jobs/a b",
            "jobs/ünïcode", "./jobs", "../jobs", "jobs/../x", "jobs/./x", "?q=1", "#frag", "jobs/x#f", "jobs//x", "", "/abs",
            "//other.host/x", "https://other.example/x", "mailto:someone@example.com", "jobs?at=12:30", "jobs\\x", "%2e%2e/x", "v1/videos/motion-control/123",
        ];
        foreach (var b in bases)
        {
            foreach (var p in paths)
            {
                data.Add(b, p);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_address_is_the_path_resolved_against_the_base(string baseAddress, string path)
    {
        var transport = new ApiTransport(new ApiTransportSettings
        {
            ProviderName = "test",
            HttpClientSource = () => throw new InvalidOperationException(),
            BaseAddress = new Uri(baseAddress),
            Redactor = SecretRedactor.PatternsOnly,
            Logger = NullLogger.Instance,
        });
        var expected = new Uri(new Uri(baseAddress), path);

        var actual = transport.RequestUri(path);

        Assert.Equal(expected.AbsoluteUri, actual.AbsoluteUri);
        Assert.Equal(expected.PathAndQuery, actual.PathAndQuery);
        Assert.Equal(expected.Authority, actual.Authority);
        Assert.Equal(expected, actual);
    }
}
