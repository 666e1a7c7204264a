using BidPortal.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.HasOne(i => i.Institution).WithMany().HasForeignKey(i => i.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.TenderProjectId, i.InstitutionId }).IsUnique();
        b.Property(i => i.Note).HasMaxLength(1000);
        b.Property(i => i.LastDeliveryError).HasMaxLength(1000);
        b.Property(i => i.PhoneConfirmedBy).HasMaxLength(100);
        b.Property(i => i.PhoneNote).HasMaxLength(1000);
    }
}
