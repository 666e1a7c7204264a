using BidPortal.Domain;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;

namespace BidPortal.Tests.Domain;

public class CallForProposalsTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Build.Clock();
    private readonly Campaign _campaign = Build.Campaign();

    private Filing Approved(string title, string objectives, string trainees, string place, DateOnly start, int days)
    {
        var details = new FilingDetails(title, Theme.EconomicManagement, trainees, 40, days, start, start.AddDays(days - 1), place, 100_000m,
            objectives, IsCrossUnit: false, IsMajorTopic: true);
        var filing = new Filing(_campaign, Build.Unit(), details, _clock);
        filing.Submit(_clock);
        filing.Approve(intoSpecialPlan: true, _clock);
        return filing;
    }


    [Fact]
    public void Consolidate_FillsTheCall_FromTheSourceFilings()
    {
        var a = Approved("财政管理班", "提升预算绩效管理能力", "科级干部", "上海", new DateOnly(2026, 6, 8), 5);
        var b = Approved("审计业务班", "掌握审计新规", "审计干部", "上海", new DateOnly(2026, 5, 11), 7);
        var project = TenderProject.Consolidate(_campaign, "P-01", "整合班", "Merged", "由两个备案项目整合而成", Theme.EconomicManagement, ["finance"], [a, b]);

        var call = project.Call;
        // One paragraph per filing, earliest course first, each under its filing's title.
        Assert.Equal("【审计业务班】掌握审计新规\n\n【财政管理班】提升预算绩效管理能力", call.Objectives);
        Assert.Equal("审计干部；科级干部", call.TargetTrainees);
        Assert.Equal("上海", call.Place);
        Assert.Equal((new DateOnly(2026, 5, 11), new DateOnly(2026, 6, 12), 7), (call.StartDate, call.EndDate, call.Days));
        // The standard clauses stay empty so each reader gets them in its own language.
        Assert.Null(call.PriceIncludes);
        Assert.Null(call.Submission);
        Assert.DoesNotContain("整合而成", call.Objectives);
    }

    [Fact]
    public void Consolidate_FromOneFiling_TakesItsObjectivesAsTheyAre()
    {
        var project = Build.Project(_campaign, _clock);
        Assert.Equal("提升财政管理能力", project.Call.Objectives);
        Assert.Equal(5, project.Call.Days);
    }

    [Fact]
    public void EditCall_InDraft_ChangesIt_AndEmptyClausesMeanTheStandardWording()
    {
        var project = Build.Project(_campaign, _clock);
        project.EditCall(project.Call.Details() with { Place = "  东营  ", OnSiteTeaching = "黄河口湿地现场教学", PriceIncludes = "  ", ContactName = "张伟" });
        Assert.Equal(("东营", "黄河口湿地现场教学", null, "张伟"), (project.Call.Place, project.Call.OnSiteTeaching, project.Call.PriceIncludes, project.Call.ContactName));
    }

    [Fact]
    public void EditCall_AfterPublication_IsRefused()
    {
        var project = Build.OpenProject(_clock, TimeSpan.FromDays(7));
        var before = project.Call.Objectives;
        var refused = Assert.Throws<DomainException>(() => project.EditCall(project.Call.Details() with { Objectives = "改过的目标" }));
        Assert.Equal("Call.NotEditable", refused.Key);
        Assert.Equal(before, project.Call.Objectives);
        Assert.DoesNotContain("Call.", refused.MessageIn(new System.Globalization.CultureInfo("zh-CN")));
    }

    [Fact]
    public void EditCall_RefusesTextsOverTheirBounds_EmptyRequiredParts_AndBadDates()
    {
        var project = Build.Project(_campaign, _clock);
        var call = project.Call.Details();
        var tooLong = Assert.Throws<DomainException>(() => project.EditCall(call with { Objectives = new string('目', CallForProposals.ObjectivesMaxLength + 1) }));
        Assert.Equal(("Call.TooLong", TextField.Objectives, CallForProposals.ObjectivesMaxLength), (tooLong.Key, tooLong.Args[0], tooLong.Args[1]));
        Assert.Contains("8000", tooLong.MessageIn(new System.Globalization.CultureInfo("zh-CN")));
        Assert.Equal("Call.TooLong", Assert.Throws<DomainException>(() => project.EditCall(call with { ContactPhone = new string('1', CallForProposals.ContactPhoneMaxLength + 1) })).Key);
        Assert.Equal("Call.Required", Assert.Throws<DomainException>(() => project.EditCall(call with { Place = " " })).Key);
        Assert.Equal("Call.EndBeforeStart", Assert.Throws<DomainException>(() => project.EditCall(call with { EndDate = call.StartDate!.Value.AddDays(-1) })).Key);
        Assert.Equal("Call.DaysRange", Assert.Throws<DomainException>(() => project.EditCall(call with { Days = Bounds.MaxDays + 1 })).Key);
        Assert.Equal("Call.DateOutOfRange", Assert.Throws<DomainException>(() => project.EditCall(call with { StartDate = new DateOnly(1999, 1, 1) })).Key);
        // Exactly at the bound is fine.
        project.EditCall(call with { Objectives = new string('目', CallForProposals.ObjectivesMaxLength) });
        Assert.Equal(CallForProposals.ObjectivesMaxLength, project.Call.Objectives.Length);
    }

    [Fact]
    public void Consolidate_CutsObjectivesOfManyLongFilings_ToTheBound()
    {
        var long1 = new string('甲', Filing.ObjectivesMaxLength);
        var filings = Enumerable.Range(0, 3).Select(i => Approved($"班{i}", long1, "干部", "上海", new DateOnly(2026, 5, 11), 3)).ToList();
        var project = TenderProject.Consolidate(_campaign, "P-02", "整合班", "", "", Theme.EconomicManagement, ["finance"], filings);
        Assert.Equal(CallForProposals.ObjectivesMaxLength, project.Call.Objectives.Length);
        Assert.EndsWith("…", project.Call.Objectives);
    }

    [Fact]
    public void DefaultRubric_SumsTo100_WithOnePrice_AndTheCampaignsOwnIsCopiedIntoEachNewProject()
    {
        var project = Build.Project(_campaign, _clock);
        Rubric.Validate(project.Criteria);
        Assert.Equal([30m, 25m, 20m, 15m, 10m], project.OrderedCriteria.Select(c => c.MaxPoints));
        Assert.Equal("报价", project.Criteria.Single(c => c.IsPrice).Name);

        _campaign.SetDefaultRubric([new("方案", "Design", 90, false), new("报价", "Price", 10, true)]);
        var own = Build.Project(_campaign, _clock);
        Assert.Equal([("方案", 90m), ("报价", 10m)], own.OrderedCriteria.Select(c => (c.Name, c.MaxPoints)));
        // The copy is the project's own: a later change to the campaign's default leaves it as it was.
        _campaign.SetDefaultRubric(Rubric.Default);
        Assert.Equal(2, own.Criteria.Count);
    }
}
