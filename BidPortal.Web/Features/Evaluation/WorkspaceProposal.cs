namespace BidPortal.Web.Features.Evaluation;

/// <summary>A proposal on the evaluator's list: its name or blind label, the evaluator's own sheet, or its declared conflict.</summary>
public sealed record WorkspaceProposal(int ProposalId, string Label, SheetProgress Sheet, bool Conflicted);
