using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class PanelMemberConfiguration : IEntityTypeConfiguration<PanelMember>
{
    public void Configure(EntityTypeBuilder<PanelMember> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.TenderProjectId, m.UserId }).IsUnique();
        builder.HasMany(m => m.Conflicts).WithOne().HasForeignKey(c => c.PanelMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.DisplayName).HasMaxLength(100);
    }
}
