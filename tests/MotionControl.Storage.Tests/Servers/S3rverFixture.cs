using Amazon.Runtime;
using Amazon.S3;
using MotionControl.Storage.Tests.TestSupport;

namespace MotionControl.Storage.Tests.Servers;

/// <summary>
/// s3rver on 127.0.0.1 over https (one per test collection), with a certificate made at start and trusted only by the test
/// clients. TLS because s3rver does not decode <c>aws-chunked</c> bodies, so uploads to it go unchunked with an unsigned
/// payload (<c>S3MediaUploaderOptions.ChunkedUploads = false</c>), which the AWS SDK sends over https only. s3rver accepts
/// the fixed development keys <c>S3RVER</c>/<c>S3RVER</c>.
/// </summary>
public sealed class S3rverFixture : IAsyncLifetime
{
    public const string AccessKeyId = "S3RVER";

    public const string SecretAccessKey = "S3RVER";

    private NodeServer? _server;

    public Uri ServiceUrl => new($"https://127.0.0.1:{Server.Port}");

    private NodeServer Server => _server ?? throw new InvalidOperationException("s3rver is not started.");

    public async Task InitializeAsync() => _server = await NodeServer.StartS3rverAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>
    /// A client configured as <c>S3MediaUploader</c> configures its own for a custom endpoint, over a handler that trusts
    /// the test certificate (and, when given, records the body as <paramref name="handler"/> does).
    /// </summary>
    public AmazonS3Client Client(HttpMessageHandler? handler = null, string accessKeyId = AccessKeyId, string secretAccessKey = SecretAccessKey) => new(new BasicAWSCredentials(accessKeyId, secretAccessKey), new AmazonS3Config
    {
        HttpClientFactory = new HandlerHttpClientFactory(handler ?? TestCertificates.Handler()),
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
