using System.Linq.Expressions;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;

namespace BidPortal.Domain.Access;

/// <summary>
/// The one answer to "may this person see or change this record". Pages ask it to decide what to
/// show, endpoints to decide between the file and 403, and every feature service asks it again at
/// the moment of a write, about the record it has just reloaded: a Blazor circuit can change its
/// route between render and click, so what a page checked earlier proves nothing.
/// </summary>
public static class AccessPolicy
{
    public const string DeniedKey = "Access.Denied";
    public const string NotFoundKey = "Access.NotFound";

    /// <summary>Throws the "access denied" refusal unless <paramref name="allowed"/>.</summary>
    public static void Demand(bool allowed)
    {
        if (!allowed) throw new DomainException(DeniedKey);
    }

    /// <summary>The record, or the "not found" refusal.</summary>
    public static T Found<T>(T? record) where T : class => record ?? throw new DomainException(NotFoundKey);

    public static bool IsDenied(DomainException e) => e.Key == DeniedKey;
    public static bool IsNotFound(DomainException e) => e.Key == NotFoundKey;

    // ---- Campaigns, directory, mail: the organizer's own tools ----

    public static bool CanRunCampaign(Actor actor) => actor.IsOrganizer;

    public static bool CanManageDirectory(Actor actor) => actor.IsOrganizer;

    /// <summary>An institution's own page: the organizer, or the institution's own users.</summary>
    public static bool CanSeeInstitution(Actor actor, int institutionId) =>
        actor.IsOrganizer || actor.ActsForInstitution(institutionId);

    // ---- Filings (step 1) ----

    /// <summary>The organizer sees every filing; a sponsor only its own unit's.</summary>
    public static bool CanSeeFiling(Actor actor, int sponsorUnitId) => actor.IsOrganizer || actor.ActsForUnit(sponsorUnitId);

    public static Expression<Func<Filing, bool>> VisibleFilings(Actor actor)
    {
        if (actor.IsOrganizer) return f => true;
        var unit = actor.IsSponsor ? actor.SponsorUnitId : -1;
        return f => f.SponsorUnitId == unit;
    }

    /// <summary>Create, edit, submit, attach documents: only the filing unit's own users.</summary>
    public static bool CanChangeFiling(Actor actor, int sponsorUnitId) => actor.ActsForUnit(sponsorUnitId);

    public static bool CanFileFor(Actor actor, int sponsorUnitId) => actor.ActsForUnit(sponsorUnitId);

    /// <summary>Approve, return, reject, import, leave out of consolidation.</summary>
    public static bool CanReviewFilings(Actor actor) => actor.IsOrganizer;

    /// <summary>The year's special training plan (《专题培训计划》) is the organizer's document to issue.</summary>
    public static bool CanIssueSpecialPlan(Actor actor) => actor.IsOrganizer;

    // ---- Projects and invitations (steps 2–3) ----

    public static bool CanManageProjects(Actor actor) => actor.IsOrganizer;

    /// <summary>
    /// An institution sees a project, its answers and its own invitation once the invitation has
    /// gone out; a listed-but-unsent or removed invitation shows nothing.
    /// </summary>
    public static bool CanSeeInvitation(Actor actor, Invitation invitation) =>
        actor.IsOrganizer || (actor.ActsForInstitution(invitation.InstitutionId) && invitation.IsInvited);

    /// <summary>Acknowledge, decline, ask a question, bid: the invited institution itself.</summary>
    public static bool CanRespondToInvitation(Actor actor, Invitation invitation) =>
        actor.ActsForInstitution(invitation.InstitutionId) && invitation.IsInvited;

    /// <summary>
    /// The call for proposals (推介书): the organizer always; an institution once the project is
    /// published and its own invitation on it went out and is still active (not removed, not declined).
    /// </summary>
    public static bool CanSeeCall(Actor actor, TenderProject project, Invitation? invitation) =>
        actor.IsOrganizer
        || (invitation is not null && invitation.TenderProjectId == project.Id && actor.ActsForInstitution(invitation.InstitutionId)
            && invitation.IsInvited && invitation.IsActive && project.PublishedAt is not null);

    // ---- Questions (step 4) ----

    public static bool CanAnswerQuestions(Actor actor) => actor.IsOrganizer;

    /// <summary>The organizer sees all; an invitee sees published answers and its own questions.</summary>
    public static bool CanSeeQuestion(Actor actor, Question question, Invitation? actorsInvitation) =>
        actor.IsOrganizer
        || (actorsInvitation is not null && CanSeeInvitation(actor, actorsInvitation)
            && actorsInvitation.TenderProjectId == question.TenderProjectId
            && (question.Status == QuestionStatus.Answered || question.AskedByInstitutionId == actor.InstitutionId));

