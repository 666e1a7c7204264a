using System.Globalization;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Identity;
using BidPortal.Tests.Support;
using BidPortal.Web.Components.Pages.Evaluation;
using BidPortal.Web.Features.Evaluation;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BidPortal.Tests.Components;

/// <summary>
/// The scoring form with the app's own service on a real database: a figure above a criterion's maximum is refused in
/// the page and never sent; a total far from the others' submitted totals brings up the reason box with the server's
/// message, and submitting with a reason succeeds.
/// </summary>
public sealed class ScoreSheetFormTests : ComponentTestBase
{
    private readonly PortalFactory _factory = new(settings: new Dictionary<string, string?> { ["Portal:BackgroundJobs"] = "false" });
    private readonly ScoringStage _stage;
    private readonly ScoreSheets _sheets;

    public ScoreSheetFormTests()
    {
        _sheets = _factory.Services.GetRequiredService<ScoreSheets>();
        Services.AddSingleton(_sheets);
        AddAuthorization().SetAuthorized("expert03").SetRoles(Roles.Evaluator);
        _stage = ScoringStage.BuildAsync(_factory, ["expert01", "expert02", "expert03"]).GetAwaiter().GetResult();
        ScoreSheetForm.Debounce = TimeSpan.FromMilliseconds(50);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _factory.DisposeAsync();
    }

    private int Proposal => _stage.ProposalIds[0];

    private IRenderedComponent<ScoreSheetForm> RenderForm()
    {
        var view = _sheets.SheetAsync(ScoringStage.Evaluator("expert03"), Proposal).GetAwaiter().GetResult();
        return Render<ScoreSheetForm>(p => p.Add(f => f.View, view));
    }

    private static AngleSharp.Dom.IElement PointsInput(IRenderedComponent<ScoreSheetForm> form, Criterion criterion) =>
        form.Find($"[data-criterion='{criterion.Id}'] input");

    [Fact]
    public async Task AFigureAboveTheMaximum_IsRefusedInThePage_AndNeverSaved()
    {
        UseCulture("en-US");
        var form = RenderForm();
        var criterion = _stage.Typed.First();
        var max = criterion.MaxPoints.ToString("0.##", CultureInfo.InvariantCulture);
        Assert.Contains($"Points (0–{max})", form.Find($"[data-criterion='{criterion.Id}']").TextContent);

        PointsInput(form, criterion).Input((criterion.MaxPoints + 10).ToString(CultureInfo.InvariantCulture));
        // The field keeps the maximum, shows it, and says why.
        form.WaitForAssertion(() => Assert.Contains($"The score for “{criterion.NameEn}” must be between 0 and {max}.",
            form.Find($"[data-criterion='{criterion.Id}']").TextContent));
        Assert.Equal(criterion.MaxPoints, decimal.Parse(PointsInput(form, criterion).GetAttribute("value")!, CultureInfo.InvariantCulture));
        form.WaitForAssertion(() => Assert.Contains("Draft saved", form.Find("[data-part=draft-status]").TextContent), TimeSpan.FromSeconds(10));
        // What the server holds is what the person sees — never the figure above the maximum.
        var stored = await _sheets.SheetAsync(ScoringStage.Evaluator("expert03"), Proposal);
        Assert.Equal(criterion.MaxPoints, stored.Rubric.Single(r => r.CriterionId == criterion.Id).Points);
        // And the server refuses such a figure with its own message.
        var refused = await Assert.ThrowsAsync<BidPortal.Domain.DomainException>(() => _sheets.SaveDraftAsync(ScoringStage.Evaluator("expert03"), Proposal,
            new SheetInput([new CriterionInput(criterion.Id, criterion.MaxPoints + 10, null)], null)));
        Assert.StartsWith($"The score for “{criterion.NameEn}” must be between 0 and {max}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATotalFarFromTheOthers_AsksForAReason_AndSubmitsWithIt()
    {
        UseCulture("zh-CN");
        foreach (var other in new[] { "expert01", "expert02" })
            await _sheets.SubmitAsync(ScoringStage.Evaluator(other), Proposal,
                new SheetInput([.. _stage.Typed.Select(c => new CriterionInput(c.Id, c.MaxPoints, null))], null), null);
        var dialogs = Render<MudDialogProvider>();
        var form = RenderForm();
        foreach (var criterion in _stage.Typed) PointsInput(form, criterion).Input("0");

        // The reason is asked for before the "for good" confirmation: no dialog yet, and it says nothing was submitted.
        form.Find("[data-part=submit]").Click();
        form.WaitForAssertion(() => Assert.Contains("评分尚未提交：请先在下方写明理由", form.Find("[data-part=reason-needed]").TextContent),
            TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(dialogs.FindAll("button"), b => b.TextContent.Trim() == "提交");
        Assert.Equal(ScoreSheetStatus.Draft, (await _sheets.SheetAsync(ScoringStage.Evaluator("expert03"), Proposal)).Status);

        form.Find("textarea[data-part=outlier-reason], [data-part=outlier-reason] textarea").Input("该方案师资与课程均不符合需求");
        SubmitAndConfirm(form, dialogs, "提交");
        await WaitForAsync(async () => (await _sheets.SheetAsync(ScoringStage.Evaluator("expert03"), Proposal)).Status == ScoreSheetStatus.Submitted);
        var submitted = await _sheets.SheetAsync(ScoringStage.Evaluator("expert03"), Proposal);
        Assert.Equal("该方案师资与课程均不符合需求", submitted.OutlierReason);
        Assert.Equal(2, submitted.Others!.Count);
    }

    private static void SubmitAndConfirm(IRenderedComponent<ScoreSheetForm> form, IRenderedComponent<MudDialogProvider> dialogs, string yes)
    {
        form.Find("[data-part=submit]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains(dialogs.FindAll("button"), b => b.TextContent.Trim() == yes), TimeSpan.FromSeconds(10));
        dialogs.FindAll("button").First(b => b.TextContent.Trim() == yes).Click();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++) await Task.Delay(100);
        Assert.True(await condition());
    }
}
