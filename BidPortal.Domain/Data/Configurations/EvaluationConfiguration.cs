using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class CriterionConfiguration : IEntityTypeConfiguration<Criterion>
{
    public void Configure(EntityTypeBuilder<Criterion> b)
    {
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.NameEn).HasMaxLength(200);
    }
}

public sealed class PanelMemberConfiguration : IEntityTypeConfiguration<PanelMember>
{
    public void Configure(EntityTypeBuilder<PanelMember> b)
    {
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.TenderProjectId, m.UserId }).IsUnique();
        b.HasMany(m => m.Conflicts).WithOne().HasForeignKey(c => c.PanelMemberId).OnDelete(DeleteBehavior.Cascade);
        b.Property(m => m.DisplayName).HasMaxLength(100);
    }
}

public sealed class ConflictDeclarationConfiguration : IEntityTypeConfiguration<ConflictDeclaration>
{
    public void Configure(EntityTypeBuilder<ConflictDeclaration> b)
    {
        b.HasOne<Proposal>().WithMany().HasForeignKey(c => c.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.Property(c => c.Reason).HasMaxLength(1000);
    }
}

public sealed class ScoreSheetConfiguration : IEntityTypeConfiguration<ScoreSheet>
{
    public void Configure(EntityTypeBuilder<ScoreSheet> b)
    {
        b.HasOne(s => s.PanelMember).WithMany().HasForeignKey(s => s.PanelMemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Proposal>().WithMany().HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.PanelMemberId, s.ProposalId }).IsUnique();
        b.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.ScoreSheetId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.Comment).HasMaxLength(4000);
        b.Property(s => s.OutlierReason).HasMaxLength(2000);
        b.Ignore(s => s.TypedTotal);
    }
}

public sealed class ScoreItemConfiguration : IEntityTypeConfiguration<ScoreItem>
{
    public void Configure(EntityTypeBuilder<ScoreItem> b) =>
        b.HasOne(i => i.Criterion).WithMany().HasForeignKey(i => i.CriterionId).OnDelete(DeleteBehavior.Restrict);
}

public sealed class ShortlistEntryConfiguration : IEntityTypeConfiguration<ShortlistEntry>
{
    public void Configure(EntityTypeBuilder<ShortlistEntry> b) =>
        b.HasOne<Proposal>().WithMany().HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Restrict);
}