    // ---- Proposals (steps 5–6) ----

    /// <summary>
    /// Sealed until opening: before it only the owning institution may list a proposal, see its
    /// price or download it — not the organizer, not an evaluator, not another institution.
    /// </summary>
    public static bool CanSeeProposal(Actor actor, Proposal proposal, TenderProject project) =>
        proposal.TenderProjectId == project.Id
        && (actor.ActsForInstitution(proposal.InstitutionId) || (actor.IsOrganizer && WasOpened(proposal)));

    /// <summary>
    /// The bid was marked valid or flagged at an opening. Said of the bid, not the project: a round later
    /// re-tendered, or a project cancelled after its opening, keeps its opened bids on record; a bid
    /// withdrawn before the opening was never opened.
    /// </summary>
    public static bool WasOpened(Proposal proposal) => proposal.Status is ProposalStatus.Valid or ProposalStatus.Invalid;

    /// <summary>
    /// The opening record (开标记录) is public to the bidders, as in a public opening: once the project
    /// is opened (or cancelled after its opening), the organizer and every institution with a bid on
    /// the project's round — including one it withdrew — may read it; nobody before the opening.
    /// </summary>
    public static bool CanSeeOpeningRecord(Actor actor, TenderProject project, IReadOnlyCollection<int> bidInstitutionIds) =>
        (project.IsOpened || (project.Status == ProjectStatus.Cancelled && project.OpenedAt is not null))
        && (actor.IsOrganizer || (actor.IsInstitution && bidInstitutionIds.Contains(actor.InstitutionId!.Value)));

    /// <summary>Open the proposals, re-tender or cancel an unsuccessful tender: the organizer.</summary>
    public static bool CanRunOpening(Actor actor) => actor.IsOrganizer;

    // ---- Evaluation and ranking (steps 7–8) ----

    /// <summary>
    /// The ranking with institution names: the organizer once the proposals are opened; the lead
    /// sponsoring unit once the shortlist is published to it.
    /// </summary>
    public static bool CanSeeRanking(Actor actor, TenderProject project) =>
        (actor.IsOrganizer && project.IsOpened && project.Status != ProjectStatus.Unsuccessful)
        || (actor.ActsForUnit(project.LeadSponsorUnitId)
            && project.Status is ProjectStatus.Shortlisted or ProjectStatus.Awarded or ProjectStatus.Completed);

    /// <summary>An evaluator's own panels (the projects it sits on, with its progress).</summary>
    public static bool CanSeeOwnPanels(Actor actor) => actor.IsEvaluator;

    /// <summary>Rubrics, panels, starting and locking the evaluation, publishing and reopening: the organizer.</summary>
    public static bool CanManageEvaluation(Actor actor) => actor.IsOrganizer;

    /// <summary>
    /// An evaluator's view of a project it sits on, from the start of the evaluation (its own sheets stay
    /// readable after the scores are locked). <paramref name="member"/> is the actor's own seat on the
    /// panel, looked up by the signed-in user — null when it has none. Projects it does not sit on, or
    /// not yet under evaluation, do not exist for it.
    /// </summary>
    public static bool CanEvaluate(Actor actor, TenderProject project, PanelMember? member) =>
        actor.IsEvaluator && member is not null && member.TenderProjectId == project.Id
        && project.Status is ProjectStatus.Evaluating or ProjectStatus.Finalised or ProjectStatus.Shortlisted
            or ProjectStatus.Awarded or ProjectStatus.Completed;

    /// <summary>
    /// One proposal, its document and fields, to an evaluator: on its panel, after its declaration of
    /// conflicts, not conflicted on this proposal, and only a valid proposal of the current round.
    /// </summary>
    public static bool CanEvaluateProposal(Actor actor, TenderProject project, PanelMember? member, Proposal proposal) =>
        CanEvaluate(actor, project, member) && member!.HasDeclared && !member.IsConflicted(proposal.Id)
        && proposal.TenderProjectId == project.Id && proposal.Round == project.Round && proposal.Status == ProposalStatus.Valid;

    /// <summary>Draft, submit or justify a sheet: as <see cref="CanEvaluateProposal"/>, while the project is being scored.</summary>
    public static bool CanScore(Actor actor, TenderProject project, PanelMember? member, Proposal proposal) =>
        CanEvaluateProposal(actor, project, member, proposal) && project.AcceptsScores;

