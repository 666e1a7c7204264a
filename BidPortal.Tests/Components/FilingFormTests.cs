using BidPortal.Web.Components.Pages.Filings;
using Bunit;

namespace BidPortal.Tests.Components;

public class FilingFormTests : ComponentTestBase
{
    private FilingFormModel? _submitted;

    private IRenderedComponent<FilingForm> Render(FilingFormModel model, BidPortal.Domain.Filings.DocumentsWindow? window = null) =>
        Render<FilingForm>(p => p
            .Add(f => f.Model, model)
            .Add(f => f.Window, window)
            .Add(f => f.SubmitLabel, "Save draft")
            .Add(f => f.OnValidSubmit, m => _submitted = m));

    private static void Submit(IRenderedComponent<FilingForm> form) =>
        form.FindAll("button").Single(b => b.TextContent.Contains("Save draft")).Click();

    private static FilingFormModel Complete() => new()
    {
        Title = "现代财政管理专题培训班", Theme = BidPortal.Domain.Campaigns.Theme.EconomicManagement, TargetTrainees = "科级干部",
        Headcount = 50, Days = 5, PlannedStart = new DateTime(2027, 5, 10), PlannedEnd = new DateTime(2027, 5, 14),
        Place = "上海", Budget = 150_000m, Objectives = "提升能力",
    };

    [Fact]
    public void APlannedStart_LeavingFewerThanTheCampaignsDays_IsWarnedAtOnce_InBothLanguages()
    {
        UseCulture("en-US");
        var today = new DateOnly(2027, 5, 1);
        var campaign = new BidPortal.Domain.Campaigns.Campaign(2027, "2027", "2027");
        var window = campaign.DocumentsWindowOn(today);
        var model = new FilingFormModel();
        var form = Render(model, window);
        Assert.DoesNotContain("not be reimbursable", form.Markup);
        // Nine days ahead: the documents were due yesterday (ten days before).
        var start = form.FindComponents<MudBlazor.MudDatePicker>()[0];
        start.Find("input").Change("2027-05-10");
        form.WaitForAssertion(() => Assert.Contains("The planned start leaves fewer than 10 days", form.Markup));
        Assert.Equal(new DateTime(2027, 5, 10), model.PlannedStart);
        Assert.Contains("will not be reimbursable", form.Markup);
        Assert.Null(_submitted);
        // Ten days ahead is still in time (the due day counts).
        start.Find("input").Change("2027-05-11");
        Assert.DoesNotContain("not be reimbursable", form.Markup);

        UseCulture("zh-CN");
        model.PlannedStart = new DateTime(2027, 5, 3);
        form.Render();
        Assert.Contains("距计划开班已不足 10 天", form.Markup);
        Assert.Contains("经费将不予报销", form.Markup);
    }

    [Fact]
    public void EmptyForm_ShowsAMessageUnderEveryRequiredField_AndSubmitsNothing()
    {
        UseCulture("en-US");
        var form = Render(new FilingFormModel());
        Submit(form);
        Assert.Null(_submitted);
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Count(form.Markup, "This field is required."));
        Assert.Contains("10 fields need attention", form.Markup);
        Assert.Contains("This field is required.", form.Markup);
    }

    [Fact]
    public void EndBeforeStart_AndTooManyDays_AreNamedInChinese()
    {
        UseCulture("zh-CN");
        var model = Complete();
        model.PlannedEnd = new DateTime(2027, 5, 9);
        var form = Render(model);
        Submit(form);
        Assert.Null(_submitted);
        Assert.Contains("结束日期不能早于开始日期。", form.Markup);

        model.PlannedEnd = new DateTime(2027, 5, 12);
        Submit(form);
        Assert.Contains("培训天数 5 超过了起止日期之间的天数。", form.Markup);
    }

    [Fact]
    public void NegativeHeadcountAndBudget_AreRefusedWithTheRule()
    {
        UseCulture("en-US");
        var model = Complete();
        model.Headcount = 0;
        model.Budget = -5;
        var form = Render(model);
        Submit(form);
        Assert.Null(_submitted);
        Assert.Contains("The headcount must be greater than zero.", form.Markup);
        Assert.Contains("The budget cannot be negative.", form.Markup);
    }

    [Fact]
    public void CompleteForm_IsSubmitted_WithTheDetailsTheDomainNeeds()
    {
        UseCulture("en-US");
        var form = Render(Complete());
        Submit(form);
        Assert.NotNull(_submitted);
        var details = _submitted!.ToDetails();
        Assert.Equal((new DateOnly(2027, 5, 10), new DateOnly(2027, 5, 14), 150_000m), (details.PlannedStart, details.PlannedEnd, details.Budget));
        Assert.DoesNotContain("fields need attention", form.Markup);
    }

    [Fact]
    public void TextInputs_CarryTheirColumnsMaxlength()
    {
        UseCulture("en-US");
        var form = Render(Complete());
        var limits = form.FindAll("input[type=text], textarea").Select(e => e.GetAttribute("maxlength")).ToList();
        Assert.Contains("300", limits);
        Assert.Contains("200", limits);
        Assert.Contains("4000", limits);
        Assert.Equal("4000", form.Find("textarea").GetAttribute("maxlength"));
    }

    [Fact]
    public void ExtremeValues_AreRefusedUnderTheirFields_AndSubmitNothing()
    {
        UseCulture("en-US");
        var model = Complete();
        model.PlannedStart = new DateTime(9999, 12, 20);
        model.PlannedEnd = new DateTime(9999, 12, 24);
        model.Headcount = 1_000_000;
        model.Budget = 1_000_000_000.001m;
        model.Place = new string('地', 250);
        var form = Render(model);
        Submit(form);
        Assert.Null(_submitted);
        Assert.Contains("Must be between 2000-01-01 and 2100-12-31.", form.Markup);
        Assert.Contains("Must be between 1 and 100000.", form.Markup);
        Assert.Contains("Must be between 0 and 1,000,000,000 CNY, with at most two decimals.", form.Markup);
        Assert.Contains("Too long: at most 200 characters.", form.Markup);
    }

    [Fact]
    public void ValuesAtTheEdges_Submit()
    {
        UseCulture("en-US");
        var model = Complete();
        model.PlannedStart = new DateTime(2100, 12, 1);
        model.PlannedEnd = new DateTime(2100, 12, 31);
        model.Headcount = 100_000;
        model.Budget = 1_000_000_000m;
        model.Place = new string('地', 200);
        Submit(Render(model));
        Assert.NotNull(_submitted);
    }
}
