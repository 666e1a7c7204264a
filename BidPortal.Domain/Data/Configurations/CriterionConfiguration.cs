using BidPortal.Domain.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class CriterionConfiguration : IEntityTypeConfiguration<Criterion>
{
    public void Configure(EntityTypeBuilder<Criterion> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Rubric.NameMaxLength);
        builder.Property(c => c.NameEn).HasMaxLength(Rubric.NameMaxLength);
        builder.Ignore(c => c.Names);
    }
}
