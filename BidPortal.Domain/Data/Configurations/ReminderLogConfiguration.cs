using BidPortal.Domain.Filings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class ReminderLogConfiguration : IEntityTypeConfiguration<ReminderLog>
{
    public void Configure(EntityTypeBuilder<ReminderLog> builder)
    {
        builder.HasOne<Filing>().WithMany().HasForeignKey(r => r.FilingId).OnDelete(DeleteBehavior.Cascade);
        // Two nodes checking on the same day cannot both send the same reminder.
        builder.HasIndex(r => new { r.FilingId, r.Document, r.Kind, r.Due }).IsUnique();
    }
}
