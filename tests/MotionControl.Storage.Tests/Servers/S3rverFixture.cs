using Amazon.Runtime;
using Amazon.S3;

namespace MotionControl.Storage.Tests.Servers;

/// <summary>s3rver on 127.0.0.1 (one per test collection). s3rver accepts the fixed development keys <c>S3RVER</c>/<c>S3RVER</c>.</summary>
public sealed class S3rverFixture : IAsyncLifetime
{
    public const string AccessKeyId = "S3RVER";

    public const string SecretAccessKey = "S3RVER";

    private NodeServer? _server;

    public Uri ServiceUrl => new($"http://127.0.0.1:{Server.Port}");

    private NodeServer Server => _server ?? throw new InvalidOperationException("s3rver is not started.");

    public async Task InitializeAsync() =>
        _server = await NodeServer.StartAsync("s3rver", (port, data) =>
            ["--address", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--directory", data, "--silent"]);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A client for assertions (independent of the uploader under test).</summary>
    public AmazonS3Client Client() => new(new BasicAWSCredentials(AccessKeyId, SecretAccessKey), new AmazonS3Config
    {
        ServiceURL = ServiceUrl.AbsoluteUri,
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });
}

[CollectionDefinition(Name)]
public sealed class S3rverCollection : ICollectionFixture<S3rverFixture>
{
    public const string Name = "s3rver";
}
