using BidPortal.Domain.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class ScoringReopeningConfiguration : IEntityTypeConfiguration<ScoringReopening>
{
    public void Configure(EntityTypeBuilder<ScoringReopening> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(ScoringReopening.ReasonMaxLength);
        builder.Property(r => r.ReopenedBy).HasMaxLength(256);
    }
}
