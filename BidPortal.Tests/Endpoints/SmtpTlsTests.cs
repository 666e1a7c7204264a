using BidPortal.Domain.Mail;
using BidPortal.Tests.Support;
using BidPortal.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;

namespace BidPortal.Tests.Endpoints;

/// <summary>SMTP credentials are never sent over a connection without TLS, unless the operator says so.</summary>
public sealed class SmtpTlsTests : IDisposable
{
    private readonly int _port = FreePort.Next();
    private readonly SimpleSmtpServer _smtp;

    public SmtpTlsTests() => _smtp = SimpleSmtpServer.Start(_port);

    public void Dispose() => _smtp.Dispose();

    private PortalFactory Factory(bool allowWithoutTls) => new(seeded: false, settings: new Dictionary<string, string?>
    {
        ["Portal:BackgroundJobs"] = "false",
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = $"{_port}",
        ["Smtp:Security"] = "Auto",
        ["Smtp:UserName"] = "portal",
        ["Smtp:Password"] = "s3cret",
        ["Smtp:AllowCredentialsWithoutTls"] = allowWithoutTls ? "true" : "false",
    });

    private static async Task<int> QueueAsync(PortalFactory factory)
    {
        await using var db = factory.CreateDbContext();
        var mail = new OutgoingMail("someone@example.org", "Someone", "Subject", "<p>Body</p>", "Body", "Test", TimeProvider.System);
        db.OutgoingMails.Add(mail);
        await db.SaveChangesAsync();
        return mail.Id;
    }

    [Fact]
    public async Task PlainServer_WithCredentials_MailStaysPending_AndTheErrorSaysWhy()
    {
        using var factory = Factory(allowWithoutTls: false);
        var id = await QueueAsync(factory);
        var sent = await factory.Services.GetRequiredService<MailDispatcher>().DispatchPendingAsync();

        Assert.Equal(0, sent);
        Assert.Empty(_smtp.ReceivedEmail);
        await using var db = factory.CreateDbContext();
        var mail = await db.OutgoingMails.AsNoTracking().SingleAsync(m => m.Id == id);
        Assert.Equal(MailStatus.Pending, mail.Status);
        Assert.Contains("no TLS", mail.LastError);
        Assert.Contains("Smtp:AllowCredentialsWithoutTls", mail.LastError);
    }

    [Fact]
    public async Task PlainServer_WithTheOverride_SendsTheMail()
    {
        using var factory = Factory(allowWithoutTls: true);
        var id = await QueueAsync(factory);
        var sent = await factory.Services.GetRequiredService<MailDispatcher>().DispatchPendingAsync();

        Assert.Equal(1, sent);
        for (var i = 0; i < 100 && _smtp.ReceivedEmailCount == 0; i++) await Task.Delay(50);
        Assert.Single(_smtp.ReceivedEmail);
        await using var db = factory.CreateDbContext();
        Assert.Equal(MailStatus.Sent, (await db.OutgoingMails.AsNoTracking().SingleAsync(m => m.Id == id)).Status);
    }
}
