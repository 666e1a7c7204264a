namespace BidPortal.Web.Features.Consolidation;

/// <summary>What the organizer typed in the merge form; tags as typed, by their names in either language ("财政金融、audit").</summary>
public sealed record MergeRequest(IReadOnlyList<int> FilingIds, string Code, string Title, string TitleEn, string Description,
    string Tags, int Headcount, decimal Budget);
