using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using BidPortal.Domain;
using BidPortal.Web.Infrastructure;
using BidPortal.Web.Infrastructure.Sealing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace BidPortal.Tests.Storage;

/// <summary>
/// Sealed proposals on a real disk: what an attacker with the files sees (nothing of the
/// proposal), what a changed byte does (the opening flags it), and that a refused or abandoned
/// upload leaves no file.
/// </summary>
public sealed class ProposalVaultTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vault-" + Guid.NewGuid().ToString("N"));
    private readonly EphemeralDataProtectionProvider _keys = new();

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private ProposalVault Vault(IDataProtectionProvider? keys = null, int chunkSize = 1000) =>
        new(new HostingEnvironment { ContentRootPath = _folder }, Options.Create(new PortalOptions { DataFolder = _folder }), keys ?? _keys)
        {
            ChunkSize = chunkSize,
        };

    private static byte[] Proposal(int size)
    {
        var text = new StringBuilder("%PDF-1.7\n");
        while (text.Length < size) text.Append("报价 123456.00 元；师资：张教授（教授）。Price 123456.00 CNY. ");
        return Encoding.UTF8.GetBytes(text.ToString())[..size];
    }

    private static async Task<SealedFile> StoreAsync(ProposalVault vault, byte[] bytes)
    {
        await using var pending = await vault.SealAsync(new MemoryStream(bytes), 10_000_000, TestContext.Current.CancellationToken);
        pending.Commit();
        return pending.File;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(999)]
    [InlineData(1000)]
    [InlineData(3000)]
    [InlineData(10_501)]
    public async Task What_is_sealed_reads_back_byte_for_byte_with_the_receipt_hash(int size)
    {
        var vault = Vault();
        var bytes = Proposal(size);

        var file = await StoreAsync(vault, bytes);

        Assert.Equal(size, file.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256);
        await using var read = vault.OpenRead(file.StorageKey, file.WrappedKey);
        var copy = new MemoryStream();
        await read.CopyToAsync(copy, TestContext.Current.CancellationToken);
        Assert.Equal(bytes, copy.ToArray());
        Assert.True(await vault.MatchesAsync(file.StorageKey, file.WrappedKey, file.Sha256, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_file_on_disk_holds_none_of_the_proposal()
    {
        var vault = Vault();
        var pdf = Proposal(20_000);
        var zip = Encoding.ASCII.GetBytes("PK\u0003\u0004").Concat(Proposal(5_000)).ToArray();

        var files = new[] { await StoreAsync(vault, pdf), await StoreAsync(vault, zip) };

        foreach (var file in files)
        {
            var onDisk = await File.ReadAllBytesAsync(Path.Combine(vault.Folder, file.StorageKey + ".sealed"), TestContext.Current.CancellationToken);
            Assert.Equal(-1, onDisk.AsSpan().IndexOf("%PDF"u8));
            Assert.Equal(-1, onDisk.AsSpan().IndexOf("PK\u0003\u0004"u8));
            Assert.Equal(-1, onDisk.AsSpan().IndexOf("123456"u8));
            Assert.Equal(-1, onDisk.AsSpan().IndexOf(Encoding.UTF8.GetBytes("报价")));
        }
        Assert.Equal(2, Directory.GetFiles(vault.Folder).Length);
    }

    [Fact]
    public async Task A_byte_flipped_on_disk_is_a_mismatch_and_is_never_read_as_data()
    {
        var vault = Vault();
        var file = await StoreAsync(vault, Proposal(5_000));
        var path = Path.Combine(vault.Folder, file.StorageKey + ".sealed");
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        bytes[3_100] ^= 0x01;
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);

        Assert.False(await vault.MatchesAsync(file.StorageKey, file.WrappedKey, file.Sha256, TestContext.Current.CancellationToken));
        await using var read = vault.OpenRead(file.StorageKey, file.WrappedKey);
        read.Position = 3_000;
        Assert.ThrowsAny<CryptographicException>(() => read.ReadByte());
    }

    [Fact]
    public async Task A_file_cut_at_a_chunk_boundary_is_a_mismatch()
    {
        var vault = Vault();
        var file = await StoreAsync(vault, Proposal(5_000));
        var path = Path.Combine(vault.Folder, file.StorageKey + ".sealed");
        await using (var stream = new FileStream(path, FileMode.Open))
        {
            stream.SetLength(20 + 3 * (1000 + 16));     // header and three whole chunks of five
        }

        Assert.False(await vault.MatchesAsync(file.StorageKey, file.WrappedKey, file.Sha256, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Another_key_ring_cannot_open_the_file()
    {
        var file = await StoreAsync(Vault(), Proposal(2_000));

        Assert.False(await Vault(new EphemeralDataProtectionProvider()).MatchesAsync(file.StorageKey, file.WrappedKey, file.Sha256,
            TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Too_large_a_file_is_refused_with_the_limit_and_leaves_nothing()
    {
        var vault = Vault();
        var big = new MemoryStream(new byte[3 * 1024 * 1024 + 1]);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => vault.SealAsync(big, 3 * 1024 * 1024, TestContext.Current.CancellationToken));

        Assert.Equal("Seal.TooLarge", refusal.Key);
        Assert.Contains("3 MB", refusal.MessageIn(new System.Globalization.CultureInfo("zh-CN")));
        Assert.Empty(Directory.GetFiles(vault.Folder));
    }

    [Fact]
    public async Task An_upload_that_is_not_committed_or_breaks_off_leaves_no_file()
    {
        var vault = Vault();
        await using (await vault.SealAsync(new MemoryStream(Proposal(4_000)), 10_000_000, TestContext.Current.CancellationToken))
        {
            Assert.Single(Directory.GetFiles(vault.Folder, "*.partial"));
        }
        await Assert.ThrowsAsync<IOException>(() => vault.SealAsync(new BrokenStream(Proposal(4_000)), 10_000_000, TestContext.Current.CancellationToken));
        await File.WriteAllBytesAsync(Path.Combine(vault.Folder, "0123456789abcdef0123456789abcdef.partial"), [1, 2, 3], TestContext.Current.CancellationToken);

        Assert.Equal(1, vault.DeletePartials());
        Assert.Empty(Directory.GetFiles(vault.Folder));
        Assert.Empty(vault.StoredKeys());
    }

    [Fact]
    public async Task A_sealed_zip_can_be_checked_without_decrypting_it_to_disk()
    {
        var vault = Vault();
        var docx = new MemoryStream();
        using (var zip = new ZipArchive(docx, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "word/document.xml" })
            {
                await using var entry = await zip.CreateEntry(name).OpenAsync(TestContext.Current.CancellationToken);
                await entry.WriteAsync(Proposal(3_000), TestContext.Current.CancellationToken);
            }
        }

        await using var pending = await vault.SealAsync(new MemoryStream(docx.ToArray()), 10_000_000, TestContext.Current.CancellationToken);
        await using var plain = pending.OpenRead();
        using var read = new ZipArchive(plain, ZipArchiveMode.Read);

        Assert.Equal(["[Content_Types].xml", "word/document.xml"], read.Entries.Select(e => e.FullName));
    }

    [Fact]
    public void A_storage_key_that_could_climb_out_of_the_folder_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Vault().OpenRead("../../etc/passwd", "AAAA"));
    }

    private sealed class BrokenStream(byte[] first) : MemoryStream(first)
    {
        private int _reads;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ++_reads > 2 ? throw new IOException("connection reset") : base.ReadAsync(buffer, cancellationToken);
    }
}
