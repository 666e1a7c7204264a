using System.Security.Cryptography;
using System.Text;
using BidPortal.Domain.Projects;
using BidPortal.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>
/// Step 5 as an institution does it: Shandong University (invited to C-02, no proposal in the seed; no other test
/// uses it) uploads over plain HTTP and watches the progress, gets its receipt, replaces the file, and downloads it.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ProposalUploadFlowTests(BrowserFixture browser)
{
    private async Task<string> PanelAddressAsync()
    {
        await using var db = browser.Factory.CreateDbContext();
        var projectId = await db.Projects.Where(p => p.Code == "C-02" && p.Status == ProjectStatus.Open).Select(p => p.Id).SingleAsync();
        var sduId = await db.Institutions.Where(i => i.Code == "SDU").Select(i => i.Id).SingleAsync();
        return Routes.InstitutionProject(sduId, projectId);
    }

    /// <summary>A PDF as far as the bytes go: the header, random content, the trailer.</summary>
    private static (string Path, byte[] Bytes) Pdf(int size, string name)
    {
        var bytes = new byte[size];
        RandomNumberGenerator.Fill(bytes);
        Encoding.ASCII.GetBytes("%PDF-1.7\n").CopyTo(bytes, 0);
        Encoding.ASCII.GetBytes("\n%%EOF\n").CopyTo(bytes, size - 7);
        var folder = Directory.CreateTempSubdirectory("bidportal-upload-").FullName;
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return (path, bytes);
    }

    /// <summary>Slows the page's uploads (Chromium's own throttling) so a person — and the test — can watch the bar move.</summary>
    private static async Task ThrottleUploadsAsync(IPage page, int bytesPerSecond)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 0, ["downloadThroughput"] = -1, ["uploadThroughput"] = bytesPerSecond,
        });
    }

    /// <summary>Remembers the highest value the progress bar showed, however briefly it was on screen.</summary>
    private static Task<bool> WatchProgressAsync(IPage page) => page.EvaluateAsync<bool>("""
        () => {
            window.__maxProgress = -1;
            const look = () => document.querySelectorAll('[data-part=upload-progress] [role=progressbar]').forEach(bar => {
                const v = Number(bar.getAttribute('aria-valuenow'));
                if (v > window.__maxProgress) window.__maxProgress = v;
            });
            new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
            return true;
        }
        """);

    [Fact]
    public async Task AnInstitution_UploadsWithProgress_GetsItsReceipt_ReplacesTheFile_AndDownloadsTheExactBytes()
    {
        var address = await PanelAddressAsync();
        var first = Pdf(8 * 1024 * 1024, "教学方案.pdf");
        var second = Pdf(300 * 1024, "教学方案-修订.pdf");

        var page = await browser.SignInAsync("inst.sdu");
        await BrowserFixture.GotoAsync(page, address);
        var panel = page.Locator("[data-part=proposal-panel]");
        await Assertions.Expect(panel.Locator("[data-part=proposal-deadline]")).ToContainTextAsync("(Beijing time)");
        await Assertions.Expect(panel.GetByText("Only .pdf or .docx, at most 100 MB.")).ToBeVisibleAsync();
        await page.GetByLabel("Price (CNY)").FillAsync("158000");
        await page.GetByLabel("Days", new() { Exact = true }).FillAsync("5");
        await page.GetByLabel("Trainees", new() { Exact = true }).FillAsync("60");
        await page.GetByLabel("Faculty (names and titles)").FillAsync("王教授 教授\n李副教授 副教授");
        await page.GetByLabel("Course outline").FillAsync("第一天 宏观经济形势\n第二天 财政政策");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "proposal-panel-before-en");

        // A cancelled upload stores nothing and says so.
        await ThrottleUploadsAsync(page, 2 * 1024 * 1024);
        await page.GetByLabel("Choose the proposal document").SetInputFilesAsync(first.Path);
        await Assertions.Expect(panel.Locator("[data-part=chosen-file]")).ToContainTextAsync("教学方案.pdf");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and submit" }).ClickAsync();
        await Assertions.Expect(panel.Locator("[data-part=upload-progress]")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the upload" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The upload was cancelled; nothing was stored.")).ToBeVisibleAsync();
        await Assertions.Expect(panel.Locator("[data-part=receipt]")).ToHaveCountAsync(0);
        // Let that message go before the next (a fading snackbar fails axe's contrast check).
        await Assertions.Expect(page.GetByText("The upload was cancelled; nothing was stored.")).ToBeHiddenAsync(new() { Timeout = 30_000 });

        // The real upload: the bar moves and reaches 100, then the receipt shows what the server received.
        await WatchProgressAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and submit" }).ClickAsync();
        await Assertions.Expect(panel.Locator("[data-part=upload-progress]")).ToBeVisibleAsync();
        await Assertions.Expect(panel.Locator("[data-part=upload-percent]")).ToContainTextAsync("MB of 8.0 MB");
        await BrowserFixture.ScreenshotAsync(page, "proposal-panel-progress-en");
        var receipt = panel.Locator("[data-part=receipt]");
        await Assertions.Expect(receipt).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.Equal(100, await page.EvaluateAsync<int>("() => window.__maxProgress"));
        await Assertions.Expect(receipt.Locator("[data-part=receipt-number]")).ToContainTextAsync("TB");
        await Assertions.Expect(receipt.Locator("[data-part=receipt-sha256]")).ToHaveTextAsync(Convert.ToHexStringLower(SHA256.HashData(first.Bytes)));
        await Assertions.Expect(receipt).ToContainTextAsync("8.0 MB");
        await Assertions.Expect(receipt).ToContainTextAsync("(Beijing time)");
        await Assertions.Expect(panel.Locator("[data-part=proposal-status]")).ToContainTextAsync("Submitted");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "proposal-panel-receipt-en");

        // Replacing starts from the current fields and makes a second version; the first stays listed.
        await ThrottleUploadsAsync(page, -1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Replace the proposal" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Price (CNY)")).ToHaveValueAsync("158000");
        await page.GetByLabel("Price (CNY)").FillAsync("149500");
        await page.GetByLabel("Choose the proposal document").SetInputFilesAsync(second.Path);
        await Assertions.Expect(panel.Locator("[data-part=chosen-file]")).ToContainTextAsync("教学方案-修订.pdf");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload the new version" }).ClickAsync();
        await Assertions.Expect(panel.Locator("tr[data-version]")).ToHaveCountAsync(2);
        await Assertions.Expect(panel.Locator("tr[data-version='2']")).ToContainTextAsync("Current");
        await Assertions.Expect(panel.Locator("tr[data-version='2']")).ToContainTextAsync("¥149,500");
        await Assertions.Expect(receipt.Locator("[data-part=receipt-sha256]")).ToHaveTextAsync(Convert.ToHexStringLower(SHA256.HashData(second.Bytes)));
        await BrowserFixture.ScreenshotAsync(page, "proposal-panel-versions-en");

        // The download is a plain link to an endpoint; fetching it gives back the exact bytes.
        var href = await receipt.Locator("[data-part=document-link]").GetAttributeAsync("href");
        Assert.NotNull(href);
        Assert.StartsWith("/files/proposals/", href);
        var download = await page.APIRequest.GetAsync(href);
        Assert.Equal(200, download.Status);
        Assert.StartsWith("attachment", download.Headers["content-disposition"]);
        Assert.Equal(second.Bytes, await download.BodyAsync());

        // The same panel in Chinese.
        await BrowserFixture.GotoAsync(page, Routes.Culture("zh-CN", new Uri(page.Url).PathAndQuery));
        await Assertions.Expect(panel.Locator("[data-part=proposal-deadline]")).ToContainTextAsync("（北京时间）");
        await Assertions.Expect(panel.GetByText("全部版本（2）")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "proposal-panel-receipt-zh");

        // Withdrawing asks first, says the bid can come back before the deadline, and keeps the versions listed.
        await page.GetByRole(AriaRole.Button, new() { Name = "撤回投标" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("截止时间");
        await BrowserFixture.ScreenshotAsync(page, "proposal-withdraw-confirm-zh");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "撤回投标" }).ClickAsync();
        await Assertions.Expect(panel.Locator("[data-part=proposal-status]")).ToContainTextAsync("已撤回");
        await Assertions.Expect(panel.Locator("[data-part=withdrawn]")).ToContainTextAsync("截止前可以重新提交");
        await Assertions.Expect(panel.GetByText("重新提交投标文件")).ToBeVisibleAsync();
        await Assertions.Expect(panel.Locator("tr[data-version]")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(page, "proposal-panel-withdrawn-zh");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AfterTheDeadline_TheFormIsGone_AndTheReceiptStays()
    {
        string address;
        await using (var db = browser.Factory.CreateDbContext())
        {
            var projectId = await db.Projects.Where(p => p.Code == "C-03").Select(p => p.Id).SingleAsync();
            var pkuId = await db.Institutions.Where(i => i.Code == "PKU").Select(i => i.Id).SingleAsync();
            address = Routes.InstitutionProject(pkuId, projectId);
        }
        var page = await browser.SignInAsync("inst.pku");
        await BrowserFixture.GotoAsync(page, address);
        var panel = page.Locator("[data-part=proposal-panel]");
        await Assertions.Expect(panel.Locator("[data-part=proposal-closed]")).ToContainTextAsync("Proposals closed at");
        await Assertions.Expect(panel.Locator("[data-part=proposal-closed]")).ToContainTextAsync("(Beijing time)");
        await Assertions.Expect(panel.Locator("[data-part=receipt-sha256]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));
        await Assertions.Expect(panel.Locator("[data-part=proposal-form]")).ToHaveCountAsync(0);
        await Assertions.Expect(panel.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "proposal-panel-closed-en");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnExe_OrAFileOverTheLimit_IsRefusedInThePage_InChinese()
    {
        var address = await PanelAddressAsync();
        var folder = Directory.CreateTempSubdirectory("bidportal-refuse-").FullName;
        var exe = Path.Combine(folder, "setup.exe");
        await File.WriteAllBytesAsync(exe, Encoding.ASCII.GetBytes("MZ not a proposal"), TestContext.Current.CancellationToken);
        // Sparse: over the 100 MB limit without writing 100 MB.
        var huge = Path.Combine(folder, "方案.pdf");
        await using (var stream = File.Create(huge)) stream.SetLength(100L * 1024 * 1024 + 1);

        var page = await browser.SignInAsync("inst.sdu", "zh-CN");
        await BrowserFixture.GotoAsync(page, address);
        var panel = page.Locator("[data-part=proposal-panel]");
        await Assertions.Expect(panel.Locator("[data-part=proposal-deadline]")).ToContainTextAsync("（北京时间）");
        // Whether or not the other test already bid for Shandong: the form is there, or behind "replace".
        var replace = page.GetByRole(AriaRole.Button, new() { Name = "更换投标文件" });
        if (await replace.CountAsync() > 0) await replace.First.ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "proposal-panel-before-zh");

        var picker = page.GetByLabel("选择投标文件");
        await picker.SetInputFilesAsync(exe);
        await Assertions.Expect(panel.Locator("[data-part=upload-refusal]")).ToContainTextAsync("“setup.exe”不是可接受的文件类型");
        await BrowserFixture.ScreenshotAsync(page, "proposal-panel-refused-zh");

        await picker.SetInputFilesAsync(huge);
        await Assertions.Expect(panel.Locator("[data-part=upload-refusal]")).ToContainTextAsync("文件超过 100 MB 的上限，未予接收。");
        await Assertions.Expect(panel.Locator("[data-part=upload-progress]")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
