using System.Security.Cryptography;

namespace BidPortal.Web.Infrastructure;

/// <summary>
/// The 32-byte key that encrypts the data-protection key ring at rest (AES-GCM): <c>DataProtection:KeyEncryptionKey</c>
/// (base64) when configured, otherwise generated once into <c>dataprotection.key</c> in the data folder, readable by
/// the portal's account only. Several nodes sharing one database must share this key: configure it for them.
/// </summary>
public sealed class KeyEncryptionKey
{
    public const string KeyFile = "dataprotection.key";
    public const string Setting = "DataProtection:KeyEncryptionKey";

    private readonly byte[] _key;

    private KeyEncryptionKey(byte[] key)
    {
        if (key.Length != 32) throw new InvalidOperationException($"{Setting} must be 32 bytes in base64, not {key.Length} bytes.");
        _key = key;
        Id = Convert.ToHexString(SHA256.HashData(key).AsSpan(0, 8));
    }

    /// <summary>A fingerprint written beside each encrypted key, so a key made under another key is named as such.</summary>
    public string Id { get; }

    public AesGcm Cipher() => new(_key, AesGcm.TagByteSizes.MaxSize);

    public static KeyEncryptionKey Load(IConfiguration configuration, string dataFolder)
    {
        if (configuration[Setting] is { Length: > 0 } configured) return new KeyEncryptionKey(Convert.FromBase64String(configured));
        Directory.CreateDirectory(dataFolder);
        var path = Path.Combine(dataFolder, KeyFile);
        if (!File.Exists(path))
        {
            var key = RandomNumberGenerator.GetBytes(32);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            try
            {
                using var writer = new StreamWriter(path, options);
                writer.Write(Convert.ToBase64String(key));
                return new KeyEncryptionKey(key);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
        }
        return new KeyEncryptionKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }
}
