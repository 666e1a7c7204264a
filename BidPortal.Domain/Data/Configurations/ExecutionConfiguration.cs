using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class AwardConfiguration : IEntityTypeConfiguration<Award>
{
    public void Configure(EntityTypeBuilder<Award> b)
    {
        b.HasOne<TenderProject>().WithMany().HasForeignKey(a => a.TenderProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.TenderProjectId).IsUnique();
        b.HasOne<Proposal>().WithMany().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Institution>().WithMany().HasForeignKey(a => a.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.Reason).HasMaxLength(2000);
        b.Property(a => a.DecidedBy).HasMaxLength(256);
    }
}

public sealed class ExecutionRecordConfiguration : IEntityTypeConfiguration<ExecutionRecord>
{
    public void Configure(EntityTypeBuilder<ExecutionRecord> b)
    {
        b.HasOne<TenderProject>().WithMany().HasForeignKey(e => e.TenderProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(e => e.Award).WithMany().HasForeignKey(e => e.AwardId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => e.TenderProjectId).IsUnique();
    }
}
