namespace BidPortal.Web.Infrastructure.Sealing;

/// <summary>
/// A sealed file fully written and synced, but not yet in place: the caller checks its content
/// (through <see cref="OpenRead"/>) and commits, or lets it go and it is deleted. Only a committed
/// file can be recorded as a proposal, so a refused or interrupted upload leaves nothing behind.
/// </summary>
public sealed class PendingSeal : IAsyncDisposable
{
    private readonly ProposalVault _vault;
    private readonly string _partialPath;
    private bool _committed;

    internal PendingSeal(ProposalVault vault, string partialPath, SealedFile file)
    {
        _vault = vault;
        _partialPath = partialPath;
        File = file;
    }

    public SealedFile File { get; }

    /// <summary>The plaintext, to check its type before the file is accepted.</summary>
    public Stream OpenRead() => _vault.OpenPath(_partialPath, File.WrappedKey);

    /// <summary>Moves the file into place under its storage key (an atomic rename of a synced file).</summary>
    public void Commit()
    {
        System.IO.File.Move(_partialPath, _vault.PathOf(File.StorageKey));
        _committed = true;
    }

    public ValueTask DisposeAsync()
    {
        if (!_committed && System.IO.File.Exists(_partialPath)) System.IO.File.Delete(_partialPath);
        return ValueTask.CompletedTask;
    }
}
