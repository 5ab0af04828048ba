using Amazon.Runtime;

namespace MotionControl.Storage.Tests.TestSupport;

/// <summary>Gives the AWS SDK an HttpClient over a test handler (the real sockets of <see cref="FirstBodyByteHandler"/>).</summary>
internal sealed class HandlerHttpClientFactory(HttpMessageHandler handler) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
}
