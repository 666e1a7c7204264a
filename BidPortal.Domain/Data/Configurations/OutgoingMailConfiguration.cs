using BidPortal.Domain.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> b)
    {
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.Property(m => m.ToAddress).HasMaxLength(256);
        b.Property(m => m.ToName).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(500);
        b.Property(m => m.Purpose).HasMaxLength(64);
        b.Property(m => m.Related).HasMaxLength(2000);
        b.Ignore(m => m.RelatedInvitationIds);
        b.Property(m => m.LastError).HasMaxLength(1000);
    }
}
