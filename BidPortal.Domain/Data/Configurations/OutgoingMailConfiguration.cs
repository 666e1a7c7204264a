using BidPortal.Domain.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> builder)
    {
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.Property(m => m.ToAddress).HasMaxLength(256);
        builder.Property(m => m.ToName).HasMaxLength(200);
        builder.Property(m => m.Subject).HasMaxLength(500);
        builder.Property(m => m.Purpose).HasMaxLength(64);
        builder.Property(m => m.Related).HasMaxLength(2000);
        builder.Ignore(m => m.RelatedInvitationIds);
        builder.Property(m => m.LastError).HasMaxLength(1000);
    }
}
