using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class ScoreSheetConfiguration : IEntityTypeConfiguration<ScoreSheet>
{
    public void Configure(EntityTypeBuilder<ScoreSheet> builder)
    {
        builder.HasOne(s => s.PanelMember).WithMany().HasForeignKey(s => s.PanelMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.PanelMemberId, s.ProposalId }).IsUnique();
        builder.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.ScoreSheetId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Comment).HasMaxLength(ScoreSheet.CommentMaxLength);
        builder.Property(s => s.OutlierReason).HasMaxLength(ScoreSheet.ReasonMaxLength);
        builder.Ignore(s => s.TypedTotal);
    }
}
