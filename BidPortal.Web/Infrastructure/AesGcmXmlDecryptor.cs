using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace BidPortal.Web.Infrastructure;

/// <summary>
/// Reads back what <see cref="AesGcmXmlEncryptor"/> stored. Data protection creates it by type name from the stored
/// XML, through the constructor that takes the service provider.
/// </summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var key = services.GetRequiredService<KeyEncryptionKey>();
        var keyId = (string?)encryptedElement.Attribute("keyId");
        if (keyId != key.Id)
            throw new CryptographicException(
                $"This data-protection key was encrypted under key {keyId}, not the configured {KeyEncryptionKey.Setting} ({key.Id}).");
        var nonce = Convert.FromBase64String((string?)encryptedElement.Element("nonce") ?? "");
        var tag = Convert.FromBase64String((string?)encryptedElement.Element("tag") ?? "");
        var ciphertext = Convert.FromBase64String((string?)encryptedElement.Element("ciphertext") ?? "");
        var plaintext = new byte[ciphertext.Length];
        try
        {
            using (var cipher = key.Cipher()) cipher.Decrypt(nonce, ciphertext, tag, plaintext, AesGcmXmlEncryptor.AssociatedData);
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
