using System.Globalization;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Identity;
using BidPortal.Tests.Support;
using BidPortal.Web.Features.Execution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BidPortal.Tests.Execution;

/// <summary>
/// A demo portal of its own (each test gets a fresh copy: the tests record, report and move the clock) with the
/// clock in the test's hand, and the people of the awarded demo project C-06: its lead sponsor (海洋与渔业局,
/// sponsor.hyj), another sponsor, the winner, an evaluator.
/// </summary>
public sealed class ExecutionPortal : IDisposable
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public PortalFactory Factory { get; }
    public int ProjectId { get; }
    public int CampaignId { get; }
    public Actor LeadSponsor { get; }
    public Actor OtherSponsor { get; }
    public Actor Winner { get; }
    public static Actor Evaluator => Actor.Of("expert01", Roles.Evaluator);

    public ExecutionPortal()
    {
        Factory = new PortalFactory(seeded: true, clock: Clock, settings: new Dictionary<string, string?> { ["Portal:BackgroundJobs"] = "false" });
        using var db = Factory.CreateDbContext();
        var project = db.Projects.AsNoTracking().Single(p => p.Code == "C-06" && p.Status == global::BidPortal.Domain.Projects.ProjectStatus.Awarded);
        ProjectId = project.Id;
        CampaignId = project.CampaignId;
        var units = db.SponsorUnits.AsNoTracking().ToDictionary(u => u.Code, u => u.Id);
        LeadSponsor = Actor.Of("sponsor.hyj", Roles.Sponsor, sponsorUnitId: units["HYJ"]);
        OtherSponsor = Actor.Of("sponsor.czj", Roles.Sponsor, sponsorUnitId: units["CZJ"]);
        var winner = db.Awards.AsNoTracking().Single(a => a.TenderProjectId == ProjectId).InstitutionId;
        Winner = Actor.Of("inst.sdu", Roles.Institution, institutionId: winner);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en");
    }

    public Executions Executions => Factory.Services.GetRequiredService<Executions>();

    /// <summary>Moves the clock to 10:00 Beijing time on a day.</summary>
    public void SetToday(DateOnly day) =>
        Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), BeijingTime.Zone).DateTime);

    public ExecutionRecord Record()
    {
        using var db = Factory.CreateDbContext();
        return db.ExecutionRecords.AsNoTracking().Include(r => r.Award).Single(r => r.TenderProjectId == ProjectId);
    }

    /// <summary>Report files in the file store.</summary>
    public int StoredReports()
    {
        var folder = Path.Combine(Factory.DataFolder, "files", "execution");
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;
    }

    public static MemoryStream Pdf(int size = 2000)
    {
        var bytes = new byte[size];
        "%PDF-1.4\n"u8.CopyTo(bytes);
        for (var i = 9; i < size; i++) bytes[i] = (byte)'a';
        return new MemoryStream(bytes);
    }

    public void Dispose() => Factory.Dispose();
}
