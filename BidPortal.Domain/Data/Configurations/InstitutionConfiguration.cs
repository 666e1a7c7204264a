using BidPortal.Domain.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> builder)
    {
        builder.HasIndex(i => i.Code).IsUnique();
        builder.Property(i => i.Code).HasMaxLength(32);
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.NameEn).HasMaxLength(200);
        builder.Property(i => i.PreferredCulture).HasMaxLength(8);
        builder.HasMany(i => i.Contacts).WithOne().HasForeignKey(c => c.InstitutionId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(i => i.PrimaryContact);
    }
}

public sealed class InstitutionContactConfiguration : IEntityTypeConfiguration<InstitutionContact>
{
    public void Configure(EntityTypeBuilder<InstitutionContact> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Email).HasMaxLength(256);
        builder.Property(c => c.Phone).HasMaxLength(40);
    }
}
