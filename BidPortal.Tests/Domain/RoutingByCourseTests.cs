using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;

namespace BidPortal.Tests.Domain;

/// <summary>Step 3 routes by what a course teaches, not only by who sponsors it (issue: C-01 "生态环境保护" missed OUC and CUGB).</summary>
public class RoutingByCourseTests
{
    private readonly Campaign _campaign = Build.Campaign();
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Build.Clock();

    private static readonly Institution[] Directory =
    [
        Build.Institution("PKU", InstitutionCategory.NationalCadreBase).WithId(1),
        Build.Institution("OUC", InstitutionCategory.SpecialisedInstitute, "ocean", "fisheries", "environment").WithId(2),
        Build.Institution("CUGB", InstitutionCategory.SpecialisedInstitute, "land", "environment").WithId(3),
        Build.Institution("TJU", InstitutionCategory.SpecialisedInstitute, "planning", "urban", "environment").WithId(4),
        Build.Institution("SUFE", InstitutionCategory.SpecialisedInstitute, "finance", "accounting", "economy", "statistics").WithId(5),
        Build.Institution("CUPL", InstitutionCategory.SpecialisedInstitute, "law").WithId(6),
    ];

    private Filing Filing(string unitCode, string system, string title, string objectives)
    {
        var unit = new SponsorUnit(unitCode, unitCode, unitCode, UnitKind.MunicipalDepartment, system).WithId(unitCode.Length);
        var filing = new Filing(_campaign, unit, Build.Details() with { Title = title, Objectives = objectives }, _clock);
        filing.Submit(_clock);
        filing.Approve(intoSpecialPlan: true, _clock);
        return filing;
    }

    private string[] Invited(params Filing[] sources)
    {
        var project = TenderProject.Consolidate(_campaign, "C-01", sources[0].Title, "", "", Theme.SocialManagement,
            SpecialtyTags.ForFilings(sources), sources);
        InvitationRule.ListOn(project, Directory);
        return [.. project.Invitations.Select(i => i.Institution!.Code).Order()];
    }

    [Fact]
    public void EnvironmentCourse_OfThePlanningBureau_GetsTheEnvironmentTag_AndInvitesTheEnvironmentInstitutions()
    {
        var course = Filing("GHJ", "planning", "规划局生态环境保护专题培训班", "围绕生态环境保护，提升参训干部的业务能力。");
        Assert.Contains("environment", SpecialtyTags.ForFilings([course]));
        Assert.Equal(["CUGB", "OUC", "PKU", "TJU"], Invited(course));
    }

    [Fact]
    public void FinanceRiskCourse_OfTheOceanBureau_InvitesTheFinanceUniversity()
    {
        var course = Filing("HYJ", "ocean", "海洋与渔业局金融风险防控专题培训班", "提高防范化解金融风险的能力。");
        Assert.Equal(["ocean", "fisheries", "finance"], SpecialtyTags.ForFilings([course]));
        Assert.Contains("SUFE", Invited(course));
    }

    [Fact]
    public void CourseWhoseTextNamesNoTopic_KeepsItsUnitsSystemTags()
    {
        var course = Filing("GAJ", "legal", "领导干部执行力提升专题培训班", "提升抓落实的本领。");
        Assert.Equal(["law"], SpecialtyTags.ForFilings([course]));
        Assert.Equal(["CUPL", "PKU"], Invited(course));
    }

    [Theory]
    [InlineData("Ecological Protection and Green Development", "environment")]
    [InlineData("Auditing public funds", "audit")]
    [InlineData("Blue Economy Zone", "ocean")]
    public void EnglishText_IsMatchedAtTheStartOfAWord_InAnyCase(string text, string tag) =>
        Assert.Contains(tag, SpecialtyTags.ForText([text]));

    [Fact]
    public void EnglishKeyword_InsideAnotherWord_DoesNotMatch() =>
        Assert.DoesNotContain("law", SpecialtyTags.ForText(["an outlawed method"]));

    [Fact]
    public void MergedCourse_GetsTheTagsOfEverySourcesUnitAndTopic()
    {
        var tags = SpecialtyTags.ForFilings([
            Filing("HBJ", "environment", "环境保护局黄河三角洲生态保护专题培训班", ""),
            Filing("HYJ", "ocean", "海洋与渔业局海洋生态修复专题培训班", "")]);
        Assert.Equal(["environment", "ocean", "fisheries"], tags);
    }

    [Fact]
    public void Redraw_AfterRetagging_ListsTheNewlyMatching_DropsTheUnmatched_AndKeepsTheOrganizersAddition()
    {
        var course = Filing("CZJ", "finance", "财政局现代财政管理专题培训班", "");
        var project = TenderProject.Consolidate(_campaign, "C-02", course.Title, "", "", Theme.EconomicManagement, ["finance"], [course]);
        InvitationRule.ListOn(project, Directory);
        project.Invite(Directory[5], InvitationBasis.AddedByOrganizer, "曾承办同类培训");

        project.Retag(["environment"]);
        var (added, dropped) = InvitationRule.Redraw(project, Directory);

        Assert.Equal(["CUGB", "OUC", "TJU"], added.Select(i => i.Code).Order());
        Assert.Equal(["SUFE"], dropped.Select(i => i.Code));
        Assert.Equal(["CUGB", "CUPL", "OUC", "PKU", "TJU"], project.Invitations.Select(i => i.Institution!.Code).Order());
    }

    [Fact]
    public void Retag_AfterPublication_IsRefused()
    {
        var course = Filing("CZJ", "finance", "财政局现代财政管理专题培训班", "");
        var project = TenderProject.Consolidate(_campaign, "C-03", course.Title, "", "", Theme.EconomicManagement, ["finance"], [course]);
        InvitationRule.ListOn(project, Directory);
        project.Publish(_clock.GetUtcNow().AddDays(7), _clock);
        Assert.Throws<BidPortal.Domain.DomainException>(() => project.Retag(["environment"]));
    }
}
