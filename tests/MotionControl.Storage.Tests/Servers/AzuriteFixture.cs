using Azure.Storage.Blobs;

namespace MotionControl.Storage.Tests.Servers;

/// <summary>Azurite's blob service on 127.0.0.1 (one per test collection), with the well-known development account.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's documented development account (public; not a secret of anyone's).</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's documented development account key.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private NodeServer? _server;

    public Uri ServiceUri => new($"http://127.0.0.1:{Server.Port}/{AccountName}/");

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Server.Port}/{AccountName};";

    private NodeServer Server => _server ?? throw new InvalidOperationException("Azurite is not started.");

    public async Task InitializeAsync() => _server = await NodeServer.StartAzuriteAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A container client for assertions (independent of the uploader under test).</summary>
    public BlobContainerClient Container(string name) => new(ConnectionString, name);
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
