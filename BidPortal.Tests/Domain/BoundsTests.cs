using System.Globalization;
using BidPortal.Domain;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;

namespace BidPortal.Tests.Domain;

/// <summary>Every bound at its edge: the last value inside is accepted, the first outside refused with the entity's own key.</summary>
public class BoundsTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Build.Clock();

    public BoundsTests() => CultureInfo.CurrentUICulture = new CultureInfo("en-US");

    private Filing File(FilingDetails details) => new(Build.Campaign(), Build.Unit(), details, _clock);

    private static FilingDetails Dated(DateOnly start, DateOnly end, int days = 1) =>
        Build.Details() with { PlannedStart = start, PlannedEnd = end, Days = days };

    [Fact]
    public void Dates_From2000_To2100_AreAccepted_AndADayOutsideIsRefused()
    {
        File(Dated(new DateOnly(2000, 1, 1), new DateOnly(2000, 1, 1)));
        File(Dated(new DateOnly(2100, 12, 31), new DateOnly(2100, 12, 31)));
        Assert.Equal("Filing.DateOutOfRange",
            Assert.Throws<DomainException>(() => File(Dated(new DateOnly(1999, 12, 31), new DateOnly(2000, 1, 1)))).Key);
        var late = Assert.Throws<DomainException>(() => File(Dated(new DateOnly(2100, 12, 31), new DateOnly(2101, 1, 1))));
        Assert.Equal("Filing.DateOutOfRange", late.Key);
        Assert.Equal("Dates must fall between 2000-01-01 and 2100-12-31.", late.Message);
        Assert.Equal("Filing.DateOutOfRange",
            Assert.Throws<DomainException>(() => File(Dated(new DateOnly(9999, 12, 20), new DateOnly(9999, 12, 20)))).Key);
    }

    [Fact]
    public void Headcount_UpTo100000_IsAccepted_AndOneMoreIsRefused()
    {
        Assert.Equal(100_000, File(Build.Details(headcount: 100_000)).Headcount);
        var refused = Assert.Throws<DomainException>(() => File(Build.Details(headcount: 100_001)));
        Assert.Equal("Filing.HeadcountTooLarge", refused.Key);
        Assert.Equal("The headcount can be at most 100000.", refused.Message);
    }

    [Fact]
    public void Days_UpTo365_AreAccepted_And366AreRefused()
    {
        var start = new DateOnly(2026, 1, 1);
        Assert.Equal(365, File(Dated(start, start.AddDays(400), 365)).Days);
        Assert.Equal("Filing.DaysTooMany", Assert.Throws<DomainException>(() => File(Dated(start, start.AddDays(400), 366))).Key);
    }

    [Theory]
    [InlineData("1000000000", true)]
    [InlineData("1000000000.01", false)]
    [InlineData("0", true)]
    [InlineData("12.34", true)]
    [InlineData("12.345", false)]
    public void Budget_ZeroToOneBillion_WithTwoDecimals(string amount, bool accepted)
    {
        var details = Build.Details(budget: decimal.Parse(amount, CultureInfo.InvariantCulture));
        if (accepted) Assert.Equal(details.Budget, File(details).Budget);
        else Assert.Equal("Filing.BudgetOutOfRange", Assert.Throws<DomainException>(() => File(details)).Key);
    }

    [Theory]
    [InlineData("Title", 300)]
    [InlineData("TargetTrainees", 300)]
    [InlineData("Place", 200)]
    [InlineData("Objectives", 4000)]
    public void FilingTexts_UpToTheirColumn_AreAccepted_AndOneCharacterMoreIsRefused(string field, int limit)
    {
        FilingDetails With(int length)
        {
            var text = new string('培', length);
            return field switch
            {
                "Title" => Build.Details() with { Title = text },
                "TargetTrainees" => Build.Details() with { TargetTrainees = text },
                "Place" => Build.Details() with { Place = text },
                _ => Build.Details() with { Objectives = text },
            };
        }
        File(With(limit));
        var refused = Assert.Throws<DomainException>(() => File(With(limit + 1)));
        Assert.Equal("Filing.TooLong", refused.Key);
        Assert.Contains($"at most {limit} characters", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewComment_OverItsColumn_IsRefused_AndTheFilingStaysSubmitted()
    {
        var filing = File(Build.Details());
        filing.Submit(_clock);
        Assert.Equal("Filing.TooLong", Assert.Throws<DomainException>(() => filing.ReturnForChanges(new string('改', 2001), _clock)).Key);
        filing.ReturnForChanges(new string('改', 2000), _clock);
        Assert.Equal(FilingStatus.Returned, filing.Status);
    }

    [Theory]
    [InlineData(365, 365, 365, 365, 50, 20, null)]
    [InlineData(366, 15, 3, 7, 3, 3, "Campaign.RuleDaysTooMany")]
    [InlineData(10, 366, 3, 7, 3, 3, "Campaign.RuleDaysTooMany")]
    [InlineData(10, 15, 366, 7, 3, 3, "Campaign.RuleDaysTooMany")]
    [InlineData(10, 15, 3, 366, 3, 3, "Campaign.RuleDaysTooMany")]
    [InlineData(10, 15, 3, 7, 51, 3, "Campaign.MinValidProposalsTooMany")]
    [InlineData(10, 15, 3, 7, 3, 21, "Campaign.ShortlistTooLarge")]
    [InlineData(999999999, 15, 3, 7, 3, 3, "Campaign.RuleDaysTooMany")]
    public void CampaignRules_AtTheirMaxima_AreAccepted_AndOneMoreIsRefused(int lead, int report, int reminder, int window, int minValid,
        int shortlist, string? key)
    {
        var campaign = Build.Campaign();
        if (key is null)
        {
            campaign.ConfigureRules(lead, report, reminder, window, minValid, shortlist);
            Assert.Equal(20, campaign.ShortlistSize);
            return;
        }
        Assert.Equal(key, Assert.Throws<DomainException>(() => campaign.ConfigureRules(lead, report, reminder, window, minValid, shortlist)).Key);
        Assert.Equal(10, campaign.DocumentsLeadDays);
    }

    [Fact]
    public void DueDates_OfARowStoredBeforeTheBounds_AreHeldAtTheEndOfTheCalendar()
    {
        var campaign = Build.Campaign();
        Assert.Equal(DateOnly.MaxValue, campaign.ReportDueFor(new DateOnly(9999, 12, 20)));
        Assert.Equal(DateOnly.MinValue, campaign.DocumentsDueFor(new DateOnly(1, 1, 2)));
    }

    [Fact]
    public void Deadline_UpTo2100_IsAccepted_AndLaterIsRefused()
    {
        TenderProject Draft()
        {
            var campaign = Build.Campaign();
            var filing = new Filing(campaign, Build.Unit(), Build.Details(), _clock);
            filing.Submit(_clock);
            filing.Approve(true, _clock);
            var project = TenderProject.Consolidate(campaign, "DY-1", "项目", "Project", "说明", Theme.EconomicManagement, [], [filing]);
            var institution = Build.Institution("INS", InstitutionCategory.NationalCadreBase).WithId(1);
            project.Invite(institution, InvitationBasis.Comprehensive);
            return project;
        }
        Draft().Publish(Bounds.MaxInstant, _clock);
        var refused = Assert.Throws<DomainException>(() => Draft().Publish(Bounds.MaxInstant.AddSeconds(1), _clock));
        Assert.Equal("Project.DeadlineOutOfRange", refused.Key);
    }

    [Fact]
    public void ProjectTotals_AreBounded()
    {
        var campaign = Build.Campaign();
        var filing = new Filing(campaign, Build.Unit(), Build.Details(), _clock);
        filing.Submit(_clock);
        filing.Approve(true, _clock);
        var project = TenderProject.Consolidate(campaign, "DY-1", "项目", "Project", "说明", Theme.EconomicManagement, [], [filing]);
        project.SetTotals(100_000, Bounds.MaxMoney);
        Assert.Equal("Project.HeadcountTooLarge", Assert.Throws<DomainException>(() => project.SetTotals(100_001, 1m)).Key);
        Assert.Equal("Project.BudgetOutOfRange", Assert.Throws<DomainException>(() => project.SetTotals(1, Bounds.MaxMoney + 0.01m)).Key);
    }

    [Fact]
    public void Question_AndAnswer_AreBoundedByTheirColumns()
    {
        Assert.Equal(4000, Question.TextMaxLength);
        var institution = new Institution("INS", "党校", "Party School", InstitutionCategory.PartySchool, []);
        Assert.Equal("Institution.TooLong",
            Assert.Throws<DomainException>(() => institution.AddContact(new string('张', 101), "a@b.c", null, true)).Key);
        Assert.Equal("Institution.TooLong",
            Assert.Throws<DomainException>(() => new Institution("INS", new string('校', 201), "", InstitutionCategory.PartySchool, [])).Key);
        institution.AddContact(new string('张', 100), "a@b.c", null, true);
    }

    [Fact]
    public void PhoneCall_Before2000_IsRefused_AndItsNoteIsBounded()
    {
        var campaign = Build.Campaign();
        var filing = new Filing(campaign, Build.Unit(), Build.Details(), _clock);
        filing.Submit(_clock);
        filing.Approve(true, _clock);
        var project = TenderProject.Consolidate(campaign, "DY-1", "项目", "Project", "说明", Theme.EconomicManagement, [], [filing]);
        var invitation = project.Invite(Build.Institution("INS", InstitutionCategory.NationalCadreBase).WithId(1), InvitationBasis.Comprehensive);
        invitation.MarkSent(_clock);
        Assert.Equal("Invitation.CallOutOfRange", Assert.Throws<DomainException>(() =>
            invitation.RecordPhoneConfirmation("张三", new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.Zero), null, _clock)).Key);
        Assert.Equal("Invitation.TooLong", Assert.Throws<DomainException>(() =>
            invitation.RecordPhoneConfirmation("张三", Bounds.MinInstant, new string('记', 1001), _clock)).Key);
        invitation.RecordPhoneConfirmation("张三", Bounds.MinInstant, new string('记', 1000), _clock);
        Assert.Equal(InvitationStatus.Acknowledged, invitation.Status);
    }

    [Theory]
    [InlineData("0001-01-01 00:00", false)]
    [InlineData("9999-12-31 23:59", false)]
    [InlineData("2100-12-31 17:00", true)]
    public void TypedTimes_AtTheEndsOfTheCalendar_AreRefusedWithoutACrash(string text, bool parsed) =>
        Assert.Equal(parsed, BidPortal.Web.Infrastructure.Dates.TryParseInput(text, out _));
}
