using BidPortal.Domain.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class SponsorUnitConfiguration : IEntityTypeConfiguration<SponsorUnit>
{
    public void Configure(EntityTypeBuilder<SponsorUnit> b)
    {
        b.HasIndex(u => u.Code).IsUnique();
        b.Property(u => u.Code).HasMaxLength(32);
        b.Property(u => u.Name).HasMaxLength(200);
        b.Property(u => u.NameEn).HasMaxLength(200);
        b.Property(u => u.System).HasMaxLength(64);
        b.Property(u => u.ContactEmail).HasMaxLength(256);
    }
}