    /// <summary>
    /// Independence: the other evaluators' sheets for a proposal only once one's own for it is submitted
    /// (the organizer, who does not score, sees the progress and the ranking instead).
    /// </summary>
    public static bool CanSeePanelScores(ScoreSheet? ownSheet) => ownSheet is { Status: ScoreSheetStatus.Submitted };

    /// <summary>
    /// Every evaluator's sheets, by name, with their comments and conflicts (the "all scores" export): the
    /// organizer, whenever it may see the ranking. The sponsor gets the ranking and the shortlist, never
    /// who scored what.
    /// </summary>
    public static bool CanExportScores(Actor actor, TenderProject project) => actor.IsOrganizer && CanSeeRanking(actor, project);

    // ---- Shortlist, public notice, award, execution, open data (steps 9–10) ----

    /// <summary>The published shortlist on screen, as a PDF and by mail: the project's lead sponsor (and the organizer).</summary>
    public static bool CanSeeShortlist(Actor actor, TenderProject project) =>
        project.ShortlistPublishedAt is not null || project.Status is ProjectStatus.Awarded or ProjectStatus.Completed
            ? actor.IsOrganizer || actor.ActsForUnit(project.LeadSponsorUnitId)
            : false;

    /// <summary>
    /// Whose decision the award is, whatever the moment: the lead sponsor of a published shortlist. It sees the award
    /// panel with its controls; <see cref="CanAward"/> says whether the pick can be made now.
    /// </summary>
    public static bool CanDecideAward(Actor actor, TenderProject project) =>
        actor.ActsForUnit(project.LeadSponsorUnitId) && CanSeeShortlist(actor, project);

    /// <summary>The pick from the shortlist: the lead sponsor, once the notice is over with every objection answered.</summary>
    public static bool CanAward(Actor actor, TenderProject project, DateTimeOffset now) =>
        actor.ActsForUnit(project.LeadSponsorUnitId) && project.AcceptsAward(now);

    /// <summary>
    /// The recommended ranking on public notice: every institution that bid (an opened proposal of the
    /// current round; <paramref name="bidInstitutionIds"/>), from publication on.
    /// </summary>
    public static bool CanSeeNotice(Actor actor, TenderProject project, IReadOnlyCollection<int> bidInstitutionIds) =>
        actor.IsInstitution && bidInstitutionIds.Contains(actor.InstitutionId!.Value)
        && (project.ShortlistPublishedAt is not null || project.Status is ProjectStatus.Awarded or ProjectStatus.Completed);

    /// <summary>An objection (质疑): a bidder, during the notice period.</summary>
    public static bool CanObject(Actor actor, TenderProject project, IReadOnlyCollection<int> bidInstitutionIds, DateTimeOffset now) =>
        CanSeeNotice(actor, project, bidInstitutionIds) && project.InNotice(now);

    /// <summary>Objections are read and answered by the organizer; a bidder reads only its own.</summary>
    public static bool CanAnswerObjections(Actor actor) => actor.IsOrganizer;

    /// <summary>The outcome (awarded, or not with its rank): each institution that bid, once the project is awarded.</summary>
    public static bool CanSeeOutcome(Actor actor, TenderProject project, IReadOnlyCollection<int> bidInstitutionIds) =>
        actor.IsInstitution && bidInstitutionIds.Contains(actor.InstitutionId!.Value)
        && project.Status is ProjectStatus.Awarded or ProjectStatus.Completed;

    /// <summary>An awarded project's execution record and its report: the organizer and the lead sponsor.</summary>
    public static bool CanSeeExecution(Actor actor, TenderProject project) =>
        (actor.IsOrganizer || actor.ActsForUnit(project.LeadSponsorUnitId))
        && project.Status is ProjectStatus.Awarded or ProjectStatus.Completed;

    /// <summary>Dates held, trainees, cost and the report: the organizer or the lead sponsor, until the report completes it.</summary>
    public static bool CanRecordExecution(Actor actor, TenderProject project) =>
        CanSeeExecution(actor, project) && project.Status == ProjectStatus.Awarded;

    /// <summary>The campaign's dashboard, summary PDF, list downloads and open-data package: the organizer.</summary>
    public static bool CanExportCampaign(Actor actor) => actor.IsOrganizer;

    // ---- Mail ----

    /// <summary>The outbox shows every mail's recipient and text: the organizer only.</summary>
    public static bool CanReadOutbox(Actor actor) => actor.IsOrganizer;
}
