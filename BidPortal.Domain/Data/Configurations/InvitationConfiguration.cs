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
        builder.Property(i => i.Note).HasMaxLength(Invitation.NoteMaxLength);
        builder.Property(i => i.LastDeliveryError).HasMaxLength(Invitation.LastDeliveryErrorMaxLength);
        builder.Property(i => i.PhoneConfirmedBy).HasMaxLength(Invitation.PhoneConfirmedByMaxLength);
        builder.Property(i => i.PhoneNote).HasMaxLength(Invitation.NoteMaxLength);
    }
}
