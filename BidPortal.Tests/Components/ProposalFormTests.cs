using BidPortal.Web.Components.Pages.Proposals;
using Bunit;

namespace BidPortal.Tests.Components;

/// <summary>
/// The proposal form refuses, in the page and before a byte is sent, a file of another kind or one over the
/// limit, in the reader's language; the server checks everything again.
/// </summary>
public class ProposalFormTests : ComponentTestBase
{
    private const long Limit = 5 * 1024 * 1024;

    private (IRenderedComponent<ProposalForm> Form, BunitJSModuleInterop Module) Render(ProposalForm.ChosenFile chosen)
    {
        var module = JSInterop.SetupModule(i => i.Arguments.Count > 0 && $"{i.Arguments[0]}".Contains("proposal-upload", StringComparison.Ordinal));
        module.Mode = JSRuntimeMode.Loose;
        module.Setup<ProposalForm.ChosenFile?>("describe", _ => true).SetResult(chosen);
        var form = Render<ProposalForm>(p => p.Add(f => f.ProjectId, 7).Add(f => f.MaxBytes, Limit).Add(f => f.SubmitText, "Upload"));
        return (form, module);
    }

    [Fact]
    public void AnExe_IsRefusedInThePage_InChinese_AndNothingIsSent()
    {
        UseCulture("zh-CN");
        var (form, module) = Render(new ProposalForm.ChosenFile("setup.exe", 1024));
        form.Find("input[type=file]").Change("");
        form.WaitForAssertion(() => Assert.Contains("“setup.exe”不是可接受的文件类型", form.Find("[data-part=upload-refusal]").TextContent));
        Assert.Contains("最大 5 MB", form.Markup);
        form.FindAll("button").Single(b => b.TextContent.Contains("Upload")).Click();
        Assert.Contains("请先选择投标文件", form.Find("[data-part=upload-refusal]").TextContent);
        Assert.Empty(module.Invocations["start"]);
    }

    [Fact]
    public void AFileOverTheLimit_IsRefusedInThePage_InEnglish_AndNothingIsSent()
    {
        UseCulture("en-US");
        var (form, module) = Render(new ProposalForm.ChosenFile("proposal.pdf", Limit + 1));
        form.Find("input[type=file]").Change("");
        form.WaitForAssertion(() => Assert.Contains("larger than the 5 MB limit", form.Find("[data-part=upload-refusal]").TextContent));
        Assert.Empty(module.Invocations["start"]);
        Assert.Single(module.Invocations["clear"]);
    }

    [Fact]
    public void APdfWithinTheLimit_IsAccepted_AndSentWithTheFields()
    {
        UseCulture("en-US");
        var (form, module) = Render(new ProposalForm.ChosenFile("proposal.pdf", 1024 * 1024));
        module.Setup<bool>("start", _ => true).SetResult(true);
        form.Find("input[type=file]").Change("");
        form.WaitForAssertion(() => Assert.Contains("Chosen: proposal.pdf (1.0 MB)", form.Markup));
        Assert.Empty(form.FindAll("[data-part=upload-refusal]"));
        form.FindAll("button").Single(b => b.TextContent.Contains("Upload")).Click();
        form.WaitForAssertion(() => Assert.Single(module.Invocations["start"]));
        Assert.NotEmpty(form.FindAll("[data-part=upload-progress]"));
    }
}
