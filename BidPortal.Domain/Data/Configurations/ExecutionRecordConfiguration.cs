using BidPortal.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class ExecutionRecordConfiguration : IEntityTypeConfiguration<ExecutionRecord>
{
    public void Configure(EntityTypeBuilder<ExecutionRecord> builder)
    {
        builder.HasOne<TenderProject>().WithMany().HasForeignKey(e => e.TenderProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Award).WithMany().HasForeignKey(e => e.AwardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.TenderProjectId).IsUnique();
    }
}
