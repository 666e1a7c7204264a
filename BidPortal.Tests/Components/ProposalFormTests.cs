using System.Globalization;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Proposals;
using BidPortal.Tests.Support;
using BidPortal.Web.Components.Pages.Proposals;
using BidPortal.Web.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BidPortal.Tests.Components;

/// <summary>
/// The proposal form refuses, in the page and before a byte is sent, a file of another kind or one over the
/// limit, in the reader's language; the server checks everything again.
/// </summary>
public sealed class ProposalFormTests : ComponentTestBase
{
    private const long Limit = 5 * 1024 * 1024;
    private readonly PortalFactory _factory = new(settings: new Dictionary<string, string?> { ["Portal:BackgroundJobs"] = "false" });
    private readonly int _projectId;

    public ProposalFormTests()
    {
        // The app's own service on the demo database: the form asks it before sending, as SDU on C-02.
        Services.AddSingleton(_factory.Services.GetRequiredService<BidPortal.Web.Features.Proposals.Proposals>());
        AddAuthorization().SetAuthorized("inst.sdu").SetRoles(Roles.Institution)
            .SetClaims(new System.Security.Claims.Claim(PortalClaims.InstitutionId, Bids.SduId.ToString(CultureInfo.InvariantCulture)));
        using var db = _factory.CreateDbContext();
        _projectId = db.Projects.Single(p => p.Code == "C-02" && p.Status == ProjectStatus.Open).Id;
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _factory.DisposeAsync();
    }

    private (IRenderedComponent<ProposalForm> Form, BunitJSModuleInterop Module) Render(ProposalForm.ChosenFile chosen)
    {
        var module = JSInterop.SetupModule(i => i.Arguments.Count > 0 && $"{i.Arguments[0]}".Contains("proposal-upload", StringComparison.Ordinal));
        module.Mode = JSRuntimeMode.Loose;
        module.Setup<ProposalForm.ChosenFile?>("describe", _ => true).SetResult(chosen);
        var form = Render<ProposalForm>(p => p.Add(f => f.ProjectId, _projectId).Add(f => f.MaxBytes, Limit).Add(f => f.SubmitText, "Upload"));
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
        // The picker (here a stand-in that still holds the .exe) is asked again, and refused again.
        form.WaitForAssertion(() => Assert.Contains("不是可接受的文件类型", form.Find("[data-part=upload-refusal]").TextContent));
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
        Fill(form, price: "150000");
        form.FindAll("button").Single(b => b.TextContent.Contains("Upload")).Click();
        form.WaitForAssertion(() => Assert.Single(module.Invocations["start"]));
        Assert.NotEmpty(form.FindAll("[data-part=upload-progress]"));
    }

    [Fact]
    public void AMissingFacultyList_IsReportedBeforeAByteIsSent()
    {
        UseCulture("zh-CN");
        var (form, module) = Render(new ProposalForm.ChosenFile("proposal.pdf", 1024 * 1024));
        module.Setup<bool>("start", _ => true).SetResult(true);
        form.Find("input[type=file]").Change("");
        form.WaitForAssertion(() => Assert.Contains("proposal.pdf", form.Find("[data-part=chosen-file]").TextContent));
        Fill(form, price: "150000", faculty: "");
        form.FindAll("button").Single(b => b.TextContent.Contains("Upload")).Click();
        form.WaitForAssertion(() => Assert.Contains("请填写师资（姓名与职称）。", form.Find("[data-part=upload-refusal]").TextContent));
        Assert.Empty(module.Invocations["start"]);
    }

    /// <summary>Price, days, trainees, faculty and outline, in the order the form shows them.</summary>
    private static void Fill(IRenderedComponent<ProposalForm> form, string price, string faculty = "王教授 教授")
    {
        form.FindAll("input:not([type=file])")[0].Change(price);
        form.FindAll("input:not([type=file])")[1].Change("5");
        form.FindAll("input:not([type=file])")[2].Change("60");
        form.FindAll("textarea")[0].Change(faculty);
        form.FindAll("textarea")[1].Change("第一天 宏观经济");
    }
}
