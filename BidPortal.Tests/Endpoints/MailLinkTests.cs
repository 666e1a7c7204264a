using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Identity;
using BidPortal.Tests.Support;
using BidPortal.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using InvitationService = BidPortal.Web.Features.Invitations.Invitations;
using QuestionService = BidPortal.Web.Features.Questions.Questions;

namespace BidPortal.Tests.Endpoints;

/// <summary>
/// Every kind of mail the portal writes reaches a real SMTP server (netDumbster), and every link in
/// it opens a page for the person it was sent to: no link in a mail leads to "page not found".
/// </summary>
public sealed partial class MailLinkTests : IDisposable
{
    private static readonly Actor Organizer = Actor.Of("organizer", Roles.Organizer);
    private readonly int _port = FreePort.Next();
    private readonly SimpleSmtpServer _smtp;
    private readonly PortalFactory _factory;

    public MailLinkTests()
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

    private Task<int> DispatchAsync() => _factory.Services.GetRequiredService<MailDispatcher>().DispatchPendingAsync();

    private static MimeKit.MimeMessage Parse(SmtpMessage m) => MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data)));

    /// <summary>Causes one mail of every kind: invitation, chase, answer, extension, and a filing reminder.</summary>
    private async Task<(int ProjectId, int FilingId)> MailOfEveryKindAsync()
    {
        int projectId, thuId;
        await using (var db = _factory.CreateDbContext())
        {
            projectId = (await db.Projects.SingleAsync(p => p.Code == "C-01")).Id;
            thuId = (await db.Institutions.SingleAsync(i => i.Code == "THU")).Id;
        }
        var invitations = _factory.Services.GetRequiredService<InvitationService>();
        var questions = _factory.Services.GetRequiredService<QuestionService>();
        await invitations.PublishAsync(Organizer, [projectId], DateTimeOffset.UtcNow.AddDays(7));
        await DispatchAsync();
        Assert.True(await invitations.ChaseAsync(Organizer, projectId) > 0);
        await questions.AskAsync(Actor.Of("inst.thu", Roles.Institution, thuId), thuId, projectId, "现场教学安排在哪个城市？");
        var question = (await questions.BoardAsync(Organizer, projectId)).Questions.Single();
        Assert.True(await questions.AnswerAsync(Organizer, question.Id, "现场教学安排在上海浦东。", isMaterial: true) > 0);
        Assert.True(await questions.ExtendAsync(Organizer, projectId, DateTimeOffset.UtcNow.AddDays(10)) > 0);

        // A finance course whose documents are due in exactly the reminder lead time: the unit's sponsor is reminded today.
        int filingId;
        await using (var db = _factory.CreateDbContext())
        {
            var campaign = (await db.Campaigns.ToListAsync()).Single(c => c.AcceptsFilings);
            var unit = await db.SponsorUnits.SingleAsync(u => u.Code == "CZJ");
            var today = campaign.LocalDate(DateTimeOffset.UtcNow);
            var filing = new Filing(campaign, unit, Build.Details(start: today.AddDays(campaign.DocumentsLeadDays + campaign.ReminderLeadDays)), TimeProvider.System);
            filing.Submit(TimeProvider.System);
            filing.Approve(true, TimeProvider.System);
            db.Filings.Add(filing);
            await db.SaveChangesAsync();
            filingId = filing.Id;
        }
        Assert.True(await _factory.Services.GetRequiredService<ReminderService>().RunOnceAsync() > 0);
        await DispatchAsync();
        return (projectId, filingId);
    }

    /// <summary>The demo login that reads this address: a user's own address, or an institution's contact address.</summary>
    private async Task<string?> RecipientLoginAsync(string address)
    {
        await using var db = _factory.CreateDbContext();
        var user = await db.Users.Where(u => u.Email == address).Select(u => u.UserName).FirstOrDefaultAsync();
        if (user is not null) return user;
        var institution = (await db.Institutions.Include(i => i.Contacts).ToListAsync()).FirstOrDefault(i => i.PrimaryContact?.Email == address);
        return institution is null ? null
            : await db.Users.Where(u => u.InstitutionId == institution.Id).OrderBy(u => u.UserName).Select(u => u.UserName).FirstOrDefaultAsync();
    }

    [Fact]
    public async Task EveryLinkInEveryKindOfMail_OpensAPage_ForItsRecipient()
    {
        var (_, filingId) = await MailOfEveryKindAsync();
        var catalog = _factory.Services.GetRequiredService<TextCatalog>();
        var en = new CultureInfo("en");
        string filingTitle;
        Dictionary<(string, string), string> purposes;
        Dictionary<int, string> institutionNames;
        await using (var db = _factory.CreateDbContext())
        {
            filingTitle = (await db.Filings.SingleAsync(f => f.Id == filingId)).Title;
            purposes = (await db.OutgoingMails.ToListAsync()).GroupBy(m => (m.ToAddress, m.Subject)).ToDictionary(g => g.Key, g => g.First().Purpose);
            institutionNames = await db.Institutions.ToDictionaryAsync(i => i.Id, i => i.NameEn);
        }
        using var anonymous = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        anonymous.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var clients = new Dictionary<string, HttpClient>();
        var followed = new HashSet<string>();
        try
        {
            foreach (var message in _smtp.ReceivedEmail)
            {
                var mail = Parse(message);
                var to = message.ToAddresses.Single().Address;
                var purpose = purposes[(to, mail.Subject ?? "")];
                var login = await RecipientLoginAsync(to);
                if (login is null) continue;
                if (!clients.TryGetValue(login, out var client)) clients[login] = client = await SignIn.ClientAsync(_factory, login);
                var links = Link().Matches(mail.TextBody ?? "").Select(m => new Uri(m.Value).PathAndQuery).ToList();
                Assert.NotEmpty(links);
                foreach (var path in links)
                {
                    var response = await (path.StartsWith("/ack/", StringComparison.Ordinal) ? anonymous : client).GetAsync(path);
                    var page = SignIn.Text(await response.Content.ReadAsStringAsync());
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{purpose} mail to {login}: {path} gave {(int)response.StatusCode}");
                    Assert.DoesNotContain(catalog.Get("NotFound.Title", en), page);
                    Assert.DoesNotContain(catalog.Get("Denied.Title", en), page);
                    if (path.StartsWith("/ack/", StringComparison.Ordinal)) Assert.Contains(catalog.Get("Ack.Title", en), page);
                    else if (InstitutionHome().Match(path) is { Success: true } home)
                        Assert.Contains($">{institutionNames[int.Parse(home.Groups[1].Value, CultureInfo.InvariantCulture)]}</h1>", page);
                    else if (path == $"/filings/{filingId}") Assert.Contains($">{filingTitle}</h1>", page);
                    else Assert.Contains("<h1", page);
                }
                followed.Add(purpose.StartsWith("reminder", StringComparison.Ordinal) ? "reminder" : purpose);
            }
        }
        finally
        {
            foreach (var client in clients.Values) client.Dispose();
        }
        Assert.Equal(["answer", "chase", "extension", "invitation", "reminder"], followed.Order());
    }

    [GeneratedRegex(@"http://localhost:5249/\S+")]
    private static partial Regex Link();

    [GeneratedRegex(@"^/institutions/(\d+)$")]
    private static partial Regex InstitutionHome();

    public void Dispose()
    {
        _smtp.Dispose();
        _factory.Dispose();
    }
}
