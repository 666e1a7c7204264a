using BidPortal.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>
/// Steps 3 and 4 as people do them: the organizer publishes a project; an institution acknowledges
/// and asks; the organizer answers; another institution sees the answer without the asker's name.
/// </summary>
[Collection(BrowserCollection.Name)]
public class InvitationFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task OrganizerPublishes_InstitutionAcknowledgesAndAsks_AnswerReachesOthersAnonymously()
    {
        int projectId, thuId, pkuId;
        await using (var db = browser.Factory.CreateDbContext())
        {
            projectId = (await db.Projects.SingleAsync(p => p.Code == "C-01")).Id;
            thuId = (await db.Institutions.SingleAsync(i => i.Code == "THU")).Id;
            pkuId = (await db.Institutions.SingleAsync(i => i.Code == "PKU")).Id;
        }

        // The organizer publishes the draft project with the default deadline.
        var organizer = await browser.SignInAsync("organizer");
        await BrowserFixture.GotoAsync(organizer, $"/organizer/projects/{projectId}");
        await Assertions.Expect(organizer.Locator("tr[data-institution=TJU]")).ToContainTextAsync("Shares: environment");
        await Assertions.Expect(organizer.Locator("tr[data-institution=SUFE]")).ToContainTextAsync("Not invited");
        await BrowserFixture.AssertAccessibleAsync(organizer);
        await BrowserFixture.ScreenshotAsync(organizer, "invitation-list");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Publish and send the invitations" }).ClickAsync();
        // It asks first, with what will happen and to how many.
        var publish = organizer.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(publish).ToContainTextAsync("1 project(s) will be published");
        await BrowserFixture.ScreenshotAsync(organizer, "publish-confirm");
        await publish.GetByRole(AriaRole.Button, new() { Name = "Publish and send" }).ClickAsync();
        await Assertions.Expect(organizer.Locator("tr[data-institution=THU]")).ToContainTextAsync("Sent");

        // Tsinghua acknowledges in the portal and asks a question.
        var thu = await browser.SignInAsync("inst.thu");
        await BrowserFixture.GotoAsync(thu, $"/institutions/{thuId}/projects/{projectId}");
        await Assertions.Expect(thu.GetByText("Acknowledging receipt is not agreeing to bid")).ToBeVisibleAsync();
        await thu.GetByRole(AriaRole.Button, new() { Name = "Acknowledge receipt" }).ClickAsync();
        await Assertions.Expect(thu.GetByText("Acknowledged", new() { Exact = true }).First).ToBeVisibleAsync();
        await thu.GetByLabel("Ask the organizer").FillAsync("现场教学安排在哪个城市？");
        await thu.GetByRole(AriaRole.Button, new() { Name = "Send the question" }).ClickAsync();
        await Assertions.Expect(thu.GetByText("Question sent")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(thu);
        await BrowserFixture.ScreenshotAsync(thu, "institution-project");

        // The organizer sees who asked, and answers.
        await BrowserFixture.ReloadAsync(organizer);
        await Assertions.Expect(organizer.GetByText("Asked by Tsinghua University")).ToBeVisibleAsync();
        await Assertions.Expect(organizer.Locator("tr[data-institution=THU]")).ToContainTextAsync("Acknowledged");
        await organizer.GetByLabel("Answer:").FillAsync("现场教学安排在上海浦东。");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Publish the answer" }).ClickAsync();
        var answer = organizer.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(answer).ToContainTextAsync("invited institution(s)");
        await answer.GetByRole(AriaRole.Button, new() { Name = "Publish and send" }).ClickAsync();
        await Assertions.Expect(organizer.GetByText("Answer published")).ToBeVisibleAsync();
        await Assertions.Expect(organizer.GetByText("现场教学安排在上海浦东。").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(organizer, "questions-answered");

        // Peking University, also invited, sees the question and answer, but not who asked.
        var pku = await browser.SignInAsync("inst.pku");
        await BrowserFixture.GotoAsync(pku, $"/institutions/{pkuId}/projects/{projectId}");
        // Shown twice: among the answers, and as clarification No. 1 of the call for proposals.
        await Assertions.Expect(pku.GetByText("现场教学安排在哪个城市？").First).ToBeVisibleAsync();
        await Assertions.Expect(pku.GetByText("现场教学安排在上海浦东。").First).ToBeVisibleAsync();
        await Assertions.Expect(pku.Locator("tr[data-part=clarifications]")).ToContainTextAsync("No. 1");
        await Assertions.Expect(pku.Locator("tr[data-part=clarifications]")).ToContainTextAsync("现场教学安排在上海浦东。");
        await Assertions.Expect(pku.GetByText("Tsinghua")).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(pku);
        await BrowserFixture.ScreenshotAsync(pku, "answer-seen-by-another");

        await using var check = browser.Factory.CreateDbContext();
        Assert.Equal(ProjectStatus.Open, (await check.Projects.SingleAsync(p => p.Id == projectId)).Status);
        // Without an SMTP server the invitations and the answer are in the outbox.
        Assert.True(await check.OutgoingMails.CountAsync(m => m.Purpose == "answer") >= 2);
        foreach (var context in new[] { organizer.Context, thu.Context, pku.Context }) await context.CloseAsync();
    }

    /// <summary>The pages of the tendering flow in both languages, for a person to look at; the decline dialog is cancelled.</summary>
    [Theory]
    [InlineData("en-US", "Decline", "Cancel")]
    [InlineData("zh-CN", "谢绝", "取消")]
    public async Task TenderingPages_InBothLanguages_AreScreenshotted_AndCancellingADeclineKeepsTheInvitation(string locale, string decline, string cancel)
    {
        int openId, pkuId;
        await using (var db = browser.Factory.CreateDbContext())
        {
            openId = (await db.Projects.SingleAsync(p => p.Code == "C-02" && p.Status == ProjectStatus.Open)).Id;
            pkuId = (await db.Institutions.SingleAsync(i => i.Code == "PKU")).Id;
        }
        var organizer = await browser.SignInAsync("organizer", locale);
        foreach (var (address, name) in new[] { ($"/organizer/projects/{openId}", "project"), ("/organizer/publish", "publish-round"), ("/organizer/outbox", "outbox") })
        {
            await BrowserFixture.GotoAsync(organizer, address);
            await BrowserFixture.ScreenshotAsync(organizer, $"tender-{name}-{locale}");
        }
        var pku = await browser.SignInAsync("inst.pku", locale);
        await BrowserFixture.GotoAsync(pku, $"/institutions/{pkuId}");
        await Assertions.Expect(pku.Locator(".mud-table-pagination")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(pku, $"tender-institution-home-{locale}");
        await BrowserFixture.GotoAsync(pku, $"/institutions/{pkuId}/projects/{openId}");
        await BrowserFixture.ScreenshotAsync(pku, $"tender-institution-project-{locale}");
        var declineButton = pku.GetByRole(AriaRole.Button, new() { Name = decline, Exact = true });
        if (await declineButton.CountAsync() > 0)
        {
            var before = await StatusAsync(openId, pkuId);
            await declineButton.ClickAsync();
            var dialog = pku.GetByRole(AriaRole.Dialog);
            await Assertions.Expect(dialog).ToContainTextAsync("C-02");
            await BrowserFixture.ScreenshotAsync(pku, $"tender-decline-confirm-{locale}");
            await dialog.GetByRole(AriaRole.Button, new() { Name = cancel, Exact = true }).ClickAsync();
            await Assertions.Expect(dialog).ToHaveCountAsync(0);
            Assert.Equal(before, await StatusAsync(openId, pkuId));
        }
        foreach (var context in new[] { organizer.Context, pku.Context }) await context.CloseAsync();
    }

    private async Task<InvitationStatus> StatusAsync(int projectId, int institutionId)
    {
        await using var db = browser.Factory.CreateDbContext();
        return (await db.Invitations.SingleAsync(i => i.TenderProjectId == projectId && i.InstitutionId == institutionId)).Status;
    }
}
