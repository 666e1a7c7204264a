namespace BidPortal.Web.Features.Proposals;

/// <summary>What the opening found for one bid.</summary>
public enum OpeningOutcome
{
    Valid,
    /// <summary>Not accepted: its file no longer matches its receipt, or it was not reconfirmed after an extension.</summary>
    Flagged,
    Withdrawn,
}
