namespace BidPortal.Web.Features.Invitations;

/// <summary>Where a project stands for a bidder, by the clock as well as by its stored state.</summary>
public enum TenderStage
{
    /// <summary>Published and before its deadline: proposals are accepted.</summary>
    Open,
    /// <summary>Past its deadline, waiting for the opening (已截止，等待开标).</summary>
    AwaitingOpening,
    /// <summary>Opened, before the panel scores.</summary>
    Opened,
    Cancelled,
    /// <summary>The panel scores or the organizer has finalised the ranking (评审中).</summary>
    UnderEvaluation,
    /// <summary>The shortlist is published and its notice runs (公示中).</summary>
    InNotice,
    /// <summary>The notice is over; the sponsor has not yet awarded (待定标).</summary>
    AwaitingAward,
    /// <summary>Awarded (已定标).</summary>
    Awarded,
    /// <summary>Executed and reported (已完成).</summary>
    Completed,
    /// <summary>Fewer valid proposals than the minimum at opening (流标).</summary>
    Unsuccessful,
}
