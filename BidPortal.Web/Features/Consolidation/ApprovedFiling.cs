using BidPortal.Domain.Campaigns;

namespace BidPortal.Web.Features.Consolidation;

/// <summary>
/// An approved filing waiting to be merged; the unit's name in the reader's language. <paramref name="Tags"/>
/// are the ones the routing rule proposes for it alone (its unit's system and its course's topic).
/// </summary>
public sealed record ApprovedFiling(int Id, string Title, string Unit, string System, Theme Theme, int Headcount, decimal Budget,
    IReadOnlyList<string> Tags);
