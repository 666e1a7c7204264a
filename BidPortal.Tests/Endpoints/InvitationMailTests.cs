using System.Net;
using System.Text.RegularExpressions;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Mail;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using BidPortal.Web.Infrastructure.Invitations;
using BidPortal.Web.Infrastructure.Mail;
using InvitationService = BidPortal.Web.Features.Invitations.Invitations;
using QuestionService = BidPortal.Web.Features.Questions.Questions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;

namespace BidPortal.Tests.Endpoints;

/// <summary>Publishing a round against a real SMTP server (netDumbster), and the acknowledgement link.</summary>
public sealed partial class InvitationMailTests : IDisposable
{
    private readonly int _port = FreePort.Next();
    private SimpleSmtpServer _smtp;
    private readonly PortalFactory _factory;

    public InvitationMailTests()
    {
        _smtp = SimpleSmtpServer.Start(_port);
        _factory = new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = $"{_port}",
            ["Smtp:Security"] = "None",
            ["Portal:BackgroundJobs"] = "false",
        });
    }

    /// <summary>The demo's draft C-01 (planning) and a new finance project: two projects in one round.</summary>
    private async Task<(int Planning, int Finance)> TwoDraftsAsync()
    {
        await using var db = _factory.CreateDbContext();
        var campaign = (await db.Campaigns.ToListAsync()).Single(c => c.AcceptsFilings);
        var unit = await db.SponsorUnits.SingleAsync(u => u.Code == "CZJ");
        var filing = new BidPortal.Domain.Filings.Filing(campaign, unit, Build.Details(start: DateOnly.FromDateTime(DateTime.Today.AddDays(60))), TimeProvider.System);
        filing.Submit(TimeProvider.System);
        filing.Approve(true, TimeProvider.System);
        var finance = TenderProject.Consolidate(campaign, "C-90", "财政培训班", "Finance", "", BidPortal.Domain.Campaigns.Theme.EconomicManagement, ["finance", "accounting"], [filing]);
        foreach (var d in InvitationRule.Route(await db.Institutions.ToListAsync(), finance.Tags).Where(d => d.Invited))
            finance.Invite(d.Institution, d.Basis!.Value);
        db.Projects.Add(finance);
        await db.SaveChangesAsync();
        var planning = await db.Projects.SingleAsync(p => p.Code == "C-01");
        return (planning.Id, finance.Id);
    }

    private static readonly Actor Organizer = Actor.Of("organizer", Roles.Organizer);

    private Task<int> PublishAsync(params int[] ids) =>
        _factory.Services.GetRequiredService<InvitationService>().PublishAsync(Organizer, ids, DateTimeOffset.UtcNow.AddDays(7));

    private Task<int> DispatchAsync() => _factory.Services.GetRequiredService<MailDispatcher>().DispatchPendingAsync();

    private static string Body(SmtpMessage m) => MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data))).TextBody ?? "";

    [Fact]
    public async Task PublishingARound_SendsExactlyOneMailPerInstitution_ListingItsProjects()
    {
        var (planning, finance) = await TwoDraftsAsync();
        await PublishAsync(planning, finance);
        await DispatchAsync();

        await using var db = _factory.CreateDbContext();
        var invited = await db.Invitations.Include(i => i.Institution).ThenInclude(i => i!.Contacts)
            .Where(i => i.TenderProjectId == planning || i.TenderProjectId == finance).ToListAsync();
        var institutions = invited.Select(i => i.Institution!).DistinctBy(i => i.Id).ToList();
        Assert.Equal(institutions.Count, _smtp.ReceivedEmailCount);
        Assert.Equal(institutions.Select(i => i.PrimaryContact!.Email).Order(), _smtp.ReceivedEmail.Select(m => m.ToAddresses.Single().Address).Order());

        // Peking University is comprehensive: both projects in one mail. Tongji (planning) and SUFE (finance) get one each.
        string MailTo(string code) => Body(_smtp.ReceivedEmail.Single(m => m.ToAddresses.Single().Address == $"training@{code}.edu.demo"));
        Assert.Contains("C-01", MailTo("pku"));
        Assert.Contains("C-90", MailTo("pku"));
        Assert.Contains("C-01", MailTo("tju"));
        Assert.DoesNotContain("C-90", MailTo("tju"));
        Assert.Contains("C-90", MailTo("sufe"));
        Assert.DoesNotContain("C-01", MailTo("sufe"));
        Assert.Contains("（北京时间）", MailTo("pku"));
        Assert.All(invited, i => Assert.Equal(InvitationStatus.Delivered, i.Status));
    }

    [Fact]
    public async Task MailServerDown_RecordsTheFailure_AndDeliversWhenItIsBack()
    {
        var (planning, _) = await TwoDraftsAsync();
        _smtp.Stop();
        await PublishAsync(planning);
        Assert.Equal(0, await DispatchAsync());
        await using (var db = _factory.CreateDbContext())
        {
            var invitations = await db.Invitations.Where(i => i.TenderProjectId == planning).ToListAsync();
            Assert.All(invitations, i => Assert.Equal((InvitationStatus.Sent, true), (i.Status, i.LastDeliveryError is not null)));
            Assert.All(await db.OutgoingMails.Where(m => m.Purpose == "invitation").ToListAsync(), m => Assert.Equal(MailStatus.Pending, m.Status));
        }
        _smtp = SimpleSmtpServer.Start(_port);
        // The back-off lets the next attempt through a minute later.
        await using (var db = _factory.CreateDbContext())
        {
            await db.OutgoingMails.Where(m => m.Status == MailStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }
        Assert.True(await DispatchAsync() > 0);
        await using var after = _factory.CreateDbContext();
        Assert.All(await after.Invitations.Where(i => i.TenderProjectId == planning).ToListAsync(),
            i => Assert.Equal((InvitationStatus.Delivered, null), (i.Status, i.LastDeliveryError)));
    }

    [Fact]
    public async Task AcknowledgementLink_WorksOnce_AndIsRefusedWhenTamperedOrExpired()
    {
        var (planning, _) = await TwoDraftsAsync();
        await PublishAsync(planning);
        await DispatchAsync();
        var link = Link().Match(Body(_smtp.ReceivedEmail.Single(m => m.ToAddresses.Single().Address == "training@thu.edu.demo"))).Value;
        var path = new Uri(link).PathAndQuery;
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var page = SignIn.Text(await client.GetStringAsync(path));
        Assert.Contains("Confirm that we received the invitation", page);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var confirmed = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["_handler"] = "ack", ["Form.Confirm"] = "yes",
        }));
        Assert.Contains("Thank you: 1 invitation acknowledged.", SignIn.Text(await confirmed.Content.ReadAsStringAsync()));
        await using (var db = _factory.CreateDbContext())
        {
            var thu = await db.Invitations.SingleAsync(i => i.TenderProjectId == planning && i.Institution!.Code == "THU");
            Assert.Equal((InvitationStatus.Acknowledged, AcknowledgedVia.EmailLink), (thu.Status, thu.AcknowledgedVia));
        }
        var again = SignIn.Text(await client.GetStringAsync(path));
        Assert.Contains("These invitations were already acknowledged.", again);
        Assert.DoesNotContain("Confirm that we received", again);

        // The same form posted again (a double click, a second tab) is answered by the page, not a bare 400.
        var repost = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["_handler"] = "ack", ["Form.Confirm"] = "yes",
        }));
        Assert.Equal(HttpStatusCode.OK, repost.StatusCode);
        Assert.Contains("These invitations were already acknowledged.", SignIn.Text(await repost.Content.ReadAsStringAsync()));

        var tampered = path[..^3] + (path[^3] == 'A' ? "B" : "A") + path[^2..];
        Assert.Contains("This link is not valid.", SignIn.Text(await client.GetStringAsync(tampered)));
        var tamperedPost = await client.PostAsync(tampered, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["_handler"] = "ack", ["Form.Confirm"] = "yes",
        }));
        Assert.Equal(HttpStatusCode.OK, tamperedPost.StatusCode);
        Assert.Contains("This link is not valid.", SignIn.Text(await tamperedPost.Content.ReadAsStringAsync()));

        var links = _factory.Services.GetRequiredService<InvitationLinks>();
        var expired = "/ack/" + Uri.EscapeDataString(links.Create(1, [1], DateTimeOffset.UtcNow.AddMinutes(-1)));
        Assert.Contains("This link has expired", SignIn.Text(await client.GetStringAsync(expired)));
    }

    [Fact]
    public async Task Extension_NotifiesEveryInvitee_InItsOwnLanguage_AndAsksForBidsToBeConfirmedAgain()
    {
        int projectId;
        await using (var db = _factory.CreateDbContext())
        {
            // C-02 is open with proposals in and its deadline days ahead. Tsinghua reads English.
            var thu = await db.Institutions.SingleAsync(i => i.Code == "THU");
            thu.Update(thu.Name, thu.NameEn, thu.Category, thu.Tags, "en");
            await db.SaveChangesAsync();
            var open = await db.Projects.SingleAsync(p => p.Code == "C-02");
            projectId = open.Id;
            // The organizer's page is in English; the mails still follow each recipient.
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
            await _factory.Services.GetRequiredService<QuestionService>().ExtendAsync(Organizer, open.Id, open.Deadline!.Value.AddDays(3));
        }
        await DispatchAsync();
        await using var check = _factory.CreateDbContext();
        var project = await check.Projects.Include(p => p.Invitations).ThenInclude(i => i.Institution).SingleAsync(p => p.Id == projectId);
        var notified = project.Invitations.Count(i => i.IsActive);
        Assert.Equal(notified, _smtp.ReceivedEmailCount);
        var catalog = _factory.Services.GetRequiredService<TextCatalog>();
        var zh = catalog.Get("Extend.Reason", new System.Globalization.CultureInfo("zh-CN"));
        var en = catalog.Get("Extend.Reason", new System.Globalization.CultureInfo("en"));
        var toThu = _smtp.ReceivedEmail.Single(m => m.ToAddresses.Single().Address == "training@thu.edu.demo");
        Assert.Contains(en, Body(toThu));
        Assert.DoesNotContain(zh, Body(toThu));
        Assert.StartsWith("Deadline extended", MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(toThu.Data))).Subject);
        Assert.All(_smtp.ReceivedEmail.Where(m => m != toThu), m => Assert.Contains(zh, Body(m)));
        Assert.All(_smtp.ReceivedEmail.Where(m => m != toThu), m => Assert.DoesNotContain(en, Body(m)));
        var proposals = await check.Proposals.Where(p => p.TenderProjectId == project.Id).ToListAsync();
        Assert.NotEmpty(proposals);
        Assert.All(proposals, p => Assert.Equal(BidPortal.Domain.Proposals.ProposalStatus.NeedsReconfirmation, p.Status));
    }

    [GeneratedRegex(@"http://localhost:5249/ack/\S+")]
    private static partial Regex Link();

    public void Dispose()
    {
        _smtp.Dispose();
        _factory.Dispose();
    }
}
