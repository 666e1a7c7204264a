using BidPortal.Domain.Filings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class FilingDocumentConfiguration : IEntityTypeConfiguration<FilingDocument>
{
    public void Configure(EntityTypeBuilder<FilingDocument> builder)
    {
        builder.Property(d => d.FileName).HasMaxLength(FilingDocument.FileNameMaxLength);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.StorageKey).HasMaxLength(FilingDocument.StorageKeyMaxLength);
    }
}
