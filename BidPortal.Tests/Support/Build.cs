using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using Microsoft.Extensions.Time.Testing;

namespace BidPortal.Tests.Support;

/// <summary>Small, valid domain objects for tests that need no database.</summary>
public static class Build
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Start);

    /// <summary>Entities get their ids from the database; tests that need distinct ids set them.</summary>
    public static T WithId<T>(this T entity, int id) where T : class
    {
        typeof(T).GetProperty("Id")!.SetValue(entity, id);
        return entity;
    }

    public static Campaign Campaign()
    {
        var campaign = new Campaign(2026, "2026年度干部培训", "Cadre training 2026").WithId(1);
        campaign.OpenFiling();
        return campaign;
    }

    public static SponsorUnit Unit(string code = "CZJ") =>
        new SponsorUnit(code, "东营市财政局", "Finance Bureau", UnitKind.MunicipalDepartment, "finance").WithId(code.GetHashCode() & 0xffff);

    public static FilingDetails Details(DateOnly? start = null, int headcount = 50, decimal budget = 150_000m, int days = 5)
    {
        var s = start ?? new DateOnly(2026, 5, 11);
        return new FilingDetails("现代财政管理专题培训班", Theme.EconomicManagement, "科级干部", headcount, days, s, s.AddDays(days - 1),
            "上海", budget, "提升财政管理能力", IsCrossUnit: false, IsMajorTopic: true);
    }

    public static Filing ApprovedFiling(Campaign campaign, TimeProvider clock, int headcount = 50, decimal budget = 150_000m)
    {
        var filing = new Filing(campaign, Unit(), Details(headcount: headcount, budget: budget), clock);
        filing.Submit(clock);
        filing.Approve(intoSpecialPlan: true, clock);
        return filing;
    }

    public static Institution Institution(string code, InstitutionCategory category, params string[] tags) =>
        new(code, code + "大学", code + " University", category, tags);

    public static TenderProject Project(Campaign campaign, TimeProvider clock, params string[] tags) =>
        TenderProject.Consolidate(campaign, "P-01", "财政管理整合培训班", "Finance programme", "", Theme.EconomicManagement,
            tags.Length == 0 ? ["finance"] : tags, [ApprovedFiling(campaign, clock)]).WithId(7);

    /// <summary>A project open for proposals until <paramref name="deadline"/>, with invitations for the institutions.</summary>
    public static TenderProject OpenProject(FakeTimeProvider clock, TimeSpan deadline, params Institution[] institutions) =>
        OpenProject(clock, deadline, Rubric.Default, institutions);

    /// <summary>A published project whose rubric was set while it was a draft (it cannot change after).</summary>
    public static TenderProject OpenProject(FakeTimeProvider clock, TimeSpan deadline, IReadOnlyList<CriterionDraft> rubric, params Institution[] institutions)
    {
        var project = Project(Campaign(), clock);
        project.ReplaceRubric(rubric);
        foreach (var institution in institutions.DefaultIfEmpty(Institution("PKU", InstitutionCategory.NationalCadreBase).WithId(1)))
            project.Invite(institution, InvitationBasis.Comprehensive);
        project.Publish(clock.GetUtcNow() + deadline, clock);
        foreach (var invitation in project.Invitations) invitation.MarkSent(clock);
        return project;
    }

    public static ProposalUpload Upload(decimal price = 120_000m) =>
        new("proposal.pdf", 2_000_000, new string('a', 64), "key", price, 5, "教授团队", "课程大纲", 50);
}
