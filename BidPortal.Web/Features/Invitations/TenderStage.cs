namespace BidPortal.Web.Features.Invitations;

/// <summary>Where a project stands for a bidder, by the clock as well as by its stored state.</summary>
public enum TenderStage
{
    /// <summary>Published and before its deadline: proposals are accepted.</summary>
    Open,
    /// <summary>Past its deadline, waiting for the opening (已截止，等待开标).</summary>
    AwaitingOpening,
    /// <summary>Opened or further on.</summary>
    Opened,
    Cancelled,
}
