using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Mail;
using BidPortal.Tests.Support;
using BidPortal.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using netDumbster.smtp;

namespace BidPortal.Tests.Endpoints;

/// <summary>
/// Reminders reach a real SMTP server (netDumbster) three days before a due date and on the day it is
/// overdue, under a clock the test moves; a server that is down delays mail but loses none.
/// </summary>
public sealed class ReminderMailTests : IAsyncLifetime
{
    // The course opens on 11 May 2026: notice, plan and budget are due on 1 May.
    private static readonly DateOnly Opens = new(2026, 5, 11);
    // The clock starts a day before the first reminder: a fake clock that jumps months fires a
    // 15-second timer hundreds of thousands of times on the way.
    private readonly FakeTimeProvider _clock = new(At(new DateOnly(2026, 4, 27)));
    private readonly int _port = FreePort.Next();
    private SimpleSmtpServer _smtp = default!;
    private PortalFactory? _factory;
    private int _filingId;

    /// <summary>09:00 in Dongying on that day.</summary>
    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);

    /// <summary>The background loops are off unless a test wants them: the test decides when reminders run.</summary>
    private bool _backgroundJobs;

    public ValueTask InitializeAsync()
    {
        _smtp = SimpleSmtpServer.Start(_port);
        return ValueTask.CompletedTask;
    }

    private async Task StartPortalAsync(bool backgroundJobs = false)
    {
        _backgroundJobs = backgroundJobs;
        _factory = new PortalFactory(seeded: false, clock: _clock, settings: new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = $"{_port}",
            ["Smtp:Security"] = "None",
            ["Portal:BackgroundJobs"] = $"{_backgroundJobs}",
        });
        await using var db = _factory!.CreateDbContext();
        var campaign = new Campaign(2026, "2026年度", "2026");
        campaign.OpenFiling();
        var unit = new SponsorUnit("CZJ", "东营市财政局", "Finance Bureau", UnitKind.MunicipalDepartment, "finance", "czj@dongying.gov.demo");
        db.AddRange(campaign, unit);
        await db.SaveChangesAsync();
        var filing = new Filing(campaign, unit, Build.Details(start: Opens), _clock);
        filing.Submit(_clock);
        filing.Approve(intoSpecialPlan: true, _clock);
        db.Filings.Add(filing);
        await db.SaveChangesAsync();
        _filingId = filing.Id;
        using var scope = _factory!.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var sponsor = new AppUser { UserName = "czj", Email = "liaison@czj.demo", DisplayName = "财政局联络员", SponsorUnitId = unit.Id };
        Assert.True((await users.CreateAsync(sponsor, "Demo#2026")).Succeeded);
    }

    private async Task<int> RemindAndSendAsync(DateOnly day)
    {
        _clock.SetUtcNow(At(day));
        var queued = await _factory!.Services.GetRequiredService<ReminderService>().RunOnceAsync();
        await _factory!.Services.GetRequiredService<MailDispatcher>().DispatchPendingAsync();
        return queued;
    }

    [Fact]
    public async Task BackgroundService_SendsTheReminder_WhenTheClockReachesTheDay()
    {
        await StartPortalAsync(backgroundJobs: true);
        _clock.SetUtcNow(At(new DateOnly(2026, 4, 28)));
        // The hourly timer fires on the moved clock; the dispatcher's own timer then sends the mail.
        for (var i = 0; i < 100 && _smtp.ReceivedEmailCount == 0; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(15));
            await Task.Delay(100);
        }
        Assert.Contains("备案材料即将到期", DecodeSubject(Assert.Single(_smtp.ReceivedEmail)));
    }

    [Fact]
    public async Task DueSoon_ThreeDaysBefore_Once_ThenOverdue_OnTheDayAfter()
    {
        await StartPortalAsync();
        Assert.Equal(0, await RemindAndSendAsync(new DateOnly(2026, 4, 27)));
        Assert.Equal(1, await RemindAndSendAsync(new DateOnly(2026, 4, 28)));
        Assert.Equal(0, await RemindAndSendAsync(new DateOnly(2026, 4, 28)));
        Assert.Equal(0, await RemindAndSendAsync(new DateOnly(2026, 5, 1)));

        var dueSoon = Assert.Single(_smtp.ReceivedEmail);
        Assert.Equal("liaison@czj.demo", dueSoon.ToAddresses.Single().Address);
        Assert.Contains("备案材料即将到期", DecodeSubject(dueSoon));
        var body = string.Concat(dueSoon.MessageParts.Select(p => p.BodyData));
        Assert.Contains("2026-05-01", body);

        // The notice arrives late, on 2 May; plan and budget are still missing.
        await using (var db = _factory!.CreateDbContext())
        {
            var filing = await db.Filings.Include(f => f.Documents).SingleAsync(f => f.Id == _filingId);
            _clock.SetUtcNow(At(new DateOnly(2026, 5, 2)).AddHours(-2));
            filing.AttachDocument(DocumentKind.CourseNotice, "notice.pdf", 1000, "h", null, _clock);
            await db.SaveChangesAsync();
        }
        Assert.Equal(1, await RemindAndSendAsync(new DateOnly(2026, 5, 2)));
        Assert.Equal(0, await RemindAndSendAsync(new DateOnly(2026, 5, 3)));
        Assert.Equal(2, _smtp.ReceivedEmailCount);
        Assert.Single(_smtp.ReceivedEmail, m => DecodeSubject(m).Contains("已逾期"));

        await using var check = _factory!.CreateDbContext();
        var logs = await check.ReminderLogs.Where(r => r.FilingId == _filingId).ToListAsync();
        Assert.Equal(3, logs.Count(l => l.Kind == ReminderKind.DueSoon));
        Assert.Equal([DocumentKind.TrainingPlan, DocumentKind.Budget], logs.Where(l => l.Kind == ReminderKind.Overdue).Select(l => l.Document).Order());
    }

    [Fact]
    public async Task AFilingDatedAtTheEndOfTime_DoesNotStopTheOtherReminders()
    {
        await StartPortalAsync();
        // A row stored before the date bounds existed: its course "opens" on 9999-12-20.
        await using (var db = _factory!.CreateDbContext())
        {
            var campaign = await db.Campaigns.SingleAsync();
            var unit = await db.SponsorUnits.SingleAsync();
            var extreme = new Filing(campaign, unit, Build.Details(start: Opens), _clock);
            extreme.Submit(_clock);
            extreme.Approve(intoSpecialPlan: false, _clock);
            db.Filings.Add(extreme);
            await db.SaveChangesAsync();
            await db.Filings.Where(f => f.Id == extreme.Id).ExecuteUpdateAsync(u => u
                .SetProperty(f => f.PlannedStart, new DateOnly(9999, 12, 20)).SetProperty(f => f.PlannedEnd, new DateOnly(9999, 12, 31)));
        }
        Assert.Equal(1, await RemindAndSendAsync(new DateOnly(2026, 4, 28)));
        Assert.Contains("备案材料即将到期", DecodeSubject(Assert.Single(_smtp.ReceivedEmail)));
        await using var check = _factory!.CreateDbContext();
        Assert.All(await check.ReminderLogs.ToListAsync(), l => Assert.Equal(_filingId, l.FilingId));
    }

    [Fact]
    public async Task MailServerDown_KeepsTheMailQueued_AndSendsItWhenBack()
    {
        await StartPortalAsync();
        _smtp.Stop();
        Assert.Equal(1, await RemindAndSendAsync(new DateOnly(2026, 4, 28)));
        await using (var db = _factory!.CreateDbContext())
        {
            var mail = await db.OutgoingMails.SingleAsync();
            Assert.Equal((MailStatus.Pending, 1), (mail.Status, mail.Attempts));
            Assert.False(string.IsNullOrEmpty(mail.LastError));
        }
        _smtp = SimpleSmtpServer.Start(_port);
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await _factory!.Services.GetRequiredService<MailDispatcher>().DispatchPendingAsync());
        Assert.Equal(1, _smtp.ReceivedEmailCount);
        await using var after = _factory!.CreateDbContext();
        Assert.Equal(MailStatus.Sent, (await after.OutgoingMails.SingleAsync()).Status);
    }

    private static string DecodeSubject(SmtpMessage message) =>
        MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message.Data))).Subject ?? "";

    public ValueTask DisposeAsync()
    {
        _smtp.Dispose();
        _factory?.Dispose();
        return ValueTask.CompletedTask;
    }
}
