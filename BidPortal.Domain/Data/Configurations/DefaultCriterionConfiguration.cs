using BidPortal.Domain.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class DefaultCriterionConfiguration : IEntityTypeConfiguration<DefaultCriterion>
{
    public void Configure(EntityTypeBuilder<DefaultCriterion> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Rubric.NameMaxLength);
        builder.Property(c => c.NameEn).HasMaxLength(Rubric.NameMaxLength);
    }
}
