using BidPortal.Domain.Audit;
namespace BidPortal.Domain.Evaluation;

/// <summary>One evaluator's scores for one proposal. Others' sheets stay hidden until this one is submitted.</summary>
public sealed class ScoreSheet : IAuditable
{
    private readonly List<ScoreItem> _items = [];

    public int Id { get; private set; }
    public int PanelMemberId { get; private set; }
    public PanelMember? PanelMember { get; private set; }
    public int ProposalId { get; private set; }
    public ScoreSheetStatus Status { get; private set; }
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

    public void Score(Criterion criterion, decimal points)
    {
        if (Status != ScoreSheetStatus.Draft) throw new DomainException("Score.AlreadySubmitted");
        if (criterion.IsPrice) throw new DomainException("Score.PriceComputed");
        if (points < 0 || points > criterion.MaxPoints) throw new DomainException("Score.OutOfRange", criterion.Name, criterion.MaxPoints);
        var item = _items.FirstOrDefault(i => i.CriterionId == criterion.Id && criterion.Id != 0)
            ?? _items.FirstOrDefault(i => ReferenceEquals(i.Criterion, criterion));
        if (item is null) _items.Add(new ScoreItem(criterion, points));
        else item.Points = points;
    }

    public void Submit(IReadOnlyCollection<Criterion> rubric, string? comment, TimeProvider clock)
    {
        if (Status != ScoreSheetStatus.Draft) throw new DomainException("Score.AlreadySubmitted");
        var missing = rubric.Where(c => !c.IsPrice && !_items.Any(i => i.CriterionId == c.Id && c.Id != 0 || ReferenceEquals(i.Criterion, c))).ToList();
        if (missing.Count > 0) throw new DomainException("Score.Incomplete", string.Join(", ", missing.Select(c => c.Name)));
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        SubmittedAt = clock.GetUtcNow();
        Status = ScoreSheetStatus.Submitted;
    }

    public void JustifyOutlier(string reason)
    {
        if (Status != ScoreSheetStatus.Submitted) throw new DomainException("Score.NotSubmitted");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Score.OutlierReasonRequired");
        OutlierReason = reason.Trim();
    }

    /// <summary>The typed points; the price score is added at ranking time.</summary>
    public decimal TypedTotal => _items.Sum(i => i.Points);
}
