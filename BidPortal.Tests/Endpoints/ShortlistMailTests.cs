using System.Globalization;
using System.Text;
using BidPortal.Domain;
using BidPortal.Domain.Mail;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using BidPortal.Web;
using BidPortal.Web.Features.Evaluation;
using BidPortal.Web.Features.Shortlists;
using BidPortal.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;
using UglyToad.PdfPig;

namespace BidPortal.Tests.Endpoints;

/// <summary>
/// Publishing a shortlist mails it to the lead sponsor through a real SMTP server (netDumbster): one mail per
/// user of the unit, in that user's language, with a link to the page and the shortlist's PDF attached. Each
/// test works on C-05 of its own database, reopened and locked again before it is published.
/// </summary>
public sealed class ShortlistMailTests : IDisposable
{
    private readonly int _port = FreePort.Next();
    private readonly SimpleSmtpServer _smtp;
    private readonly PortalFactory _factory;

    public ShortlistMailTests()
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

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NoSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static MimeMessage Mime(SmtpMessage m) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)));

    [Theory]
    [InlineData(null)]
    [InlineData("en")]
    public async Task Publishing_MailsTheLeadSponsor_WithTheShortlistPdfAttached_InItsLanguage(string? preferred)
    {
        var board = _factory.Services.GetRequiredService<EvaluationBoard>();
        int projectId;
        List<(string Zh, string En)> names;
        await using (var db = _factory.CreateDbContext())
        {
            var project = await db.Projects.Include(p => p.Shortlist).SingleAsync(p => p.Code == "C-05" && p.Status == ProjectStatus.Shortlisted, Ct);
            projectId = project.Id;
            var institutionOf = await db.Proposals.Where(p => p.TenderProjectId == projectId).ToDictionaryAsync(p => p.Id, p => p.InstitutionId, Ct);
            var institutions = await db.Institutions.ToDictionaryAsync(i => i.Id, Ct);
            names = [.. project.Shortlist.OrderBy(s => s.Position).Select(s => institutions[institutionOf[s.ProposalId]]).Select(i => (i.Name, i.NameEn))];
            var user = await db.Users.SingleAsync(u => u.UserName == "sponsor.czj", Ct);
            Assert.Equal(project.LeadSponsorUnitId, user.SponsorUnitId);
            user.PreferredCulture = preferred;
            await db.SaveChangesAsync(Ct);
        }
        await board.ReopenAsync(Actors.Organizer, projectId, "核对报价录入", [], Ct);
        await board.FinaliseAsync(Actors.Organizer, projectId, Ct);
        // A refused publication queues nothing: the mail goes only with the change it reports.
        await Assert.ThrowsAsync<DomainException>(() => board.PublishAsync(Actors.Organizer, projectId, 0, Ct));
        Assert.Empty(await QueuedAsync());

        await board.PublishAsync(Actors.Organizer, projectId, 3, Ct);

        var queued = await QueuedAsync();
        Assert.Equal(["sponsor.czj@bidportal.demo"], queued.Select(m => m.ToAddress));
        await _factory.Services.GetRequiredService<MailDispatcher>().DispatchPendingAsync(Ct);
        var mail = _smtp.ReceivedEmail.Select(Mime).Single(m => m.Headers["X-BidPortal-Purpose"] == ShortlistMail.Purpose);
        var english = preferred == "en";
        Assert.Equal("sponsor.czj@bidportal.demo", mail.To.Mailboxes.Single().Address);
        Assert.Contains("C-05", mail.Subject);
        Assert.StartsWith(english ? "Shortlist:" : "推荐名单：", mail.Subject);
        Assert.Contains(Routes.SponsorShortlist(projectId), mail.TextBody);
        Assert.Contains(Routes.SponsorShortlist(projectId), mail.HtmlBody);
        Assert.Contains(english ? "(Beijing time)" : "（北京时间）", mail.TextBody);
        Assert.Contains(english ? names[0].En : names[0].Zh, mail.TextBody);

        var attachment = mail.Attachments.OfType<MimePart>().Single();
        Assert.Equal(english ? "shortlist-C-05.pdf" : "推荐名单-C-05.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content, Ct);
        using var pdf = PdfDocument.Open(content.ToArray());
        var text = NoSpace(string.Concat(pdf.GetPages().Select(p => p.Text)));
        var positions = names.Select(n => text.IndexOf(NoSpace(english ? n.En : n.Zh), StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    private async Task<List<OutgoingMail>> QueuedAsync()
    {
        await using var db = _factory.CreateDbContext();
        return await db.OutgoingMails.Where(m => m.Purpose == ShortlistMail.Purpose).ToListAsync(Ct);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _smtp.Dispose();
    }
}
