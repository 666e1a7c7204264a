using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using BidPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Tests.Endpoints;

/// <summary>The demo as a Chinese civil servant and a bid officer read it: believable names, topics, routing and proposals.</summary>
public class DemoDataTests(DemoDataTests.Fixture fixture) : IClassFixture<DemoDataTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    [Fact]
    public async Task EveryDemoInvitation_IsTheRoutingRulesOwn_SoTheGeneratorAndThePortalAgree()
    {
        await using var db = fixture.CreateDbContext();
        Assert.False(await db.Invitations.AnyAsync(i => i.Basis == InvitationBasis.AddedByOrganizer));
        var institutions = await db.Institutions.ToListAsync();
        foreach (var project in await db.Projects.Include(p => p.Invitations).Include(p => p.Sources).ThenInclude(f => f.SponsorUnit).ToListAsync())
        {
            Assert.Equal(Institution.NormaliseTags(SpecialtyTags.ForFilings(project.Sources)), project.Tags);
            var routed = InvitationRule.Route(institutions, project.Tags).Where(d => d.Invited).Select(d => d.Institution.Id).Order();
            Assert.Equal(routed, project.Invitations.Select(i => i.InstitutionId).Order());
        }
    }

    [Fact]
    public async Task CurrentC01_IsAMergeOfThreeUnitsCourses_OnTheEnvironment_AndInvitesTheEnvironmentInstitutions()
    {
        await using var db = fixture.CreateDbContext();
        var c01 = await db.Projects.Include(p => p.Sources).Include(p => p.Invitations).ThenInclude(i => i.Institution)
            .SingleAsync(p => p.Code == "C-01");
        Assert.Equal(ProjectStatus.Draft, c01.Status);
        Assert.Equal(3, c01.Sources.Select(f => f.SponsorUnitId).Distinct().Count());
        Assert.Equal("黄河三角洲生态保护与绿色发展专题培训班", c01.Title);
        Assert.Contains("environment", c01.Tags);
        var invited = c01.Invitations.Select(i => i.Institution!.Code).ToList();
        Assert.Contains("OUC", invited);
        Assert.Contains("CUGB", invited);
        Assert.DoesNotContain("SUFE", invited);
    }

    [Fact]
    public async Task CurrentFinanceRiskCourse_InvitesTheFinanceUniversity()
    {
        await using var db = fixture.CreateDbContext();
        var course = await db.Projects.Include(p => p.Invitations).ThenInclude(i => i.Institution)
            .SingleAsync(p => p.Title.Contains("金融风险防控") && p.Code.StartsWith("C-"));
        Assert.Contains("SUFE", course.Invitations.Select(i => i.Institution!.Code));
    }

    [Fact]
    public async Task Titles_NameTheirUnitsProperly_AndEnglishTitlesReadAsTitles()
    {
        await using var db = fixture.CreateDbContext();
        var units = await db.SponsorUnits.Select(u => u.Name).ToListAsync();
        Assert.Contains("中共东营市委宣传部", units);
        Assert.DoesNotContain(units, n => n.Contains("中共委"));
        var titles = await db.Filings.Select(f => f.Title).ToListAsync();
        Assert.DoesNotContain(titles, t => t.Contains("中共委") || t.Contains("公安局蓝色经济") || t.Contains("审计局公共卫生"));
        var english = await db.Projects.Select(p => p.TitleEn).ToListAsync();
        Assert.DoesNotContain(english, t => t.Contains("programme", StringComparison.OrdinalIgnoreCase) || t.Any(c => c > 0x2E80));
        Assert.Contains("Ecological Protection and Green Development in the Yellow River Delta", english);
    }

    [Fact]
    public async Task Deadlines_FallAt17_00_BeijingTime()
    {
        await using var db = fixture.CreateDbContext();
        var deadlines = await db.Projects.Where(p => p.Deadline != null).Select(p => p.Deadline!.Value).ToListAsync();
        Assert.NotEmpty(deadlines);
        Assert.All(deadlines, d => Assert.Equal(new TimeSpan(17, 0, 0), TimeZoneInfo.ConvertTime(d, Dates.City).TimeOfDay));
    }

    [Fact]
    public async Task ProposalsToOneProject_DifferInFacultyAndOutline()
    {
        await using var db = fixture.CreateDbContext();
        var versions = await db.ProposalVersions.Join(db.Proposals, v => v.ProposalId, p => p.Id, (v, p) => new { p.TenderProjectId, v.Faculty, v.CourseOutline })
            .ToListAsync();
        foreach (var project in versions.GroupBy(v => v.TenderProjectId))
        {
            Assert.Equal(project.Count(), project.Select(v => v.Faculty).Distinct().Count());
            Assert.Equal(project.Count(), project.Select(v => v.CourseOutline).Distinct().Count());
        }
    }
}
