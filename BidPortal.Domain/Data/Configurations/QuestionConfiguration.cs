using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> b)
    {
        b.HasOne<TenderProject>().WithMany().HasForeignKey(q => q.TenderProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Institution>().WithMany().HasForeignKey(q => q.AskedByInstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.Property(q => q.Text).HasMaxLength(4000);
        b.Property(q => q.Answer).HasMaxLength(8000);
    }
}
