using System.Globalization;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Filings;
using BidPortal.Web.Features.Filings;

namespace BidPortal.Web.Features.Exports;

/// <summary>
/// What a list download needs besides its name: the campaign or institution it belongs to, and for the review
/// queue the filters the page shows it with, so the file holds exactly the rows on the screen.
/// </summary>
public sealed record ListQuery(int? Id = null, FilingStatus? Status = null, Theme? Theme = null, int? UnitId = null, bool MajorOrCross = false)
{
    public FilingQueueFilter QueueFilter => new(Status, Theme, UnitId, MajorOrCross);

    public static ListQuery ForQueue(FilingQueueFilter filter) => new(null, filter.Status, filter.Theme, filter.UnitId, filter.MajorOrCrossOnly);

    /// <summary>The query string a download link carries ("" when there is nothing to say).</summary>
    public string ToQueryString()
    {
        List<string> parts = [];
        if (Id is { } id) parts.Add($"id={id.ToString(CultureInfo.InvariantCulture)}");
        if (Status is { } status) parts.Add($"status={status}");
        if (Theme is { } theme) parts.Add($"theme={theme}");
        if (UnitId is { } unit) parts.Add($"unit={unit.ToString(CultureInfo.InvariantCulture)}");
        if (MajorOrCross) parts.Add("major=true");
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    /// <summary>Reads the link back; an unknown value is left out rather than guessed.</summary>
    public static ListQuery From(IQueryCollection query) => new(
        int.TryParse(query["id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null,
        Enum.TryParse<FilingStatus>(query["status"], out var status) && Enum.IsDefined(status) ? status : null,
        Enum.TryParse<Theme>(query["theme"], out var theme) && Enum.IsDefined(theme) ? theme : null,
        int.TryParse(query["unit"], NumberStyles.None, CultureInfo.InvariantCulture, out var unit) ? unit : null,
        query["major"] == "true");
}
