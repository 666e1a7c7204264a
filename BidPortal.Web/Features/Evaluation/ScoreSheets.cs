using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Data;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using BidPortal.Web.Infrastructure;
using BidPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Features.Evaluation;

/// <summary>
/// The evaluator's score sheet for one proposal (step 7): read with the proposal's document and fields,
/// drafted as the evaluator goes, submitted in a separate step (with a written reason when the total is
/// more than 30% off the panel mean), justified afterwards when later sheets flag it. The evaluator is
/// always the signed-in user's own seat on the panel (<see cref="PanelSeats"/>), never an id from the page.
/// </summary>
public sealed class ScoreSheets(IDbContextFactory<BidPortalDbContext> contexts, TimeProvider clock)
{
    public async Task<ScoreSheetView> SheetAsync(Actor actor, int proposalId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (project, proposal, seat) = await LoadAsync(db, actor, proposalId, tracked: false, ct);
        var culture = Language.Reader;
        var valid = await Rankings.ValidProposalsAsync(db, project, ct);
        var priceScore = PriceScoreOf(project, proposal, valid);
        var sheets = await db.ScoreSheets.AsNoTracking().Include(s => s.Items).Where(s => s.ProposalId == proposalId).ToListAsync(ct);
        var mine = sheets.SingleOrDefault(s => s.PanelMemberId == seat.Id);
        var criteria = project.OrderedCriteria;
        var rubric = criteria.Select(c =>
        {
            var item = mine?.Items.FirstOrDefault(i => i.CriterionId == c.Id);
            return new RubricLine(c.Id, c.NameIn(culture), c.MaxPoints, c.IsPrice, c.IsPrice ? priceScore : item?.Points, item?.Comment);
        }).ToList();

        string label;
        if (project.BlindEvaluation)
            label = LocalizationSetup.Catalog.Format("Blind.Label", culture, BlindLabels.For(valid.Select(p => p.Id))[proposal.Id]);
        else
            label = (await db.Institutions.AsNoTracking().SingleAsync(i => i.Id == proposal.InstitutionId, ct)).NameIn(culture);
        var version = proposal.Current;
        var fileName = project.BlindEvaluation
            ? LocalizationSetup.Catalog.Format("Blind.FileName", culture, BlindLabels.For(valid.Select(p => p.Id))[proposal.Id]) + Path.GetExtension(version.FileName)
            : version.FileName;
        var facts = new ProposalFacts(version.Id, version.Price, version.Days, version.Trainees, version.Faculty, version.CourseOutline,
            version.ReceivedAt, fileName, FileTypes.KindOfName(version.FileName) is null or DocumentFileKind.Pdf);

        // Independence: the others' sheets only once this evaluator's own is submitted.
        IReadOnlyList<PanelSheetScore>? others = null;
        var submitted = await CountedSheetsAsync(db, project.Id, proposalId, sheets, ct);
        if (AccessPolicy.CanSeePanelScores(mine))
        {
            var names = await db.PanelMembers.AsNoTracking().Where(m => m.TenderProjectId == project.Id).ToDictionaryAsync(m => m.Id, m => m.DisplayName, ct);
            others = [.. submitted.Where(s => s.PanelMemberId != seat.Id).OrderBy(s => names.GetValueOrDefault(s.PanelMemberId), StringComparer.Ordinal)
                .Select(s => new PanelSheetScore(names.GetValueOrDefault(s.PanelMemberId) ?? "—", s.Total(priceScore),
                    [.. criteria.Select(c => c.IsPrice ? priceScore : s.PointsFor(c))], s.OutlierReason))];
        }
        var needsJustification = mine is { Status: ScoreSheetStatus.Submitted } && string.IsNullOrWhiteSpace(mine.OutlierReason)
            && Scoring.IsOutlierAmong(mine.Total(priceScore), OtherTotals(submitted, seat.Id, priceScore));

        return new ScoreSheetView(proposal.Id, project.Id, project.Code, project.TitleIn(culture), label, project.BlindEvaluation, facts, rubric,
            mine?.Comment, mine?.Status, mine?.SubmittedAt, mine?.OutlierReason, priceScore,
            AccessPolicy.CanScore(actor, project, seat, proposal) && mine?.Status != ScoreSheetStatus.Submitted,
            needsJustification && project.AcceptsScores, others);
    }

