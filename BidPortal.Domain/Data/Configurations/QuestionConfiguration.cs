using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.HasOne<TenderProject>().WithMany().HasForeignKey(q => q.TenderProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Institution>().WithMany().HasForeignKey(q => q.AskedByInstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(q => q.Text).HasMaxLength(Question.TextMaxLength);
        builder.Property(q => q.Answer).HasMaxLength(Question.AnswerMaxLength);
    }
}
