namespace BidPortal.Web.Features.Evaluation;

/// <summary>
/// A row of the progress board: one panel member, whether it has declared its conflicts, its cells in
/// the board's column order, and "<see cref="Submitted"/> of <see cref="ToScore"/>" (proposals it is not conflicted on).
/// </summary>
public sealed record ProgressMember(int PanelMemberId, string DisplayName, bool HasDeclared, IReadOnlyList<ProgressCell> Cells, int Submitted, int ToScore);
