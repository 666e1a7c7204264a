using BidPortal.Domain.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class ScoreItemConfiguration : IEntityTypeConfiguration<ScoreItem>
{
    public void Configure(EntityTypeBuilder<ScoreItem> builder)
    {
        builder.HasOne(i => i.Criterion).WithMany().HasForeignKey(i => i.CriterionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.ScoreSheetId, i.CriterionId }).IsUnique();
        builder.Property(i => i.Comment).HasMaxLength(ScoreItem.CommentMaxLength);
    }
}
