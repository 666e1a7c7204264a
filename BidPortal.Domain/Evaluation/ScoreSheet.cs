using BidPortal.Domain.Audit;
namespace BidPortal.Domain.Evaluation;

/// <summary>
/// One evaluator's scores for one proposal: a draft the evaluator fills in as it goes, then submitted
/// in a separate step. Others' sheets stay hidden from an evaluator until its own is submitted.
/// </summary>
public sealed class ScoreSheet : IAuditable
{
    public const int CommentMaxLength = 4000;
    public const int ReasonMaxLength = 2000;

    private readonly List<ScoreItem> _items = [];

    public int Id { get; private set; }
    public int PanelMemberId { get; private set; }
    public PanelMember? PanelMember { get; private set; }
    public int ProposalId { get; private set; }
    public ScoreSheetStatus Status { get; private set; }
    /// <summary>The evaluator's overall comment on the proposal.</summary>
    public string? Comment { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    /// <summary>Written reason for a total far from the panel mean.</summary>
    public string? OutlierReason { get; private set; }
    public IReadOnlyCollection<ScoreItem> Items => _items;

    private ScoreSheet() { }

    public ScoreSheet(PanelMember member, int proposalId)
    {
        if (member.IsConflicted(proposalId)) throw new DomainException("Conflict.CannotScore");
        PanelMemberId = member.Id;
        PanelMember = member;
        ProposalId = proposalId;
        Status = ScoreSheetStatus.Draft;
    }

    /// <summary>
    /// Saves one criterion of the draft: points from 0 to the criterion's maximum in hundredths
    /// (blank while undecided) and the comment beside them.
    /// </summary>
    public void Record(Criterion criterion, decimal? points, string? comment)
    {
        RequireDraft();
        if (criterion.IsPrice) throw new DomainException("Score.PriceComputed");
        if (points is { } p && (p < 0 || p > criterion.MaxPoints)) throw new DomainException("Score.OutOfRange", criterion.Names, criterion.MaxPoints);
        if (points is { } q && decimal.Round(q, 2) != q) throw new DomainException("Score.TooPrecise", criterion.Names);
        Bounds.Length("Score", comment, ScoreItem.CommentMaxLength, TextField.Comment);
        var item = _items.FirstOrDefault(i => i.IsFor(criterion));
        if (item is null) _items.Add(item = new ScoreItem(criterion));
        item.Points = points;
        item.Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
    }

    /// <summary>The draft's overall comment.</summary>
    public void Remark(string? comment)
    {
        RequireDraft();
        Bounds.Length("Score", comment, CommentMaxLength, TextField.Comment);
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
    }

    /// <summary>
    /// Submits the sheet. Every typed criterion needs points. When this total (with the computed price
    /// score) would be more than 30% off the panel mean — the mean of the panel's submitted totals and
    /// this one — a written reason is required first.
    /// </summary>
    public void Submit(IReadOnlyCollection<Criterion> rubric, decimal priceScore, IReadOnlyCollection<decimal> otherTotals,
        string? outlierReason, TimeProvider clock)
    {
        RequireDraft();
        var missing = rubric.Where(c => !c.IsPrice && _items.FirstOrDefault(i => i.IsFor(c))?.Points is null).OrderBy(c => c.Order).ToList();
        if (missing.Count > 0)
            throw new DomainException("Score.Incomplete", new NamePair(string.Join("、", missing.Select(c => c.Name)), string.Join(", ", missing.Select(c => c.NameEn))));
        Bounds.Length("Score", outlierReason, ReasonMaxLength, TextField.Reason);
        if (Scoring.IsOutlierAmong(Total(priceScore), otherTotals) && string.IsNullOrWhiteSpace(outlierReason))
            throw new DomainException("Score.OutlierReasonRequired");
        OutlierReason = string.IsNullOrWhiteSpace(outlierReason) ? OutlierReason : outlierReason.Trim();
        SubmittedAt = clock.GetUtcNow();
        Status = ScoreSheetStatus.Submitted;
    }

    /// <summary>A submitted total that later sheets moved far from the mean gets its reason afterwards.</summary>
    public void JustifyOutlier(string reason)
    {
        if (Status != ScoreSheetStatus.Submitted) throw new DomainException("Score.NotSubmitted");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Score.OutlierReasonRequired");
        Bounds.Length("Score", reason, ReasonMaxLength, TextField.Reason);
        OutlierReason = reason.Trim();
    }

    /// <summary>Scoring reopened by the organizer: the evaluator may change this sheet and submit it again.</summary>
    public void Reopen()
    {
        if (Status != ScoreSheetStatus.Submitted) throw new DomainException("Score.NotSubmitted");
        Status = ScoreSheetStatus.Draft;
        SubmittedAt = null;
    }

    public decimal? PointsFor(Criterion criterion) => _items.FirstOrDefault(i => i.IsFor(criterion))?.Points;

    /// <summary>The typed points; the price score is added at ranking time.</summary>
    public decimal TypedTotal => _items.Sum(i => i.Points ?? 0);

    /// <summary>This sheet's total: the typed points and the proposal's computed price score.</summary>
    public decimal Total(decimal priceScore) => TypedTotal + priceScore;

    private void RequireDraft()
    {
        if (Status != ScoreSheetStatus.Draft) throw new DomainException("Score.AlreadySubmitted");
    }
}