    /// <summary>Saves the draft as it stands (the sheet is created on the first save). Returns when it was saved.</summary>
    public async Task<DateTimeOffset> SaveDraftAsync(Actor actor, int proposalId, SheetInput input, CancellationToken ct = default)
    {
        await WriteAsync(actor, proposalId, (_, _, _, sheet) => Task.CompletedTask, input, ct);
        return clock.GetUtcNow();
    }

    /// <summary>
    /// Saves the draft values and submits them: every typed criterion needs points, and a total more than 30% off
    /// the panel mean needs <paramref name="outlierReason"/> ("Score.OutlierReasonRequired" otherwise — the values
    /// are kept as a draft so nothing typed is lost).
    /// </summary>
    public Task SubmitAsync(Actor actor, int proposalId, SheetInput input, string? outlierReason, CancellationToken ct = default) =>
        WriteAsync(actor, proposalId, async (db, project, proposal, sheet) =>
        {
            var valid = await Rankings.ValidProposalsAsync(db, project, ct);
            var priceScore = PriceScoreOf(project, proposal, valid);
            var others = OtherTotals(await CountedSheetsAsync(db, project.Id, proposalId, null, ct), sheet.PanelMemberId, priceScore);
            sheet.Submit(project.OrderedCriteria, priceScore, others, outlierReason, clock);
        }, input, ct, keepDraftOnRefusal: true);

    /// <summary>
    /// Asked before the "submit for good" confirmation: whether these points would put the total more than 30% off
    /// the panel mean, so the page asks for the written reason first (the submit itself checks again).
    /// </summary>
    public async Task<bool> NeedsReasonAsync(Actor actor, int proposalId, SheetInput input, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (project, proposal, seat) = await LoadAsync(db, actor, proposalId, tracked: false, ct);
        RequireOpen(actor, project, seat, proposal);
        var valid = await Rankings.ValidProposalsAsync(db, project, ct);
        var priceScore = PriceScoreOf(project, proposal, valid);
        var others = OtherTotals(await CountedSheetsAsync(db, project.Id, proposalId, null, ct), seat.Id, priceScore);
        var typed = input.Items.Where(i => i.Points is not null).GroupBy(i => i.CriterionId).ToDictionary(g => g.Key, g => g.Last().Points!.Value);
        var total = project.OrderedCriteria.Where(c => !c.IsPrice).Sum(c => typed.GetValueOrDefault(c.Id)) + priceScore;
        return Scoring.IsOutlierAmong(total, others);
    }

    /// <summary>The written reason for a submitted total that later sheets moved far from the mean, while the scores are open.</summary>
    public async Task JustifyAsync(Actor actor, int proposalId, string reason, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateForAsync(actor, ct);
        var (project, proposal, seat) = await LoadAsync(db, actor, proposalId, tracked: true, ct);
        RequireOpen(actor, project, seat, proposal);
        var sheet = await db.ScoreSheets.Include(s => s.Items).SingleOrDefaultAsync(s => s.ProposalId == proposalId && s.PanelMemberId == seat.Id, ct)
            ?? throw new DomainException("Score.NotSubmitted");
        sheet.JustifyOutlier(reason);
        await db.SaveChangesAsync(ct);
    }

