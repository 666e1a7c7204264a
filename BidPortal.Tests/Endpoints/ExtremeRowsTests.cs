using System.Net;
using BidPortal.Domain.Filings;
using BidPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Tests.Endpoints;

/// <summary>
/// Rows stored before the bounds existed (an approved course in the year 9999, campaign rules of
/// 999,999,999 days) must not take the pages down: each still answers 200.
/// </summary>
public sealed class ExtremeRowsTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AnApprovedFilingIn9999_AndHugeRules_StillRenderTheFilingOrganizerAndSponsorPages()
    {
        int filingId;
        await using (var db = _factory.CreateDbContext())
        {
            var filing = await db.Filings.FirstAsync(f => f.SponsorUnit!.Code == "CZJ" && f.Status == FilingStatus.Approved);
            filingId = filing.Id;
            await db.Filings.Where(f => f.Id == filingId).ExecuteUpdateAsync(u => u
                .SetProperty(f => f.PlannedStart, new DateOnly(9999, 12, 20)).SetProperty(f => f.PlannedEnd, new DateOnly(9999, 12, 31)));
            await db.Campaigns.ExecuteUpdateAsync(u => u
                .SetProperty(c => c.DocumentsLeadDays, 999_999_999).SetProperty(c => c.ReportDueDays, 999_999_999)
                .SetProperty(c => c.ReminderLeadDays, 999_999_999));
        }
        using var organizer = await SignIn.ClientAsync(_factory, "organizer");
        Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync($"/filings/{filingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync("/organizer")).StatusCode);
        using var sponsor = await SignIn.ClientAsync(_factory, "sponsor.czj");
        Assert.Equal(HttpStatusCode.OK, (await sponsor.GetAsync("/sponsor")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sponsor.GetAsync($"/filings/{filingId}")).StatusCode);
    }
}
