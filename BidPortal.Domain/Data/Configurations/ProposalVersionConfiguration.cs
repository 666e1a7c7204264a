using BidPortal.Domain.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class ProposalVersionConfiguration : IEntityTypeConfiguration<ProposalVersion>
{
    public void Configure(EntityTypeBuilder<ProposalVersion> builder)
    {
        builder.HasIndex(v => v.ReceiptNumber).IsUnique();
        builder.Property(v => v.ReceiptNumber).HasMaxLength(64);
        builder.Property(v => v.FileName).HasMaxLength(ProposalVersion.FileNameMaxLength);
        builder.Property(v => v.Sha256).HasMaxLength(64);
        builder.Property(v => v.StorageKey).HasMaxLength(64);
        builder.Property(v => v.WrappedKey).HasMaxLength(1024);
        builder.Property(v => v.Faculty).HasMaxLength(ProposalVersion.FacultyMaxLength);
        builder.Property(v => v.CourseOutline).HasMaxLength(ProposalVersion.OutlineMaxLength);
    }
}
