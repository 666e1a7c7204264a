namespace BidPortal.Web.Features.Evaluation;

/// <summary>One evaluator on a panel: whether it has declared its conflicts, how many, and its sheets so far.</summary>
public sealed record PanelMemberRow(int MemberId, string DisplayName, string UserName, bool HasDeclared, int Conflicts, int Submitted, int Drafts)
{
    public bool HasScoreSheets => Submitted + Drafts > 0;
}
