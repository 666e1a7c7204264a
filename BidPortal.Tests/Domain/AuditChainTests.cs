using BidPortal.Domain.Audit;

namespace BidPortal.Tests.Domain;

public class AuditChainTests
{
    private static readonly AuditKey Key = AuditKey.NewRandom();

    private static List<AuditEntry> Chain(int count)
    {
        var entries = new List<AuditEntry>();
        AuditEntry? last = null;
        for (var i = 0; i < count; i++)
        {
            last = new AuditEntry(last, DateTimeOffset.UnixEpoch.AddMinutes(i), "organizer", "StatusChanged", "Filing", $"{i}", "Submitted -> Approved", Key);
            entries.Add(last);
        }
        return entries;
    }

    [Fact]
    public void IntactChain_Verifies()
    {
        var chain = Chain(5);
        Assert.Null(AuditChain.FirstBroken(chain, Key));
        Assert.Equal(AuditChain.Genesis, chain[0].PreviousHash);
        Assert.Equal(chain[3].Hash, chain[4].PreviousHash);
    }

    [Fact]
    public void ChangedEntry_IsFound()
    {
        var chain = Chain(5);
        typeof(AuditEntry).GetProperty(nameof(AuditEntry.Details))!.SetValue(chain[2], "Submitted -> Rejected");
        Assert.Same(chain[2], AuditChain.FirstBroken(chain, Key));
    }

    [Fact]
    public void DeletedEntry_IsFound()
    {
        var chain = Chain(5);
        chain.RemoveAt(2);
        Assert.Same(chain[2], AuditChain.FirstBroken(chain, Key));
    }

    [Fact]
    public void ChainRecomputedWithoutTheKey_IsFound()
    {
        var chain = Chain(5);
        var forged = new AuditEntry(chain[1], chain[2].At, "organizer", "StatusChanged", "Filing", "2", "Submitted -> Rejected", AuditKey.NewRandom());
        chain[2] = forged;
        Assert.Same(forged, AuditChain.FirstBroken(chain, Key));
    }
}
