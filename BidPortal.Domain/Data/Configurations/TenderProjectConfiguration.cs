using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BidPortal.Domain.Data.Configurations;

public sealed class TenderProjectConfiguration : IEntityTypeConfiguration<TenderProject>
{
    public void Configure(EntityTypeBuilder<TenderProject> builder)
    {
        builder.HasOne<Campaign>().WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SponsorUnit>().WithMany().HasForeignKey(p => p.LeadSponsorUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Sources).WithOne().HasForeignKey(f => f.TenderProjectId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.Invitations).WithOne().HasForeignKey(i => i.TenderProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Criteria).WithOne().HasForeignKey(c => c.TenderProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Panel).WithOne().HasForeignKey(m => m.TenderProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Reopenings).WithOne().HasForeignKey(r => r.TenderProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Objections).WithOne().HasForeignKey(o => o.TenderProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Shortlist).WithOne().HasForeignKey(s => s.TenderProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.CampaignId, p.Code }).IsUnique();
        builder.Property(p => p.Code).HasMaxLength(TenderProject.CodeMaxLength);
        builder.Property(p => p.Title).HasMaxLength(TenderProject.TitleMaxLength);
        builder.Property(p => p.TitleEn).HasMaxLength(TenderProject.TitleMaxLength);
        builder.Property(p => p.Description).HasMaxLength(TenderProject.DescriptionMaxLength);
        builder.Property(p => p.CancelReason).HasMaxLength(TenderProject.CancelReasonMaxLength);
        builder.OwnsOne(p => p.Call, call =>
        {
            call.Property(c => c.Objectives).HasMaxLength(CallForProposals.ObjectivesMaxLength);
            call.Property(c => c.TargetTrainees).HasMaxLength(CallForProposals.TargetTraineesMaxLength);
            call.Property(c => c.Place).HasMaxLength(CallForProposals.PlaceMaxLength);
            call.Property(c => c.OnSiteTeaching).HasMaxLength(CallForProposals.ClauseMaxLength);
            call.Property(c => c.PriceIncludes).HasMaxLength(CallForProposals.ClauseMaxLength);
            call.Property(c => c.Submission).HasMaxLength(CallForProposals.ClauseMaxLength);
            call.Property(c => c.ContactName).HasMaxLength(CallForProposals.ContactNameMaxLength);
            call.Property(c => c.ContactPhone).HasMaxLength(CallForProposals.ContactPhoneMaxLength);
        });
        builder.Navigation(p => p.Call).IsRequired();
        builder.Ignore(p => p.OrderedCriteria);
    }
}
