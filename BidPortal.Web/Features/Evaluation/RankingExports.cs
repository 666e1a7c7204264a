using BidPortal.Web.Infrastructure.Files;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Data;
using BidPortal.Domain.Evaluation;
using BidPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BidPortal.Web.Features.Evaluation;

/// <summary>
/// A project's ranking and all its score sheets as CSV and Excel, headers in the reader's language. The
/// ranking comes from <see cref="Rankings.ForProjectAsync"/> (the one loader, with its access rule), so the
/// file shows what the page shows; the sheets, with every evaluator's name and comments, go to the
/// organizer only (<see cref="AccessPolicy.CanExportScores"/>).
/// </summary>
public sealed class RankingExports(IDbContextFactory<BidPortalDbContext> contexts, Rankings rankings, IStringLocalizer<RankingExports> text)
{
    public async Task<ExportFile> RankingCsvAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        var (code, table) = await RankingTableAsync(actor, projectId, ct);
        return new ExportFile($"{text["Export.Ranking.FileName", code]}.csv", ExportTable.CsvType, table.ToCsv());
    }

    public async Task<ExportFile> RankingXlsxAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        var (code, table) = await RankingTableAsync(actor, projectId, ct);
        return new ExportFile($"{text["Export.Ranking.FileName", code]}.xlsx", ExportTable.XlsxType, table.ToXlsx());
    }

    public async Task<ExportFile> ScoresCsvAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        var (code, table) = await ScoresTableAsync(actor, projectId, ct);
        return new ExportFile($"{text["Export.Scores.FileName", code]}.csv", ExportTable.CsvType, table.ToCsv());
    }

    public async Task<ExportFile> ScoresXlsxAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        var (code, table) = await ScoresTableAsync(actor, projectId, ct);
        return new ExportFile($"{text["Export.Scores.FileName", code]}.xlsx", ExportTable.XlsxType, table.ToXlsx());
    }

    /// <summary>Whether the links to all the scores are offered to this reader (false for a project it cannot see).</summary>
    public async Task<bool> CanExportScoresAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, ct);
        return project is not null && AccessPolicy.CanExportScores(actor, project);
    }

    /// <summary>
    /// One row per ranked proposal in rank order (score and every figure rounded to two decimals, as shown),
    /// the average of each typed criterion under its name, then the proposals no sheet has reached yet, unranked.
    /// </summary>
    private async Task<(string Code, ExportTable Table)> RankingTableAsync(Actor actor, int projectId, CancellationToken ct)
    {
        var view = await rankings.ForProjectAsync(actor, projectId, ct);
        var culture = Language.Reader;
        var typed = view.Criteria.Select((c, i) => (Column: c, Index: i)).Where(x => !x.Column.IsPrice).ToList();
        List<string> headers =
        [
            text["Export.Ranking.Rank"], text["Export.Institution"], text["Export.Ranking.Score"],
            .. typed.Select(x => x.Column.Name),
            text["Export.Price"], text["Export.PriceScore"], text["Export.Ranking.Spread"], text["Export.Ranking.Sheets"], text["Export.Ranking.Flags"],
        ];
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var r in view.Rows)
        {
            List<string> flags = [];
            if (r.Shortlisted) flags.Add(text["Export.Flag.Shortlisted"]);
            if (r.AbnormallyLowPrice) flags.Add(text["Export.Flag.AbnormallyLow"]);
            if (r.NeedsOutlierReason) flags.Add(text["Export.Flag.OutlierUnexplained"]);
            else if (r.HasOutlier) flags.Add(text["Export.Flag.Outlier"]);
            rows.Add(
            [
                r.Rank, r.Institution, Scoring.Round2(r.Score),
                .. typed.Select(x => (object?)Scoring.Round2(r.CriterionAverages[x.Index])),
                r.Price, Scoring.Round2(r.PriceScore), Scoring.Round2(r.Spread), r.Sheets,
                string.Join(Language.Pick(culture, "；", "; "), flags),
            ]);
        }
        foreach (var u in view.Unscored)
            rows.Add([null, u.Institution, null, .. typed.Select(_ => (object?)null), u.Price, null, null, 0, text["Export.Flag.Unscored"].Value]);
        return (view.Code, new ExportTable(text["Export.Ranking.Sheet"], headers, rows));
    }

    /// <summary>
    /// One row per submitted sheet, by proposal in the order received and then by panel seat: each typed
    /// criterion's points and comment, the computed price score, the total, the overall comment, the outlier
    /// reason and when it was submitted (Beijing time). A declared conflict is a row of its own, without points.
    /// </summary>
    private async Task<(string Code, ExportTable Table)> ScoresTableAsync(Actor actor, int projectId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var project = AccessPolicy.Found(await db.Projects.AsNoTracking().Include(p => p.Criteria)
            .Include(p => p.Panel).ThenInclude(m => m.Conflicts).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == projectId, ct));
        AccessPolicy.Demand(AccessPolicy.CanExportScores(actor, project));
        var culture = Language.Reader;
        var typed = project.OrderedCriteria.Where(c => !c.IsPrice).ToList();
        var price = project.OrderedCriteria.Single(c => c.IsPrice);
        var valid = (await Rankings.ValidProposalsAsync(db, project, ct)).OrderBy(p => p.Current.ReceivedAt).ThenBy(p => p.Id).ToList();
        var ids = valid.Select(p => p.Id).ToList();
        var institutionIds = valid.Select(p => p.InstitutionId).Distinct().ToList();
        var names = (await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToListAsync(ct))
            .ToDictionary(i => i.Id, i => i.NameIn(culture));
        var sheets = await db.ScoreSheets.AsNoTracking().Include(s => s.Items)
            .Where(s => s.Status == ScoreSheetStatus.Submitted && ids.Contains(s.ProposalId)).ToListAsync(ct);
        var lowest = valid.Count == 0 ? 0 : valid.Min(p => p.Current.Price);
        var panel = project.Panel.OrderBy(m => m.Id).ToList();

        List<string> headers =
        [
            text["Export.Scores.Evaluator"], text["Export.Institution"],
            .. typed.SelectMany(c => new[] { c.NameIn(culture), text["Export.Scores.CriterionComment", c.NameIn(culture)].Value }),
            text["Export.PriceScore"], text["Export.Scores.Total"], text["Export.Scores.OverallComment"], text["Export.Scores.OutlierReason"],
            text["Export.Scores.SubmittedAt"], text["Export.Scores.Note"],
        ];
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var proposal in valid)
        {
            var institution = names[proposal.InstitutionId];
            var priceScore = Scoring.PriceScore(lowest, proposal.Current.Price, price.MaxPoints);
            foreach (var member in panel)
            {
                if (member.Conflicts.FirstOrDefault(c => c.ProposalId == proposal.Id) is { } conflict)
                {
                    rows.Add([member.DisplayName, institution, .. typed.SelectMany(_ => new object?[] { null, null }), null, null, null, null, null,
                        text["Export.Scores.Conflict", conflict.Reason].Value]);
                    continue;
                }
                if (sheets.FirstOrDefault(s => s.PanelMemberId == member.Id && s.ProposalId == proposal.Id) is not { } sheet) continue;
                rows.Add(
                [
                    member.DisplayName, institution,
                    .. typed.SelectMany(c => new object?[] { sheet.PointsFor(c), sheet.Items.FirstOrDefault(i => i.CriterionId == c.Id)?.Comment }),
                    Scoring.Round2(priceScore), Scoring.Round2(sheet.Total(priceScore)), sheet.Comment, sheet.OutlierReason,
                    sheet.SubmittedAt is { } at ? Dates.Format(at) : null, null,
                ]);
            }
        }
        return (project.Code, new ExportTable(text["Export.Scores.Sheet"], headers, rows));
    }
}
