namespace BidPortal.Web.Features.Notice;

/// <summary>A project's objections for the organizer, newest first, and whether answering can still reopen scoring.</summary>
public sealed record ObjectionsView(int ProjectId, string ProjectCode, bool CanReopenScoring, IReadOnlyList<ObjectionRow> Objections);
