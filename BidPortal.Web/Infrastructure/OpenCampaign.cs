using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Infrastructure;

public static class OpenCampaign
{
    /// <summary>The newest campaign that accepts filings, if any.</summary>
    public static async Task<Campaign?> FindAsync(BidPortalDbContext db) =>
        (await db.Campaigns.OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).ToListAsync())
        .FirstOrDefault(c => c.AcceptsFilings);
}
