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
        builder.Property(e => e.Note).HasMaxLength(ExecutionRecord.NoteMaxLength);
        builder.Property(e => e.ReportFileName).HasMaxLength(ExecutionRecord.FileNameMaxLength);
        builder.Property(e => e.ReportFileKey).HasMaxLength(400);
        builder.Property(e => e.RecordedBy).HasMaxLength(256);
        builder.Property(e => e.ReportSubmittedBy).HasMaxLength(256);
        builder.Ignore(e => e.CostVariance);
    }
}
