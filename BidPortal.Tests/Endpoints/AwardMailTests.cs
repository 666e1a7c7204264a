using System.Text;
using BidPortal.Tests.Support;
using BidPortal.Web.Features.Awards;
using BidPortal.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;

namespace BidPortal.Tests.Endpoints;

/// <summary>The outcome mails of an award reach a real SMTP server (netDumbster): one per bidder's person, each with its own rank.</summary>
public sealed class AwardMailTests : IDisposable
{
    private readonly int _port = FreePort.Next();
    private readonly SimpleSmtpServer _smtp;
    private readonly PortalFactory _factory;

    public AwardMailTests()
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

    private static MimeMessage Mime(SmtpMessage m) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)));

    [Fact]
    public async Task Award_SendsEveryBidderItsOutcome_ThroughTheMailServer()
    {
        var clone = await ShortlistedClone.CreateAsync(_factory);
        var picked = clone.Shortlist[1];
        await _factory.Services.GetRequiredService<Awards>().AwardAsync(clone.LeadSponsor, clone.ProjectId, picked.ProposalId, "培训时间更符合本单位安排", Ct);
        await _factory.Services.GetRequiredService<MailDispatcher>().DispatchPendingAsync(Ct);

        var received = _smtp.ReceivedEmail.Select(Mime).Where(m => m.Headers["X-BidPortal-Purpose"] == OutcomeMail.OutcomePurpose).ToList();
        await using var db = _factory.CreateDbContext();
        var queued = await db.OutgoingMails.Where(m => m.Purpose == OutcomeMail.OutcomePurpose && m.Related!.StartsWith($"award:{clone.ProjectId}:"))
            .ToListAsync(Ct);
        Assert.NotEmpty(queued);
        Assert.Equal(queued.Count, received.Count);
        Assert.Equal(queued.Select(m => m.ToAddress).Order(), received.Select(m => m.To.Mailboxes.Single().Address).Order());
        // Every institution that bid is told, the winner that it won and each other its own rank.
        var users = await db.Users.Where(u => u.InstitutionId != null && u.Email != null).ToListAsync(Ct);
        foreach (var (institutionId, rank) in clone.RankOfInstitution)
        {
            var addresses = users.Where(u => u.InstitutionId == institutionId).Select(u => u.Email!).ToHashSet();
            if (addresses.Count == 0) continue;
            var mine = received.Where(m => addresses.Contains(m.To.Mailboxes.Single().Address)).ToList();
            Assert.NotEmpty(mine);
            foreach (var mail in mine)
            {
                var chinese = (mail.Subject ?? "").StartsWith("定标结果", StringComparison.Ordinal);
                if (institutionId == picked.InstitutionId)
                    Assert.Contains(chinese ? "贵机构已被选定承办" : "your institution has been awarded", mail.TextBody);
                else
                    Assert.Contains(chinese ? $"排名第 {rank} 名" : $"it ranked No. {rank} of", mail.TextBody);
            }
        }
        Assert.Contains(_smtp.ReceivedEmail.Select(Mime), m => m.Headers["X-BidPortal-Purpose"] == OutcomeMail.OrganizerPurpose);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _smtp.Dispose();
    }
}
