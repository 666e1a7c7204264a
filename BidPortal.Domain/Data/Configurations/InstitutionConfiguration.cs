using BidPortal.Domain.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> builder)
    {
        builder.HasIndex(i => i.Code).IsUnique();
        builder.Property(i => i.Code).HasMaxLength(Institution.CodeMaxLength);
        builder.Property(i => i.Name).HasMaxLength(Institution.NameMaxLength);
        builder.Property(i => i.NameEn).HasMaxLength(Institution.NameMaxLength);
        builder.Property(i => i.PreferredCulture).HasMaxLength(Institution.PreferredCultureMaxLength);
        builder.HasMany(i => i.Contacts).WithOne().HasForeignKey(c => c.InstitutionId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(i => i.PrimaryContact);
    }
}
