using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> builder)
    {
        builder.HasOne<TenderProject>().WithMany().HasForeignKey(p => p.TenderProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Institution>().WithMany().HasForeignKey(p => p.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.ProposalId).OnDelete(DeleteBehavior.Cascade);
        // One bid per institution per project and round; a replacement is a new version, not a new bid.
        builder.HasIndex(p => new { p.TenderProjectId, p.InstitutionId, p.Round }).IsUnique();
        builder.Property(p => p.InvalidReason).HasMaxLength(64);
        builder.Ignore(p => p.Current);
    }
}
