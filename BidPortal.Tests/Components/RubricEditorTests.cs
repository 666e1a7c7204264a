using AngleSharp.Dom;
using BidPortal.Domain;
using BidPortal.Domain.Evaluation;
using BidPortal.Web.Components.Pages.Evaluation;
using Bunit;

namespace BidPortal.Tests.Components;

/// <summary>
/// The rubric editor: a live total, Save offered only at 100 with one price in half-point steps, and the
/// service's own check (Rubric.Validate) still the one that decides: its refusal is shown as it comes.
/// </summary>
public class RubricEditorTests : ComponentTestBase
{
    private readonly List<IReadOnlyList<CriterionDraft>> _saved = [];

    public RubricEditorTests() => UseCulture("zh-CN");

    private IRenderedComponent<RubricEditor> Editor(bool canChange = true, Func<IReadOnlyList<CriterionDraft>, Task>? save = null) =>
        Render<RubricEditor>(p => p
            .Add(e => e.Criteria, Rubric.Default)
            .Add(e => e.CanChange, canChange)
            .Add(e => e.ReadOnlyReason, "已发布：评分标准已随推介书发出，不能再修改。")
            .Add(e => e.Save, save ?? (drafts =>
            {
                // What the service does: the domain's one check, then keep.
                Rubric.Validate(drafts);
                _saved.Add(drafts);
                return Task.CompletedTask;
            })));

    private static IElement PointsInput(IRenderedComponent<RubricEditor> editor, int row) =>
        editor.FindAll($"tr[data-criterion='{row}'] input").Where(i => i.GetAttribute("type") != "radio").ElementAt(2);

    /// <summary>Types into a row's points as a person does: keys, then leaving the field.</summary>
    private static void Type(IRenderedComponent<RubricEditor> editor, int row, string value)
    {
        PointsInput(editor, row).Input(value);
        PointsInput(editor, row).Blur();
    }

    private static IElement SaveButton(IRenderedComponent<RubricEditor> editor) =>
        editor.FindAll("button").Single(b => b.TextContent.Contains("保存评分标准"));

    private static string Total(IRenderedComponent<RubricEditor> editor) => editor.Find("[data-testid=rubric-total]").TextContent.Trim();

    [Fact]
    public void TheDefault_ShowsTotal100_AndSaveIsOffered()
    {
        var editor = Editor();
        Assert.Equal("合计 100 / 100", Total(editor));
        Assert.DoesNotContain("mud-error-text", editor.Find("[data-testid=rubric-total]").ClassName);
        Assert.False(SaveButton(editor).HasAttribute("disabled"));
        // The price row says it is computed, with its formula.
        Assert.Equal("计算得出：最低有效报价 ÷ 本报价 × 10 分", editor.Find("tr[data-criterion='5'] [data-testid=how-scored]").TextContent.Trim());
        Assert.Equal("评审专家打分", editor.Find("tr[data-criterion='1'] [data-testid=how-scored]").TextContent.Trim());
    }

    [Fact]
    public void At95_TheTotalIsRed_AndSaveIsDisabled_At100_ItIsOfferedAgain_AndSaves()
    {
        var editor = Editor();
        Type(editor, 3, "15");
        editor.WaitForAssertion(() => Assert.Equal("合计 95 / 100", Total(editor)));
        Assert.Contains("mud-error-text", editor.Find("[data-testid=rubric-total]").ClassName);
        Assert.True(SaveButton(editor).HasAttribute("disabled"));
        Assert.Contains("各项满分之和须为 100。", editor.Markup);

        Type(editor, 1, "35");
        editor.WaitForAssertion(() => Assert.Equal("合计 100 / 100", Total(editor)));
        Assert.False(SaveButton(editor).HasAttribute("disabled"));
        SaveButton(editor).Click();
        editor.WaitForAssertion(() => Assert.Single(_saved));
        Assert.Equal([35m, 25m, 15m, 15m, 10m], _saved[0].Select(d => d.MaxPoints));
        Assert.Equal("报价", _saved[0].Single(d => d.IsPrice).Name);
    }

    [Fact]
    public void BelowTheMinimum_TheFieldRoundsUpTo0Point5_AndOffStepPointsAreRefused()
    {
        var editor = Editor();
        // 0.3 is below the field's minimum: the field itself turns it into 0.5.
        Type(editor, 4, "0.3");
        editor.WaitForAssertion(() => Assert.Equal("0.5", PointsInput(editor, 4).GetAttribute("value")));
        Assert.Equal("合计 85.5 / 100", Total(editor));

        // 15.3 and 9.7 add up to 100 but are not half points: Save stays disabled and the field says why.
        Type(editor, 4, "15.3");
        Type(editor, 5, "9.7");
        editor.WaitForAssertion(() => Assert.Equal("合计 100 / 100", Total(editor)));
        Assert.True(SaveButton(editor).HasAttribute("disabled"));
        Assert.Equal("满分须为 0.5 至 100 之间 0.5 的整数倍。", editor.Find("[data-testid=rubric-step]").TextContent.Trim());
        Assert.Empty(_saved);
    }

    [Fact]
    public void PriceIsOneRadio_RemovingItDisablesSave_AndChoosingAnotherMovesTheFormula()
    {
        var editor = Editor();
        editor.Find("tr[data-criterion='1'] input[type=radio]").Click();
        editor.WaitForAssertion(() => Assert.StartsWith("计算得出", editor.Find("tr[data-criterion='1'] [data-testid=how-scored]").TextContent.Trim()));
        Assert.Equal("评审专家打分", editor.Find("tr[data-criterion='5'] [data-testid=how-scored]").TextContent.Trim());

        editor.Find("button[aria-label='删除第 1 项']").Click();
        editor.WaitForAssertion(() => Assert.Contains("请选定一项（且仅一项）作为价格分。", editor.Markup));
        Assert.True(SaveButton(editor).HasAttribute("disabled"));
    }

    [Fact]
    public void TheServicesRefusal_IsShown_EvenWhenTheScreenFoundNothingWrong()
    {
        var editor = Editor(save: _ => throw new DomainException("Rubric.AfterPublication"));
        SaveButton(editor).Click();
        editor.WaitForAssertion(() => Assert.Contains("项目已发布，评分标准随推介书发给了受邀机构，不能再修改。",
            editor.Find("[role=alert]").TextContent));
    }

    [Fact]
    public void NotEditable_ShowsTheReason_AndNoInputs()
    {
        var editor = Editor(canChange: false);
        Assert.Contains("已发布：评分标准已随推介书发出，不能再修改。", editor.Find("[data-testid=rubric-readonly]").TextContent);
        Assert.Empty(editor.FindAll("input"));
        Assert.Empty(editor.FindAll("button"));
        Assert.Contains("方案设计", editor.Markup);
        Assert.Contains("计算得出：最低有效报价 ÷ 本报价 × 10 分", editor.Markup);
    }
}
