using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Filings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class FilingConfiguration : IEntityTypeConfiguration<Filing>
{
    public void Configure(EntityTypeBuilder<Filing> builder)
    {
        builder.HasOne<Campaign>().WithMany().HasForeignKey(f => f.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.SponsorUnit).WithMany().HasForeignKey(f => f.SponsorUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(f => f.Documents).WithOne().HasForeignKey(d => d.FilingId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.Title).HasMaxLength(Filing.TitleMaxLength);
        builder.Property(f => f.TargetTrainees).HasMaxLength(Filing.TargetTraineesMaxLength);
        builder.Property(f => f.Place).HasMaxLength(Filing.PlaceMaxLength);
        builder.Property(f => f.Objectives).HasMaxLength(Filing.ObjectivesMaxLength);
        builder.Property(f => f.ReviewComment).HasMaxLength(Filing.ReviewCommentMaxLength);
        builder.HasIndex(f => new { f.CampaignId, f.Status });
    }
}
