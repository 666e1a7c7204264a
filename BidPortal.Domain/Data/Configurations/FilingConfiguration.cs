using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Filings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class FilingConfiguration : IEntityTypeConfiguration<Filing>
{
    public void Configure(EntityTypeBuilder<Filing> b)
    {
        b.HasOne<Campaign>().WithMany().HasForeignKey(f => f.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(f => f.SponsorUnit).WithMany().HasForeignKey(f => f.SponsorUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(f => f.Documents).WithOne().HasForeignKey(d => d.FilingId).OnDelete(DeleteBehavior.Cascade);
        b.Property(f => f.Title).HasMaxLength(300);
        b.Property(f => f.TargetTrainees).HasMaxLength(300);
        b.Property(f => f.Place).HasMaxLength(200);
        b.Property(f => f.Objectives).HasMaxLength(4000);
        b.Property(f => f.ReviewComment).HasMaxLength(2000);
        b.HasIndex(f => new { f.CampaignId, f.Status });
    }
}
