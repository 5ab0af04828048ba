using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MotionControl.Storage.Tests.TestSupport;

/// <summary>
/// Self-signed certificates made at test time for local TLS servers (s3rver over https), and the HTTP handlers that trust
/// exactly those (pinned by thumbprint; nothing is added to the machine's or user's trust store).
/// </summary>
internal static class TestCertificates
{
    private static readonly ConcurrentDictionary<string, byte> Trusted = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Writes a certificate for 127.0.0.1 and its key as PEM files into <paramref name="folder"/>, and trusts it.</summary>
    public static (string CertificatePath, string KeyPath) CreateLoopback(string folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificatePath = Path.Combine(folder, "server.crt");
        var keyPath = Path.Combine(folder, "server.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        Trusted.TryAdd(certificate.Thumbprint, 0);
        return (certificatePath, keyPath);
    }

    /// <summary>A handler that accepts the system's trusted certificates and the ones made here.</summary>
    public static SocketsHttpHandler Handler() => new()
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = static (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || (certificate is not null && Trusted.ContainsKey(certificate.GetCertHashString())),
        },
    };
}
