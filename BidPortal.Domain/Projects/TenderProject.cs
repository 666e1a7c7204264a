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
    private readonly List<ScoringReopening> _reopenings = [];
    private readonly List<Notice.Objection> _objections = [];

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
    /// <summary>When the organizer locked the scores; cleared when scoring is reopened.</summary>
    public DateTimeOffset? FinalisedAt { get; private set; }
    /// <summary>When the shortlist went to the sponsor.</summary>
    public DateTimeOffset? ShortlistPublishedAt { get; private set; }
    /// <summary>End of the public notice (公示) of the published shortlist; no award before it.</summary>
    public DateTimeOffset? NoticeEndsAt { get; private set; }
    /// <summary>When the last objection was filed (also what makes a concurrent award's save conflict).</summary>
    public DateTimeOffset? LastObjectionAt { get; private set; }
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
    public IReadOnlyCollection<ScoringReopening> Reopenings => _reopenings;
    public IReadOnlyCollection<Notice.Objection> Objections => _objections;

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
        // The campaign's default rubric (with its criteria loaded), else the portal's: a project is never without one.
        project.ReplaceRubric(campaign.RubricForNewProjects);
        return project;
    }

    /// <summary>The organizer changes the call for proposals; once published it is what the invitees were sent.</summary>
    public void EditCall(CallDetails details)
    {
        if (Status != ProjectStatus.Draft) throw new DomainException("Call.NotEditable", Status);
        Call.Apply(details);
    }

    /// <summary>
    /// Sets the project's rubric (at consolidation, a copy of the campaign's default). The rubric is part
    /// of the call the institutions bid on, so it changes only while the project is a draft.
    /// </summary>
    public IReadOnlyList<Criterion> ReplaceRubric(IReadOnlyList<CriterionDraft> drafts)
    {
        if (Status != ProjectStatus.Draft) throw new DomainException("Rubric.AfterPublication");
        Rubric.Validate(drafts);
        _criteria.Clear();
        _criteria.AddRange(drafts.Select((d, i) => new Criterion(d, i + 1)));
        return [.. _criteria];
    }

    /// <summary>The criteria in the order the rubric lists them (price where the editor put it).</summary>
    public IReadOnlyList<Criterion> OrderedCriteria => [.. _criteria.OrderBy(c => c.Order)];

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

    /// <summary>Blind mode is chosen before the evaluators see anything: until the evaluation starts.</summary>
    public bool AcceptsBlindModeChange => Status is ProjectStatus.Draft or ProjectStatus.Open or ProjectStatus.Opened;

    public void SetBlindEvaluation(bool blind)
    {
        if (!AcceptsBlindModeChange) throw new DomainException("Project.EvaluationStarted");
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
        or ProjectStatus.Finalised or ProjectStatus.Shortlisted or ProjectStatus.Awarded or ProjectStatus.Completed;

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

    /// <summary>The panel changes until the scores are locked; a member who has started scoring stays.</summary>
    public PanelMember AddPanelMember(string userId, string displayName)
    {
        RequirePanelOpen();
        if (_panel.Any(p => p.UserId == userId)) throw new DomainException("Panel.AlreadyMember", displayName);
        if (_panel.Count >= PanelAdvice.Maximum) throw new DomainException("Panel.TooLarge", PanelAdvice.Maximum);
        var member = new PanelMember(userId, displayName);
        _panel.Add(member);
        return member;
    }

    public void RemovePanelMember(PanelMember member, bool hasScoreSheets)
    {
        RequirePanelOpen();
        if (hasScoreSheets) throw new DomainException("Panel.HasScores", member.DisplayName);
        // While evaluating, the panel cannot drop below the minimum it started with.
        if (Status == ProjectStatus.Evaluating && PanelAdvice.IsTooSmall(_panel.Count - 1))
            throw new DomainException("Panel.TooSmall", PanelAdvice.Minimum);
        _panel.Remove(member);
    }

    /// <summary>Evaluators see the opened proposals from here on (after declaring their conflicts).</summary>
    public void StartEvaluation()
    {
        RequireStatus(ProjectStatus.Opened);
        Rubric.Validate(_criteria);
        if (PanelAdvice.IsTooSmall(_panel.Count)) throw new DomainException("Panel.TooSmall", PanelAdvice.Minimum);
        Status = ProjectStatus.Evaluating;
    }

    /// <summary>While evaluating: sheets may be drafted, submitted and justified.</summary>
    public bool AcceptsScores => Status == ProjectStatus.Evaluating;

    /// <summary>
    /// Locks the scores. Every panel member must have submitted a sheet for every valid proposal it is
    /// not conflicted on (<paramref name="missingSheets"/> counts the rest), and every total flagged as
    /// far from the panel mean must carry its written reason.
    /// </summary>
    public void Finalise(int missingSheets, IReadOnlyList<RankingLine> ranking, TimeProvider clock)
    {
        RequireStatus(ProjectStatus.Evaluating);
        if (ranking.Count == 0) throw new DomainException("Ranking.Empty");
        if (missingSheets > 0) throw new DomainException("Ranking.Incomplete", missingSheets);
        if (ranking.Any(l => l.NeedsOutlierReason)) throw new DomainException("Ranking.OutlierUnexplained");
        FinalisedAt = clock.GetUtcNow();
        Status = ProjectStatus.Finalised;
    }

    /// <summary>
    /// Sends the top <paramref name="size"/> of the locked ranking to the sponsor in recommended order.
    /// A proposal sharing the last place's rank comes too: a tie is not broken by the list's length.
    /// </summary>
    public void PublishShortlist(IReadOnlyList<RankedProposal> ranking, int size, int noticeDays, TimeProvider clock)
    {
        if (noticeDays < 1 || noticeDays > Campaign.MaxNoticeDays) throw new DomainException("Campaign.NoticeDaysRange", 1, Campaign.MaxNoticeDays);
        RequireStatus(ProjectStatus.Finalised);
        if (ranking.Count == 0) throw new DomainException("Ranking.Empty");
        if (size < 1 || size > Bounds.MaxShortlist) throw new DomainException("Shortlist.SizeRange", Bounds.MaxShortlist);
        _shortlist.Clear();
        foreach (var (entry, index) in ProjectRanking.ShortlistHead(ranking, r => r.Rank, size).Select((e, i) => (e, i)))
            _shortlist.Add(new ShortlistEntry(entry.ProposalId, index + 1, entry.Rank, entry.Score, entry.Price));
        ShortlistSize = size;
        ShortlistPublishedAt = clock.GetUtcNow();
        NoticeEndsAt = ShortlistPublishedAt.Value.AddDays(noticeDays);
        Status = ProjectStatus.Shortlisted;
    }

    /// <summary>
    /// Unlocks the scores (a mistake found, an objection upheld): the shortlist is withdrawn and the project
    /// is evaluated again. The reason is kept, with who and when, in the audited record returned.
    /// </summary>
    public ScoringReopening ReopenScoring(string reason, string by, TimeProvider clock)
    {
        if (Status is not (ProjectStatus.Finalised or ProjectStatus.Shortlisted)) throw new DomainException("Project.WrongStatus", Status);
        if (Bounds.IsBlank(reason)) throw new DomainException("Reopen.ReasonRequired");
        Bounds.Length("Reopen", reason, ScoringReopening.ReasonMaxLength, TextField.Reason);
        var reopening = new ScoringReopening(Status, reason.Trim(), by, clock.GetUtcNow());
        _reopenings.Add(reopening);
        _shortlist.Clear();
        FinalisedAt = null;
        ShortlistPublishedAt = null;
        NoticeEndsAt = null;
        Status = ProjectStatus.Evaluating;
        return reopening;
    }

    /// <summary>The recommended ranking is on public notice to the bidders: objections are accepted.</summary>
    public bool InNotice(DateTimeOffset now) => Status == ProjectStatus.Shortlisted && now < NoticeEndsAt;

    /// <summary>The notice has ended and every objection has its answer: the sponsor may award.</summary>
    public bool AcceptsAward(DateTimeOffset now) =>
        Status == ProjectStatus.Shortlisted && !(now < NoticeEndsAt) && !_objections.Any(o => o.IsOpen);

    /// <summary>
    /// A bidder objects to the recommended ranking during the notice. One open objection per institution
    /// at a time: it adds to it by a new one once answered. The service checks that it is a bidder.
    /// </summary>
    public Notice.Objection FileObjection(int institutionId, string reason, string by, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        if (!InNotice(now)) throw new DomainException("Objection.NoticeClosed");
        if (Bounds.IsBlank(reason)) throw new DomainException("Objection.ReasonRequired");
        Bounds.Length("Objection", reason, Notice.Objection.ReasonMaxLength, TextField.Reason);
        if (_objections.Any(o => o.InstitutionId == institutionId && o.IsOpen)) throw new DomainException("Objection.AlreadyOpen");
        var objection = new Notice.Objection(Id, institutionId, reason.Trim(), by, now);
        _objections.Add(objection);
        // The project row changes with it, so an award saved at the same moment (from the same version) fails.
        LastObjectionAt = now;
        return objection;
    }

    /// <summary>
    /// The sponsor picks an institution from the shortlist, after the public notice and with every objection
    /// answered (the objections must be loaded); any but the first needs a reason.
    /// </summary>
    public Award Award(int proposalId, int institutionId, string? reason, string decidedBy, TimeProvider clock)
    {
        RequireStatus(ProjectStatus.Shortlisted);
        var now = clock.GetUtcNow();
        if (now < NoticeEndsAt) throw new DomainException("Award.DuringNotice", NoticeEndsAt!.Value);
        var open = _objections.Count(o => o.IsOpen);
        if (open > 0) throw new DomainException("Award.ObjectionOpen", open);
        var entry = _shortlist.FirstOrDefault(s => s.ProposalId == proposalId)
            ?? throw new DomainException("Award.NotShortlisted");
        if (entry.Position != 1 && Bounds.IsBlank(reason)) throw new DomainException("Award.ReasonRequired");
        Bounds.Length("Award", reason, Domain.Award.ReasonMaxLength, TextField.Reason);
        Status = ProjectStatus.Awarded;
        return new Award(Id, proposalId, institutionId, entry.Price, Bounds.IsBlank(reason) ? null : reason!.Trim(), decidedBy, now);
    }

    public void Complete(ExecutionRecord record)
    {
        RequireStatus(ProjectStatus.Awarded);
        if (record.Status != ExecutionStatus.Completed) throw new DomainException("Execution.NotFinished");
        Status = ProjectStatus.Completed;
    }

    /// <summary>The panel changes until the scores are locked.</summary>
    public bool AcceptsPanelChanges => Status is ProjectStatus.Draft or ProjectStatus.Open or ProjectStatus.Opened or ProjectStatus.Evaluating;

    private void RequirePanelOpen()
    {
        if (!AcceptsPanelChanges) throw new DomainException("Panel.Locked");
    }

    private void RequireStatus(ProjectStatus expected)
    {
        if (Status != expected) throw new DomainException("Project.WrongStatus", Status);
    }
}
