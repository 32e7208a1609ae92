using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Edge.Gateway.Tests.Links.AzureIotHub;

/// <summary>A throwaway CA and a server certificate for <c>localhost</c>/127.0.0.1 signed by it, written as PEM files.</summary>
internal static class TestCertificates
{
    /// <summary>Writes <c>{name}-ca.pem</c>, <c>{name}-server.pem</c> and <c>{name}-server.key</c> into <paramref name="dir"/>.</summary>
    public static (string CaPem, string ServerPem, string ServerKey) Create(string dir, string name)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN=Edge test CA {name}", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var server = request.Create(ca, now.AddDays(-1), now.AddDays(29), [1, 2, 3, 4]);

        var caPem = Path.Combine(dir, name + "-ca.pem");
        var serverPem = Path.Combine(dir, name + "-server.pem");
        var serverKeyPem = Path.Combine(dir, name + "-server.key");
        File.WriteAllText(caPem, ca.ExportCertificatePem());
        File.WriteAllText(serverPem, server.ExportCertificatePem());
        File.WriteAllText(serverKeyPem, serverKey.ExportPkcs8PrivateKeyPem());
        return (caPem, serverPem, serverKeyPem);
    }
}
