using BidPortal.Domain.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class SponsorUnitConfiguration : IEntityTypeConfiguration<SponsorUnit>
{
    public void Configure(EntityTypeBuilder<SponsorUnit> builder)
    {
        builder.HasIndex(u => u.Code).IsUnique();
        builder.Property(u => u.Code).HasMaxLength(32);
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.Property(u => u.NameEn).HasMaxLength(200);
        builder.Property(u => u.System).HasMaxLength(64);
        builder.Property(u => u.ContactEmail).HasMaxLength(256);
    }
}
