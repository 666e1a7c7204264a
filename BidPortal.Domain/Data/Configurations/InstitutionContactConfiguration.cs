using BidPortal.Domain.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class InstitutionContactConfiguration : IEntityTypeConfiguration<InstitutionContact>
{
    public void Configure(EntityTypeBuilder<InstitutionContact> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Institution.ContactNameMaxLength);
        builder.Property(c => c.Email).HasMaxLength(Institution.ContactEmailMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(Institution.ContactPhoneMaxLength);
    }
}
