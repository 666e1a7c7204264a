using BidPortal.Domain.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.HasIndex(c => c.Year);
        builder.Property(c => c.Name).HasMaxLength(Campaign.NameMaxLength);
        builder.Property(c => c.NameEn).HasMaxLength(Campaign.NameMaxLength);
        builder.Property(c => c.TimeZoneId).HasMaxLength(Campaign.TimeZoneIdMaxLength);
        builder.Ignore(c => c.RubricForNewProjects);
        builder.HasMany(c => c.DefaultRubric).WithOne().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
