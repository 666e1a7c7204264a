using BidPortal.Domain.Institutions;
using BidPortal.Domain.Notice;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> builder)
    {
        builder.Property(o => o.Reason).HasMaxLength(Objection.ReasonMaxLength);
        builder.Property(o => o.Answer).HasMaxLength(Objection.AnswerMaxLength);
        builder.Property(o => o.FiledBy).HasMaxLength(256);
        builder.Property(o => o.AnsweredBy).HasMaxLength(256);
        builder.HasOne<Institution>().WithMany().HasForeignKey(o => o.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.TenderProjectId, o.InstitutionId });
    }
}
