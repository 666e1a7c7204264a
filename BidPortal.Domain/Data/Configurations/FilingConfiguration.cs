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
        builder.Property(f => f.Title).HasMaxLength(300);
        builder.Property(f => f.TargetTrainees).HasMaxLength(300);
        builder.Property(f => f.Place).HasMaxLength(200);
        builder.Property(f => f.Objectives).HasMaxLength(4000);
        builder.Property(f => f.ReviewComment).HasMaxLength(2000);
        builder.HasIndex(f => new { f.CampaignId, f.Status });
    }
}
