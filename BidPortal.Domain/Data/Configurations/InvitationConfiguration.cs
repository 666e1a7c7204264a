using BidPortal.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.HasOne(i => i.Institution).WithMany().HasForeignKey(i => i.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.TenderProjectId, i.InstitutionId }).IsUnique();
        builder.Property(i => i.Note).HasMaxLength(1000);
        builder.Property(i => i.LastDeliveryError).HasMaxLength(1000);
        builder.Property(i => i.PhoneConfirmedBy).HasMaxLength(100);
        builder.Property(i => i.PhoneNote).HasMaxLength(1000);
    }
}
