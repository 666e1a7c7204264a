using BidPortal.Domain.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> b)
    {
        b.HasIndex(i => i.Code).IsUnique();
        b.Property(i => i.Code).HasMaxLength(32);
        b.Property(i => i.Name).HasMaxLength(200);
        b.Property(i => i.NameEn).HasMaxLength(200);
        b.Property(i => i.PreferredCulture).HasMaxLength(8);
        b.HasMany(i => i.Contacts).WithOne().HasForeignKey(c => c.InstitutionId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(i => i.PrimaryContact);
    }
}

public sealed class InstitutionContactConfiguration : IEntityTypeConfiguration<InstitutionContact>
{
    public void Configure(EntityTypeBuilder<InstitutionContact> b)
    {
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.Email).HasMaxLength(256);
        b.Property(c => c.Phone).HasMaxLength(40);
    }
}
