using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.HasOne<Institution>().WithMany().HasForeignKey(u => u.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SponsorUnit>().WithMany().HasForeignKey(u => u.SponsorUnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(u => u.DisplayName).HasMaxLength(100);
        b.Property(u => u.PreferredCulture).HasMaxLength(8);
    }
}
