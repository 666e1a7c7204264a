using BidPortal.Domain.Access;
using BidPortal.Domain.Audit;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using BidPortal.Tests.Support;
using BidPortal.Web.Features.Dashboard;
using BidPortal.Web.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BidPortal.Tests.Endpoints;

/// <summary>The demo campaign reproduces the 2011 report's figures and gives every role work.</summary>
public class SeedTests(SeedTests.Fixture fixture) : IClassFixture<SeedTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    [Fact]
    public async Task Campaign2011_ReproducesTheReportsFigures()
    {
        await using var db = fixture.CreateDbContext();
        var campaign = await db.Campaigns.SingleAsync(c => c.Year == 2011);
        var dashboard = fixture.Services.GetRequiredService<Dashboard>();
        var funnel = (await dashboard.CampaignsAsync(Actor.Of("organizer", Roles.Organizer))).Single(c => c.Year == 2011).Funnel;
        Assert.Equal(
            (60, 30, 43, 26, 325, 41, 7_470_000m),
            (funnel.MunicipalFilings, funnel.InSpecialPlan, funnel.ConsolidatedProjects, funnel.InvitedInstitutions,
             funnel.Proposals, funnel.Completed, funnel.CompletedMoney));
        Assert.True(funnel.CountyFilings > 0);
        Assert.Equal(CampaignStatus.Closed, campaign.Status);
        Assert.True(campaign.IsIllustrative);
    }

    [Fact]
    public async Task Campaign2011_UsesTheThreeThemes_AndTheInstitutionsTheReportNames()
    {
        await using var db = fixture.CreateDbContext();
        var themes = await db.Filings.Select(f => f.Theme).Distinct().ToListAsync();
        Assert.Equal(3, themes.Count);
        var names = await db.Institutions.Select(i => i.Name).ToListAsync();
        Assert.Equal(26, names.Count);
        foreach (var named in new[] { "北京大学", "清华大学", "上海交通大学", "山东大学", "上海财经大学", "厦门国家会计学院", "南京审计学院", "浙江大学", "中国海洋大学", "北京行政学院", "中国浦东干部学院", "中共东营市委党校" })
            Assert.Contains(named, names);
    }

    [Fact]
    public async Task Campaign2011_ShortlistsAreFinalised_AndEveryAwardComesFromOne()
    {
        await using var db = fixture.CreateDbContext();
        var campaign = await db.Campaigns.SingleAsync(c => c.Year == 2011);
        var projects = await db.Projects.Include(p => p.Shortlist).Where(p => p.CampaignId == campaign.Id).ToListAsync();
        var awards = await db.Awards.ToListAsync();
        Assert.Equal(1, projects.Count(p => p.Status == ProjectStatus.Unsuccessful));
        foreach (var project in projects.Where(p => p.Status is ProjectStatus.Completed))
        {
            Assert.Equal(3, project.Shortlist.Count);
            var award = awards.Single(a => a.TenderProjectId == project.Id);
            var entry = project.Shortlist.Single(s => s.ProposalId == award.ProposalId);
            Assert.True(entry.Position == 1 || !string.IsNullOrWhiteSpace(award.Reason));
        }
    }

    [Fact]
    public async Task CurrentCampaign_HasAProjectAtEveryStep()
    {
        await using var db = fixture.CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        var current = await db.Campaigns.SingleAsync(c => c.Year != 2011);
        var projects = await db.Projects.Where(p => p.CampaignId == current.Id).Include(p => p.Panel).ToListAsync();
        Assert.Contains(projects, p => p.Status == ProjectStatus.Draft);
        Assert.Contains(projects, p => p.Status == ProjectStatus.Open && p.Deadline > now.AddDays(3));
        Assert.Contains(projects, p => p.Status == ProjectStatus.Open && p.Deadline < now);
        Assert.Contains(projects, p => p.Status == ProjectStatus.Evaluating);
        Assert.Contains(projects, p => p.Status == ProjectStatus.Shortlisted);
        Assert.Contains(projects, p => p.Status == ProjectStatus.Awarded);
        Assert.All(projects.Where(p => p.Status is ProjectStatus.Evaluating or ProjectStatus.Shortlisted or ProjectStatus.Awarded),
            p => Assert.True(p.Panel.Count >= 2, $"{p.Code} has {p.Panel.Count} evaluators"));
        var awarded = projects.Single(p => p.Status == ProjectStatus.Awarded);
        Assert.True(await db.ExecutionRecords.AnyAsync(e => e.TenderProjectId == awarded.Id));
    }

    [Fact]
    public async Task CurrentCampaign_UnderEvaluation_LeavesExpert01EverythingToDo_WhileOthersShowProgress()
    {
        await using var db = fixture.CreateDbContext();
        var project = await db.Projects.Include(p => p.Panel).ThenInclude(m => m.Conflicts).SingleAsync(p => p.Code == "C-04");
        Assert.Equal(ProjectStatus.Evaluating, project.Status);
        var users = await db.Users.Where(u => u.UserName!.StartsWith("expert")).ToDictionaryAsync(u => u.UserName!);
        Assert.Equal(["expert01", "expert02", "expert03", "expert04", "expert05"],
            project.Panel.Select(m => users.Values.Single(u => u.Id == m.UserId).UserName!).Order());
        // The panel shows people's names, not their logins.
        Assert.All(project.Panel, m => Assert.Equal(users.Values.Single(u => u.Id == m.UserId).DisplayName, m.DisplayName));
        var member = (string login) => project.Panel.Single(m => m.UserId == users[login].Id);
        var valid = await db.Proposals.Where(p => p.TenderProjectId == project.Id && p.Status == ProposalStatus.Valid).Select(p => p.Id).ToListAsync();
        var sheets = await db.ScoreSheets.Where(s => valid.Contains(s.ProposalId)).ToListAsync();

        var expert01 = member("expert01");
        Assert.False(expert01.HasDeclared);
        Assert.Empty(expert01.Conflicts);
        Assert.DoesNotContain(sheets, s => s.PanelMemberId == expert01.Id);
        foreach (var login in new[] { "expert02", "expert03" })
            Assert.Equal(valid.Order(), sheets.Where(s => s.PanelMemberId == member(login).Id && s.Status == ScoreSheetStatus.Submitted).Select(s => s.ProposalId).Order());
        var drafts = sheets.Where(s => s.PanelMemberId == member("expert04").Id).ToList();
        Assert.NotEmpty(drafts);
        Assert.All(drafts, s => Assert.Equal(ScoreSheetStatus.Draft, s.Status));
        var expert05 = member("expert05");
        var conflict = Assert.Single(expert05.Conflicts);
        Assert.False(string.IsNullOrWhiteSpace(conflict.Reason));
        Assert.Equal(valid.Where(id => id != conflict.ProposalId).Order(),
            sheets.Where(s => s.PanelMemberId == expert05.Id && s.Status == ScoreSheetStatus.Submitted).Select(s => s.ProposalId).Order());
    }

    [Theory]
    [InlineData("C-05", ProjectStatus.Shortlisted)]
    [InlineData("C-06", ProjectStatus.Awarded)]
    public async Task CurrentCampaign_ShortlistedAndAwarded_CarryFullSheetsFromFiveEvaluators(string code, ProjectStatus status)
    {
        await using var db = fixture.CreateDbContext();
        var project = await db.Projects.Include(p => p.Panel).ThenInclude(m => m.Conflicts).SingleAsync(p => p.Code == code);
        Assert.Equal(status, project.Status);
        Assert.Equal(5, project.Panel.Count);
        var valid = await db.Proposals.Where(p => p.TenderProjectId == project.Id && p.Status == ProposalStatus.Valid).Select(p => p.Id).ToListAsync();
        var submitted = (await db.ScoreSheets.Where(s => valid.Contains(s.ProposalId) && s.Status == ScoreSheetStatus.Submitted)
            .Select(s => new { s.PanelMemberId, s.ProposalId }).ToListAsync()).Select(s => (s.PanelMemberId, s.ProposalId)).ToHashSet();
        var owed = project.Panel.SelectMany(m => valid.Where(p => !m.IsConflicted(p)).Select(p => (m.Id, p))).ToHashSet();
        Assert.True(owed.SetEquals(submitted), $"{code}: {owed.Count} sheets owed, {submitted.Count} submitted");
        Assert.True(project.Panel.All(m => m.HasDeclared));
    }

    [Fact]
    public async Task CurrentCampaign_Shortlisted_HasOneOutlier_WithItsWrittenReason()
    {
        await using var db = fixture.CreateDbContext();
        var project = await db.Projects.SingleAsync(p => p.Code == "C-05");
        var sheets = await db.ScoreSheets.Where(s => db.Proposals.Any(p => p.Id == s.ProposalId && p.TenderProjectId == project.Id)).ToListAsync();
        Assert.Single(sheets, s => !string.IsNullOrWhiteSpace(s.OutlierReason));
    }

    [Fact]
    public async Task CurrentCampaign_Shortlisted_HasOneAnsweredObjection_FromABidderOffTheShortlist_FiledDuringItsNotice()
    {
        await using var db = fixture.CreateDbContext();
        var project = await db.Projects.Include(p => p.Objections).Include(p => p.Shortlist).SingleAsync(p => p.Code == "C-05");
        var objection = Assert.Single(project.Objections);
        var shortlisted = await db.Proposals.Where(p => project.Shortlist.Select(s => s.ProposalId).Contains(p.Id)).Select(p => p.InstitutionId).ToListAsync();
        Assert.DoesNotContain(objection.InstitutionId, shortlisted);
        Assert.True(await db.Proposals.AnyAsync(p => p.TenderProjectId == project.Id && p.InstitutionId == objection.InstitutionId
            && p.Status == ProposalStatus.Valid));
        Assert.InRange(objection.FiledAt, project.ShortlistPublishedAt!.Value, project.NoticeEndsAt!.Value);
        Assert.False(objection.IsOpen);
        Assert.False(objection.ReopenedScoring);
        Assert.Equal(ProjectStatus.Shortlisted, project.Status);
        // The notice is over and every objection answered: the lead sponsor can award.
        Assert.True(project.AcceptsAward(DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task DemoAccounts_CoverEveryRole_BoundToTheirInstitutionOrUnit()
    {
        await using var db = fixture.CreateDbContext();
        var accounts = SeedFiles.Accounts(Path.Combine(AppContext.BaseDirectory, "seed-data"));
        Assert.All(Roles.All, role => Assert.Contains(accounts, a => a.Role == role));
        Assert.True(accounts.Count(a => a.Role == Roles.Institution) >= 3);
        var users = await db.Users.ToListAsync();
        foreach (var account in accounts)
        {
            var user = users.Single(u => u.UserName == account.Login);
            Assert.Equal(account.Institution is not null, user.InstitutionId is not null);
            Assert.Equal(account.Unit is not null, user.SponsorUnitId is not null);
        }
    }

    [Fact]
    public async Task SeedingAgain_ChangesNothing()
    {
        await using var before = fixture.CreateDbContext();
        var counts = (await before.Filings.CountAsync(), await before.Proposals.CountAsync(), await before.Users.CountAsync(), await before.Institutions.CountAsync());
        using (var scope = fixture.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(Path.Combine(AppContext.BaseDirectory, "seed-data"));
        await using var after = fixture.CreateDbContext();
        Assert.Equal(counts, (await after.Filings.CountAsync(), await after.Proposals.CountAsync(), await after.Users.CountAsync(), await after.Institutions.CountAsync()));
    }

    [Fact]
    public async Task AuditLog_RecordsTheSeed_AndItsChainHolds()
    {
        await using var db = fixture.CreateDbContext();
        var entries = await db.AuditEntries.OrderBy(a => a.Sequence).ToListAsync();
        Assert.True(entries.Count > 1000);
        Assert.Contains(entries, e => e.EntityType == "Proposal" && e.Action == "Created");
        Assert.Contains(entries, e => e.EntityType == "TenderProject" && e.Details == "Evaluating -> Shortlisted");
        Assert.Null(AuditChain.FirstBroken(entries, fixture.Services.GetRequiredService<AuditKey>()));
    }

    [Fact]
    public async Task AuditLog_RefusesEditsThroughTheApplication()
    {
        await using var db = fixture.CreateDbContext();
        var entry = await db.AuditEntries.OrderBy(a => a.Sequence).FirstAsync();
        db.Entry(entry).Property(e => e.Details).CurrentValue = "forged";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }
}
