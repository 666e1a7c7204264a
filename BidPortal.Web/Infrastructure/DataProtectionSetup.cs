using System.Security.Cryptography.X509Certificates;
using BidPortal.Domain.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace BidPortal.Web.Infrastructure;

/// <summary>
/// The data-protection key ring (cookies, antiforgery, links) lives in the database, for several nodes and restarts,
/// and is encrypted there: whoever reads the database cannot mint cookies. With <c>DataProtection:CertificatePath</c>
/// (a PFX, and <c>DataProtection:CertificatePassword</c>) the certificate encrypts it; otherwise AES-GCM under the
/// <see cref="KeyEncryptionKey"/>.
/// </summary>
public static class DataProtectionSetup
{
    public static WebApplicationBuilder AddBidPortalDataProtection(this WebApplicationBuilder builder)
    {
        var portal = builder.Configuration.GetSection("Portal").Get<PortalOptions>() ?? new PortalOptions();
        var dataFolder = DatabaseSetup.DataFolder(builder.Environment, portal);
        var configuration = builder.Configuration;
        // Kept available even under a certificate, so keys stored before the switch still decrypt.
        builder.Services.AddSingleton(_ => KeyEncryptionKey.Load(configuration, dataFolder));
        var protection = builder.Services.AddDataProtection().SetApplicationName("BidPortal").PersistKeysToDbContext<BidPortalDbContext>();
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificate)
        {
            protection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(certificate, configuration["DataProtection:CertificatePassword"]));
        }
        else
        {
            builder.Services.AddOptions<KeyManagementOptions>()
                .Configure<IServiceProvider>((o, services) => o.XmlEncryptor = new AesGcmXmlEncryptor(services.GetRequiredService<KeyEncryptionKey>()));
        }
        return builder;
    }
}
