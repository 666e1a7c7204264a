using BidPortal.Domain.Filings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class ReminderLogConfiguration : IEntityTypeConfiguration<ReminderLog>
{
    public void Configure(EntityTypeBuilder<ReminderLog> b)
    {
        b.HasOne<Filing>().WithMany().HasForeignKey(r => r.FilingId).OnDelete(DeleteBehavior.Cascade);
        // Two nodes checking on the same day cannot both send the same reminder.
        b.HasIndex(r => new { r.FilingId, r.Document, r.Kind, r.Due }).IsUnique();
    }
}