    private async Task WriteAsync(Actor actor, int proposalId, Func<BidPortalDbContext, TenderProject, Proposal, ScoreSheet, Task> then,
        SheetInput input, CancellationToken ct, bool keepDraftOnRefusal = false)
    {
        // Two tabs may make the first save together: the unique (member, proposal) index refuses the second sheet,
        // which then writes into the one the first created.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteOnceAsync(actor, proposalId, then, input, keepDraftOnRefusal, ct);
                return;
            }
            catch (DomainException e) when (e.Key == "Save.Duplicate" && attempt < 2)
            {
            }
        }
    }

    private async Task WriteOnceAsync(Actor actor, int proposalId, Func<BidPortalDbContext, TenderProject, Proposal, ScoreSheet, Task> then,
        SheetInput input, bool keepDraftOnRefusal, CancellationToken ct)
    {
        await using var db = await contexts.CreateForAsync(actor, ct);
        var (project, proposal, seat) = await LoadAsync(db, actor, proposalId, tracked: true, ct);
        RequireOpen(actor, project, seat, proposal);
        var sheet = await db.ScoreSheets.Include(s => s.Items).SingleOrDefaultAsync(s => s.ProposalId == proposalId && s.PanelMemberId == seat.Id, ct);
        if (sheet is null)
        {
            sheet = new ScoreSheet(seat, proposalId);
            db.ScoreSheets.Add(sheet);
        }
        if (sheet.Status == ScoreSheetStatus.Submitted) throw new DomainException("Score.AlreadySubmitted");
        var typed = input.Items.Where(i => i.CriterionId != 0).GroupBy(i => i.CriterionId).ToDictionary(g => g.Key, g => g.Last());
        foreach (var criterion in project.OrderedCriteria.Where(c => !c.IsPrice))
        {
            // A line the page did not send keeps what is stored.
            if (typed.TryGetValue(criterion.Id, out var line)) sheet.Record(criterion, line.Points, line.Comment);
        }
        sheet.Remark(input.Comment);
        try
        {
            await then(db, project, proposal, sheet);
        }
        catch (DomainException) when (keepDraftOnRefusal)
        {
            // Refused to submit (incomplete, or a reason needed): what was typed is still kept as the draft.
            await db.SaveChangesAsync(ct);
            throw;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The scores can change: not yet locked by finalising.</summary>
    private static void RequireOpen(Actor actor, TenderProject project, PanelMember seat, Proposal proposal)
    {
        if (!AccessPolicy.CanScore(actor, project, seat, proposal)) throw new DomainException("Score.Locked");
    }

    /// <summary>
    /// The proposal, its project (with the rubric) and the actor's seat, checked: a proposal the actor may not
    /// evaluate does not exist for it, except that an evaluator who has not yet declared its conflicts is sent to
    /// the declaration ("Conflict.NotDeclared").
    /// </summary>
    private static async Task<(TenderProject Project, Proposal Proposal, PanelMember Seat)> LoadAsync(BidPortalDbContext db, Actor actor,
        int proposalId, bool tracked, CancellationToken ct)
    {
        if (!actor.IsEvaluator) throw new DomainException(AccessPolicy.NotFoundKey);
        var proposals = tracked ? db.Proposals : db.Proposals.AsNoTracking();
        var proposal = AccessPolicy.Found(await proposals.Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == proposalId, ct));
        var projects = tracked ? db.Projects : db.Projects.AsNoTracking();
        var project = await projects.Include(p => p.Criteria).SingleAsync(p => p.Id == proposal.TenderProjectId, ct);
        var seat = await PanelSeats.FindAsync(db, actor, project.Id, tracked, ct);
        if (AccessPolicy.CanEvaluateProposal(actor, project, seat, proposal)) return (project, proposal, seat!);
        if (AccessPolicy.CanEvaluate(actor, project, seat) && !seat!.HasDeclared && proposal.Round == project.Round
            && proposal.Status == ProposalStatus.Valid)
            throw new DomainException("Conflict.NotDeclared", project.Id);
        throw new DomainException(AccessPolicy.NotFoundKey);
    }

    /// <summary>Lowest valid price of the round ÷ this price × the price criterion's points (0 without a price criterion).</summary>
    /// <summary>The panel's other submitted totals for a proposal, each with the proposal's price score: what the 30% rule compares with.</summary>
    private static List<decimal> OtherTotals(IEnumerable<ScoreSheet> submitted, int ownMemberId, decimal priceScore) =>
        [.. submitted.Where(s => s.PanelMemberId != ownMemberId).Select(s => s.Total(priceScore))];

    private static decimal PriceScoreOf(TenderProject project, Proposal proposal, List<Proposal> valid)
    {
        var price = project.Criteria.FirstOrDefault(c => c.IsPrice);
        if (price is null || valid.Count == 0) return 0;
        return Scoring.PriceScore(valid.Min(p => p.Current.Price), proposal.Current.Price, price.MaxPoints);
    }

    /// <summary>The proposal's submitted sheets that count: those of panel members not conflicted on it.</summary>
    private static async Task<List<ScoreSheet>> CountedSheetsAsync(BidPortalDbContext db, int projectId, int proposalId,
        IReadOnlyList<ScoreSheet>? loaded, CancellationToken ct)
    {
        var conflicted = await db.Set<ConflictDeclaration>().AsNoTracking().Where(c => c.ProposalId == proposalId).Select(c => c.PanelMemberId).ToListAsync(ct);
        var members = await db.PanelMembers.AsNoTracking().Where(m => m.TenderProjectId == projectId).Select(m => m.Id).ToListAsync(ct);
        var sheets = loaded ?? await db.ScoreSheets.AsNoTracking().Include(s => s.Items).Where(s => s.ProposalId == proposalId).ToListAsync(ct);
        return [.. sheets.Where(s => s.Status == ScoreSheetStatus.Submitted && members.Contains(s.PanelMemberId) && !conflicted.Contains(s.PanelMemberId))];
    }
}
