using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class CriterionConfiguration : IEntityTypeConfiguration<Criterion>
{
    public void Configure(EntityTypeBuilder<Criterion> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.NameEn).HasMaxLength(200);
    }
}

public sealed class PanelMemberConfiguration : IEntityTypeConfiguration<PanelMember>
{
    public void Configure(EntityTypeBuilder<PanelMember> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.TenderProjectId, m.UserId }).IsUnique();
        builder.HasMany(m => m.Conflicts).WithOne().HasForeignKey(c => c.PanelMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.DisplayName).HasMaxLength(100);
    }
}

public sealed class ConflictDeclarationConfiguration : IEntityTypeConfiguration<ConflictDeclaration>
{
    public void Configure(EntityTypeBuilder<ConflictDeclaration> builder)
    {
        builder.HasOne<Proposal>().WithMany().HasForeignKey(c => c.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Reason).HasMaxLength(1000);
    }
}

public sealed class ScoreSheetConfiguration : IEntityTypeConfiguration<ScoreSheet>
{
    public void Configure(EntityTypeBuilder<ScoreSheet> builder)
    {
        builder.HasOne(s => s.PanelMember).WithMany().HasForeignKey(s => s.PanelMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.PanelMemberId, s.ProposalId }).IsUnique();
        builder.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.ScoreSheetId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Comment).HasMaxLength(4000);
        builder.Property(s => s.OutlierReason).HasMaxLength(2000);
        builder.Ignore(s => s.TypedTotal);
    }
}

public sealed class ScoreItemConfiguration : IEntityTypeConfiguration<ScoreItem>
{
    public void Configure(EntityTypeBuilder<ScoreItem> builder) =>
        builder.HasOne(i => i.Criterion).WithMany().HasForeignKey(i => i.CriterionId).OnDelete(DeleteBehavior.Restrict);
}

public sealed class ShortlistEntryConfiguration : IEntityTypeConfiguration<ShortlistEntry>
{
    public void Configure(EntityTypeBuilder<ShortlistEntry> builder) =>
        builder.HasOne<Proposal>().WithMany().HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Restrict);
}
