using BidPortal.Domain.Audit;
namespace BidPortal.Domain.Evaluation;

/// <summary>One line of a project's rubric. The price criterion's points are computed, never typed.</summary>
public sealed class Criterion
{
    public int Id { get; private set; }
    public int TenderProjectId { get; private set; }
    public string Name { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public decimal MaxPoints { get; private set; }
    public bool IsPrice { get; private set; }
    public int Order { get; private set; }

    private Criterion() { }

    internal Criterion(string name, string nameEn, decimal maxPoints, bool isPrice, int order)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Field.Required", "name");
        if (maxPoints <= 0 || maxPoints > 100) throw new DomainException("Rubric.PointsRange");
        Name = name.Trim();
        NameEn = string.IsNullOrWhiteSpace(nameEn) ? Name : nameEn.Trim();
        MaxPoints = maxPoints;
        IsPrice = isPrice;
        Order = order;
    }
}

public static class Rubric
{
    /// <summary>Maximum points sum to 100, and exactly one criterion is price.</summary>
    public static void Validate(IReadOnlyCollection<Criterion> criteria)
    {
        var total = criteria.Sum(c => c.MaxPoints);
        if (total != 100) throw new DomainException("Rubric.SumNot100", total);
        if (criteria.Count(c => c.IsPrice) != 1) throw new DomainException("Rubric.OnePrice");
    }
}

/// <summary>An expert on a project's panel.</summary>
public sealed class PanelMember
{
    private readonly List<ConflictDeclaration> _conflicts = [];

    public int Id { get; private set; }
    public int TenderProjectId { get; private set; }
    public string UserId { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public IReadOnlyCollection<ConflictDeclaration> Conflicts => _conflicts;

    private PanelMember() { }

    internal PanelMember(string userId, string displayName)
    {
        UserId = userId;
        DisplayName = displayName;
    }

    public bool IsConflicted(int proposalId) => _conflicts.Any(c => c.ProposalId == proposalId);

    /// <summary>A conflicted evaluator cannot open or score that proposal and leaves its average.</summary>
    public void DeclareConflict(int proposalId, string reason, TimeProvider clock, bool alreadyScored)
    {
        if (alreadyScored) throw new DomainException("Conflict.AfterScoring");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Conflict.ReasonRequired");
        if (IsConflicted(proposalId)) return;
        _conflicts.Add(new ConflictDeclaration(proposalId, reason.Trim(), clock.GetUtcNow()));
    }
}

public sealed class ConflictDeclaration : IAuditable
{
    public int Id { get; private set; }
    public int PanelMemberId { get; private set; }
    public int ProposalId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset DeclaredAt { get; private set; }

    private ConflictDeclaration() { }

    internal ConflictDeclaration(int proposalId, string reason, DateTimeOffset at)
    {
        ProposalId = proposalId;
        Reason = reason;
        DeclaredAt = at;
    }
}

public enum ScoreSheetStatus { Draft, Submitted }

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

public sealed class ScoreItem
{
    public int Id { get; private set; }
    public int ScoreSheetId { get; private set; }
    public int CriterionId { get; private set; }
    public Criterion? Criterion { get; private set; }
    public decimal Points { get; internal set; }

    private ScoreItem() { }

    internal ScoreItem(Criterion criterion, decimal points)
    {
        Criterion = criterion;
        CriterionId = criterion.Id;
        Points = points;
    }
}
