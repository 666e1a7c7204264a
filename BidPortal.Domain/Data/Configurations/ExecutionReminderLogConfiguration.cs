using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class ExecutionReminderLogConfiguration : IEntityTypeConfiguration<ExecutionReminderLog>
{
    public void Configure(EntityTypeBuilder<ExecutionReminderLog> builder)
    {
        builder.HasOne<ExecutionRecord>().WithMany().HasForeignKey(r => r.ExecutionRecordId).OnDelete(DeleteBehavior.Cascade);
        // Two nodes checking on the same day cannot both send the same reminder.
        builder.HasIndex(r => new { r.ExecutionRecordId, r.Kind, r.Due }).IsUnique();
    }
}
