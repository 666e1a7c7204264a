using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.HasOne<TenderProject>().WithMany().HasForeignKey(p => p.TenderProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Institution>().WithMany().HasForeignKey(p => p.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.ProposalId).OnDelete(DeleteBehavior.Cascade);
        // One bid per institution per project; a replacement is a new version, not a new bid.
        b.HasIndex(p => new { p.TenderProjectId, p.InstitutionId }).IsUnique();
        b.Property(p => p.InvalidReason).HasMaxLength(64);
        b.Ignore(p => p.Current);
    }
}

public sealed class ProposalVersionConfiguration : IEntityTypeConfiguration<ProposalVersion>
{
    public void Configure(EntityTypeBuilder<ProposalVersion> b)
    {
        b.HasIndex(v => v.ReceiptNumber).IsUnique();
        b.Property(v => v.ReceiptNumber).HasMaxLength(64);
        b.Property(v => v.FileName).HasMaxLength(260);
        b.Property(v => v.Sha256).HasMaxLength(64);
        b.Property(v => v.StorageKey).HasMaxLength(260);
        b.Property(v => v.Faculty).HasMaxLength(4000);
        b.Property(v => v.CourseOutline).HasMaxLength(8000);
    }
}
