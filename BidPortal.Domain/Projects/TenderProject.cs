using BidPortal.Domain.Audit;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Institutions;

namespace BidPortal.Domain.Projects;

/// <summary>A consolidated project (整合项目) put out to tender, made from approved filings.</summary>
public sealed class TenderProject : IAuditable
{
    private readonly List<Filing> _sources = [];
    private readonly List<Invitation> _invitations = [];
    private readonly List<Criterion> _criteria = [];
    private readonly List<PanelMember> _panel = [];
    private readonly List<ShortlistEntry> _shortlist = [];

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string TitleEn { get; private set; } = "";
    public string Description { get; private set; } = "";
    public Theme Theme { get; private set; }
    public string[] Tags { get; private set; } = [];
    public int Headcount { get; private set; }
    public decimal BudgetCeiling { get; private set; }
    /// <summary>The unit that receives the shortlist and picks the institution.</summary>
    public int LeadSponsorUnitId { get; private set; }
    public ProjectStatus Status { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? Deadline { get; private set; }
    public DateTimeOffset? OpenedAt { get; private set; }
    public DateTimeOffset? FinalisedAt { get; private set; }
    public int MinValidProposals { get; private set; } = 3;
    /// <summary>The tender round: 1, and one more each time an unsuccessful tender (流标) is re-run.</summary>
    public int Round { get; private set; } = 1;
    public int ShortlistSize { get; private set; } = 3;
    /// <summary>Evaluators see "Proposal A/B/C" instead of institution names.</summary>
    public bool BlindEvaluation { get; private set; }
    public string? CancelReason { get; private set; }
    /// <summary>The call for proposals (推介书) the invited institutions design their courses from.</summary>
    public CallForProposals Call { get; private set; } = CallForProposals.Blank();

    public IReadOnlyCollection<Filing> Sources => _sources;
    public IReadOnlyCollection<Invitation> Invitations => _invitations;
    public IReadOnlyCollection<Criterion> Criteria => _criteria;
    public IReadOnlyCollection<PanelMember> Panel => _panel;
    public IReadOnlyCollection<ShortlistEntry> Shortlist => _shortlist;

    public const int CodeMaxLength = 32;
    public const int TitleMaxLength = 300;
    public const int DescriptionMaxLength = 4000;
    public const int CancelReasonMaxLength = 2000;

    private TenderProject() { }

    /// <summary>
    /// Merges approved filings into one project. Headcount and budget ceiling add up from the
    /// sources unless the organizer gives other figures.
    /// </summary>
    public static TenderProject Consolidate(Campaign campaign, string code, string title, string titleEn,
        string description, Theme theme, IEnumerable<string> tags, IReadOnlyCollection<Filing> sources,
        int? headcount = null, decimal? budgetCeiling = null)
    {
        if (string.IsNullOrWhiteSpace(code)) throw new DomainException("Field.Required", TextField.Code);
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("Field.Required", TextField.Title);
        Bounds.Length("Project", code, CodeMaxLength, TextField.Code);
        Bounds.Length("Project", title, TitleMaxLength, TextField.Title);
        Bounds.Length("Project", titleEn, TitleMaxLength, TextField.TitleEn);
        Bounds.Length("Project", description, DescriptionMaxLength, TextField.Description);
        if (sources.Count == 0) throw new DomainException("Project.NoSources");
        foreach (var filing in sources)
        {
            if (filing.CampaignId != campaign.Id) throw new DomainException("Project.OtherCampaign", filing.Title);
            if (filing.Status != FilingStatus.Approved) throw new DomainException("Project.SourceNotApproved", filing.Title, filing.Status);
        }
        if (sources.Distinct().Count() != sources.Count) throw new DomainException("Project.SourceTwice", sources.First().Title);
        var project = new TenderProject
        {
            CampaignId = campaign.Id,
            Code = code.Trim(),
            Title = title.Trim(),
            TitleEn = string.IsNullOrWhiteSpace(titleEn) ? title.Trim() : titleEn.Trim(),
            Description = description.Trim(),
            Theme = theme,
            Tags = Institution.NormaliseTags(tags),
            MinValidProposals = campaign.MinValidProposals,
            ShortlistSize = campaign.ShortlistSize,
            LeadSponsorUnitId = sources.MaxBy(f => f.Budget)!.SponsorUnitId,
            Status = ProjectStatus.Draft,
        };
        foreach (var filing in sources) filing.MarkConsolidated();
        project._sources.AddRange(sources);
        project.SetTotals(headcount ?? sources.Sum(f => f.Headcount), budgetCeiling ?? sources.Sum(f => f.Budget));
        project.Call = CallForProposals.FromSources(sources);
        return project;
    }

    /// <summary>The organizer changes the call for proposals; once published it is what the invitees were sent.</summary>
    public void EditCall(CallDetails details)
    {
        if (Status != ProjectStatus.Draft) throw new DomainException("Call.NotEditable", Status);
        Call.Apply(details);
    }

    /// <summary>A project without a rubric takes the campaign's default weights (<see cref="Rubric.Default"/>).</summary>
    public void UseDefaultRubric()
    {
        if (_criteria.Count > 0) return;
        foreach (var c in Rubric.Default) AddCriterion(c.Name, c.NameEn, c.MaxPoints, c.IsPrice);
    }

    public void SetTotals(int headcount, decimal budgetCeiling)
    {
        RequireStatus(ProjectStatus.Draft);
        if (headcount <= 0) throw new DomainException("Project.HeadcountPositive");
        if (budgetCeiling <= 0) throw new DomainException("Project.BudgetPositive");
        if (headcount > Bounds.MaxHeadcount) throw new DomainException("Project.HeadcountTooLarge", Bounds.MaxHeadcount);
        if (!Bounds.IsMoney(budgetCeiling)) throw new DomainException("Project.BudgetOutOfRange", Bounds.MaxMoney);
        Headcount = headcount;
        BudgetCeiling = budgetCeiling;
    }

    /// <summary>
    /// Changes the tags the invitation list is drawn by, before it is published; the caller redraws
    /// the list (<see cref="Institutions.InvitationRule.Redraw"/>).
    /// </summary>
    public void Retag(IEnumerable<string> tags)
    {
        RequireStatus(ProjectStatus.Draft);
        Tags = Institution.NormaliseTags(tags);
    }

    /// <summary>
    /// Takes back an invitation the routing rule proposed and nobody has sent: it was only a
    /// proposal, so it leaves no row. What the organizer added, removed or sent stays.
    /// </summary>
    internal bool Unlist(Invitation invitation)
    {
        RequireStatus(ProjectStatus.Draft);
        if (invitation.Status != InvitationStatus.Listed || invitation.Basis == InvitationBasis.AddedByOrganizer) return false;
        return _invitations.Remove(invitation);
    }

    public void SetBlindEvaluation(bool blind)
    {
        if (Status is not (ProjectStatus.Draft or ProjectStatus.Open or ProjectStatus.Opened))
            throw new DomainException("Project.EvaluationStarted");
        BlindEvaluation = blind;
    }

    public Invitation Invite(Institution institution, InvitationBasis basis, string? note = null)
    {
        if (Status is not (ProjectStatus.Draft or ProjectStatus.Open)) throw new DomainException("Project.WrongStatus", Status);
        if (basis == InvitationBasis.AddedByOrganizer && string.IsNullOrWhiteSpace(note))
            throw new DomainException("Invitation.NoteRequired");
        var existing = _invitations.FirstOrDefault(i => i.InstitutionId == institution.Id && institution.Id != 0);
        if (existing is { IsActive: true }) throw new DomainException("Invitation.AlreadyInvited", institution.Name);
        if (existing is { Status: InvitationStatus.Removed })
        {
            // One row per institution and project: a removed invitation comes back rather than doubling.
            existing.Restore(basis, note);
            return existing;
        }
        if (existing is not null) throw new DomainException("Invitation.Declined", institution.Name);
        var invitation = new Invitation(this, institution, basis, note);
        _invitations.Add(invitation);
        return invitation;
    }

    public void Publish(DateTimeOffset deadline, TimeProvider clock)
    {
        RequireStatus(ProjectStatus.Draft);
        var now = clock.GetUtcNow();
        if (deadline <= now) throw new DomainException("Project.DeadlineInPast", deadline);
        if (!Bounds.InRange(deadline)) throw new DomainException("Project.DeadlineOutOfRange", Bounds.MinDateText, Bounds.MaxDateText);
        if (!_invitations.Any(i => i.IsActive)) throw new DomainException("Project.NoInvitations");
        Status = ProjectStatus.Open;
        PublishedAt = now;
        Deadline = deadline;
    }

    public bool AcceptsProposals(DateTimeOffset now) => Status == ProjectStatus.Open && now < Deadline;

    /// <summary>Published and past its deadline: closed to proposals, waiting for the opening (开标).</summary>
    public bool AwaitsOpening(DateTimeOffset now) => Status == ProjectStatus.Open && now >= Deadline;

    /// <summary>The sealed proposals have been opened (or the project has moved on since).</summary>
    public bool IsOpened => Status is ProjectStatus.Opened or ProjectStatus.Unsuccessful or ProjectStatus.Evaluating
        or ProjectStatus.Shortlisted or ProjectStatus.Awarded or ProjectStatus.Completed;

    /// <summary>The title in the reader's language; the English form falls back to the Chinese.</summary>
    public string TitleIn(System.Globalization.CultureInfo culture) => Language.Pick(culture, Title, TitleEn);

    /// <summary>Extends the deadline before it passes (after a material answer, for instance).</summary>
    public void ExtendDeadline(DateTimeOffset newDeadline, TimeProvider clock)
    {
        RequireStatus(ProjectStatus.Open);
        if (clock.GetUtcNow() >= Deadline) throw new DomainException("Project.DeadlinePassed", Deadline!.Value);
        if (newDeadline <= Deadline) throw new DomainException("Project.ExtensionNotLater", Deadline!.Value);
        if (!Bounds.InRange(newDeadline)) throw new DomainException("Project.DeadlineOutOfRange", Bounds.MinDateText, Bounds.MaxDateText);
        Deadline = newDeadline;
    }

    /// <summary>The opening (开标): only after the deadline; too few valid proposals makes it unsuccessful.</summary>
    public void Open(int validProposals, TimeProvider clock)
    {
        RequireStatus(ProjectStatus.Open);
        var now = clock.GetUtcNow();
        if (now < Deadline) throw new DomainException("Project.OpenBeforeDeadline", Deadline!.Value);
        OpenedAt = now;
        Status = validProposals >= MinValidProposals ? ProjectStatus.Opened : ProjectStatus.Unsuccessful;
    }

    /// <summary>An unsuccessful tender goes back to draft for a new round, its old invitations kept.</summary>
    public void Rerun()
    {
        RequireStatus(ProjectStatus.Unsuccessful);
        // The old round's bids stay on record (and its opening record with them); the new round starts empty.
        Round++;
        Status = ProjectStatus.Draft;
        Deadline = null;
        PublishedAt = null;
        OpenedAt = null;
    }

    public void Cancel(string reason)
    {
        if (Status is ProjectStatus.Completed or ProjectStatus.Cancelled) throw new DomainException("Project.WrongStatus", Status);
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Project.CancelReasonRequired");
        Bounds.Length("Project", reason, CancelReasonMaxLength, TextField.Reason);
        Status = ProjectStatus.Cancelled;
        CancelReason = reason.Trim();
    }

    public Criterion AddCriterion(string name, string nameEn, decimal maxPoints, bool isPrice)
    {
        if (Status is not (ProjectStatus.Draft or ProjectStatus.Open or ProjectStatus.Opened))
            throw new DomainException("Project.EvaluationStarted");
        if (isPrice && _criteria.Any(c => c.IsPrice)) throw new DomainException("Rubric.OnePrice");
        var criterion = new Criterion(name, nameEn, maxPoints, isPrice, _criteria.Count + 1);
        _criteria.Add(criterion);
        return criterion;
    }

    public PanelMember AddPanelMember(string userId, string displayName)
    {
        if (Status is not (ProjectStatus.Draft or ProjectStatus.Open or ProjectStatus.Opened))
            throw new DomainException("Project.EvaluationStarted");
        if (_panel.Any(p => p.UserId == userId)) throw new DomainException("Panel.AlreadyMember", displayName);
        var member = new PanelMember(userId, displayName);
        _panel.Add(member);
        return member;
    }

    public void StartEvaluation()
    {
        RequireStatus(ProjectStatus.Opened);
        Rubric.Validate(_criteria);
        if (_panel.Count == 0) throw new DomainException("Panel.Empty");
        Status = ProjectStatus.Evaluating;
    }

    /// <summary>Fixes the ranking; the top N form the shortlist in recommended order.</summary>
    public void Finalise(IReadOnlyList<RankedProposal> ranking, TimeProvider clock)
    {
        RequireStatus(ProjectStatus.Evaluating);
        if (ranking.Count == 0) throw new DomainException("Ranking.Empty");
        _shortlist.Clear();
        foreach (var (entry, index) in ranking.Take(ShortlistSize).Select((e, i) => (e, i)))
            _shortlist.Add(new ShortlistEntry(entry.ProposalId, index + 1, entry.Rank, entry.Score, entry.Price));
        FinalisedAt = clock.GetUtcNow();
        Status = ProjectStatus.Shortlisted;
    }

    /// <summary>The sponsor picks an institution from the shortlist; any but the first needs a reason.</summary>
    public Award Award(int proposalId, int institutionId, string? reason, string decidedBy, TimeProvider clock)
    {
        RequireStatus(ProjectStatus.Shortlisted);
        var entry = _shortlist.FirstOrDefault(s => s.ProposalId == proposalId)
            ?? throw new DomainException("Award.NotShortlisted");
        if (entry.Position != 1 && string.IsNullOrWhiteSpace(reason)) throw new DomainException("Award.ReasonRequired");
        Status = ProjectStatus.Awarded;
        return new Award(Id, proposalId, institutionId, entry.Price, reason?.Trim(), decidedBy, clock.GetUtcNow());
    }

    public void Complete(ExecutionRecord record)
    {
        RequireStatus(ProjectStatus.Awarded);
        if (record.Status != ExecutionStatus.Completed) throw new DomainException("Execution.NotFinished");
        Status = ProjectStatus.Completed;
    }

    private void RequireStatus(ProjectStatus expected)
    {
        if (Status != expected) throw new DomainException("Project.WrongStatus", Status);
    }
}
