using System.Globalization;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using BidPortal.Web.Features.Consolidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ConsolidationService = BidPortal.Web.Features.Consolidation.Consolidation;

namespace BidPortal.Tests.Endpoints;

/// <summary>The organizer corrects a draft project's tags and the proposed invitation list is drawn again, on the demo database.</summary>
public class RetagServiceTests(RetagServiceTests.Fixture fixture) : IClassFixture<RetagServiceTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private ConsolidationService Service => fixture.Services.GetRequiredService<ConsolidationService>();

    /// <summary>A fresh draft project of the finance bureau, tagged finance, with CUPL added by the organizer.</summary>
    private async Task<int> DraftAsync(string code)
    {
        int filingId;
        await using (var db = fixture.CreateDbContext())
        {
            var campaign = await db.Campaigns.SingleAsync(c => c.Status != BidPortal.Domain.Campaigns.CampaignStatus.Closed);
            var unit = await db.SponsorUnits.FirstAsync(u => u.Code == "CZJ");
            var filing = new Filing(campaign, unit, Build.Details(), TimeProvider.System);
            filing.Submit(TimeProvider.System);
            filing.Approve(intoSpecialPlan: true, TimeProvider.System);
            db.Filings.Add(filing);
            await db.SaveChangesAsync();
            filingId = filing.Id;
        }
        var projectId = await Service.MergeAsync(Actors.Organizer,
            new MergeRequest([filingId], code, "财政管理专题培训班", "Public Finance Management", "", "finance", 50, 150_000m));
        await using (var db = fixture.CreateDbContext())
        {
            var project = await db.Projects.Include(p => p.Invitations).SingleAsync(p => p.Id == projectId);
            project.Invite(await db.Institutions.SingleAsync(i => i.Code == "CUPL"), InvitationBasis.AddedByOrganizer, "曾承办同类培训");
            await db.SaveChangesAsync();
        }
        return projectId;
    }

    private async Task<string[]> ListedAsync(int projectId)
    {
        await using var db = fixture.CreateDbContext();
        return [.. (await db.Invitations.Where(i => i.TenderProjectId == projectId && i.Status == InvitationStatus.Listed)
            .Select(i => i.Institution!.Code).ToListAsync()).Order()];
    }

    [Fact]
    public async Task Retag_ToEnvironment_ListsTheEnvironmentInstitutions_DropsTheFinanceOnes_AndKeepsTheOrganizersAddition()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var projectId = await DraftAsync("R-01");
        Assert.Contains("SUFE", await ListedAsync(projectId));

        var result = await Service.RetagAsync(Actors.Organizer, projectId, ["environment"]);

        var listed = await ListedAsync(projectId);
        Assert.Contains("OUC", listed);
        Assert.Contains("CUGB", listed);
        Assert.Contains("CUPL", listed);
        Assert.Contains("PKU", listed);
        Assert.DoesNotContain("SUFE", listed);
        Assert.Contains("中国海洋大学", result.Added);
        Assert.Contains("上海财经大学", result.Dropped);
        await using var db = fixture.CreateDbContext();
        Assert.Equal(["environment"], (await db.Projects.SingleAsync(p => p.Id == projectId)).Tags);
        var key = projectId.ToString(CultureInfo.InvariantCulture);
        var entry = await db.AuditEntries.OrderByDescending(a => a.Sequence)
            .FirstAsync(a => a.EntityType == nameof(TenderProject) && a.EntityId == key);
        Assert.Equal("organizer", entry.Actor);
    }

    [Fact]
    public async Task Retag_AfterPublication_IsRefused_AndChangesNothing()
    {
        var projectId = await DraftAsync("R-02");
        await using (var db = fixture.CreateDbContext())
        {
            var project = await db.Projects.Include(p => p.Invitations).SingleAsync(p => p.Id == projectId);
            project.Publish(DateTimeOffset.UtcNow.AddDays(7), TimeProvider.System);
            await db.SaveChangesAsync();
        }
        var before = await ListedAsync(projectId);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Service.RetagAsync(Actors.Organizer, projectId, ["environment"]));

        Assert.Equal("Project.WrongStatus", refusal.Key);
        Assert.Equal(before, await ListedAsync(projectId));
        await using var check = fixture.CreateDbContext();
        Assert.Equal(["finance"], (await check.Projects.SingleAsync(p => p.Id == projectId)).Tags);
    }

    [Theory]
    [MemberData(nameof(Actors.NotOrganizers), MemberType = typeof(Actors))]
    public async Task Retag_ByAnyoneButTheOrganizer_IsRefused(string role)
    {
        var projectId = await DraftAsync($"R-1{role.Length}");
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Service.RetagAsync(Actors.Other(role), projectId, ["environment"]));
        Assert.True(AccessPolicy.IsDenied(refusal));
    }

    [Fact]
    public async Task Retag_OfAnUnknownProject_IsNotFound()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Service.RetagAsync(Actors.Organizer, 99_999, ["environment"]));
        Assert.True(AccessPolicy.IsNotFound(refusal));
    }
}
