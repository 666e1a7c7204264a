using BidPortal.Domain.Filings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class FilingDocumentConfiguration : IEntityTypeConfiguration<FilingDocument>
{
    public void Configure(EntityTypeBuilder<FilingDocument> b)
    {
        b.Property(d => d.FileName).HasMaxLength(260);
        b.Property(d => d.Sha256).HasMaxLength(64);
        b.Property(d => d.StorageKey).HasMaxLength(260);
    }
}
