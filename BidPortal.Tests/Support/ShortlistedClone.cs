using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace BidPortal.Tests.Support;

/// <summary>
/// A fresh shortlisted project made like the demo's C-05 — its course, rubric, bidders with their real sealed files, its
/// panel and every submitted sheet with the same points — through the domain on a clock in the past, so its ranking is
/// C-05's. Lead sponsor: C-05's (财政局, account sponsor.czj). By default the public notice is over and nothing is open,
/// so the lead sponsor may award; <c>noticeRunning</c> publishes it an hour ago, <c>openObjection</c> leaves an objection
/// of the last-ranked bidder unanswered, <c>invalidBids</c> marks that many of the last bids invalid at the opening
/// (they bid, but have no rank). Browser tests share one database: awarding this project leaves C-05 as the demo has it.
/// </summary>
public sealed record ShortlistedClone(
    int ProjectId,
    string Code,
    int LeadSponsorUnitId,
    DateTimeOffset NoticeEndsAt,
    // The shortlist in recommended order: proposal and institution.
    IReadOnlyList<(int ProposalId, int InstitutionId)> Shortlist,
    // Every institution that bid (opened, valid or invalid), with its rank; null for an invalid bid.
    IReadOnlyDictionary<int, int?> RankOfInstitution)
{
    /// <summary>The lead sponsor's demo account as a service caller.</summary>
    public Actor LeadSponsor => Actor.Of("sponsor.czj", Roles.Sponsor, sponsorUnitId: LeadSponsorUnitId);

    public static async Task<ShortlistedClone> CreateAsync(PortalFactory factory, bool noticeRunning = false, bool openObjection = false,
        int invalidBids = 0)
    {
        await using var db = factory.CreateDbContext();
        var model = await db.Projects.Include(p => p.Sources).ThenInclude(f => f.SponsorUnit).Include(p => p.Criteria).Include(p => p.Panel)
            .AsSplitQuery().SingleAsync(p => p.Code == "C-05" && p.Sources.Any());
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == model.CampaignId);
        var now = DateTimeOffset.UtcNow;
        var clock = new FakeTimeProvider(now.AddDays(-25));
        var filings = model.Sources.Select(f => new Filing(campaign, f.SponsorUnit!, new FilingDetails(f.Title, f.Theme, f.TargetTrainees,
            f.Headcount, f.Days, f.PlannedStart, f.PlannedEnd, f.Place, f.Budget, f.Objectives, f.IsCrossUnit, f.IsMajorTopic), clock)).ToList();
        foreach (var filing in filings)
        {
            filing.Submit(clock);
            filing.Approve(intoSpecialPlan: true, clock);
        }
        db.Filings.AddRange(filings);
        var models = await db.Proposals.Include(p => p.Versions)
            .Where(p => p.TenderProjectId == model.Id && p.Round == model.Round && p.Status == ProposalStatus.Valid).OrderBy(p => p.Id).ToListAsync();
        var institutionIds = models.Select(p => p.InstitutionId).ToList();
        var institutions = await db.Institutions.Where(i => institutionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id);
        var code = "S-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var project = TenderProject.Consolidate(campaign, code, model.Title, model.TitleEn, model.Description, model.Theme, model.Tags, filings,
            model.Headcount, model.BudgetCeiling);
        project.ReplaceRubric([.. model.OrderedCriteria.Select(c => new CriterionDraft(c.Name, c.NameEn, c.MaxPoints, c.IsPrice))]);
        db.Projects.Add(project);
        foreach (var m in models) project.Invite(institutions[m.InstitutionId], InvitationBasis.AddedByOrganizer, "测试：与 C-05 相同的投标机构");
        var deadline = now.AddDays(-13);
        project.Publish(deadline, clock);
        foreach (var invitation in project.Invitations) invitation.MarkSent(clock);
        await db.SaveChangesAsync();

        // The bids, as C-05's arrived, then the opening: the last invalidBids of them fail it.
        var proposals = new Dictionary<int, Proposal>();
        foreach (var (m, index) in models.Select((m, i) => (m, i)))
        {
            clock.SetUtcNow(now.AddDays(-15).AddMinutes(index));
            var v = m.Current;
            var upload = new ProposalUpload(v.FileName, v.Size, v.Sha256, v.StorageKey, v.Price, v.Days, v.Faculty, v.CourseOutline, v.Trainees, v.WrappedKey);
            var invitation = project.Invitations.Single(i => i.InstitutionId == m.InstitutionId);
            proposals[m.Id] = Proposal.Submit(project, invitation, upload, $"TB{campaign.Year}-{code}-{institutions[m.InstitutionId].Code}", clock);
        }
        db.Proposals.AddRange(proposals.Values);
        await db.SaveChangesAsync();
        var invalid = models.TakeLast(invalidBids).Select(m => m.Id).ToHashSet();
        foreach (var (modelId, p) in proposals) p.MarkOpened(!invalid.Contains(modelId));
        clock.SetUtcNow(deadline.AddHours(1));
        project.Open(proposals.Values.Count(p => p.Status == ProposalStatus.Valid), clock);

        // C-05's panel, none conflicted, and each of its submitted sheets again, in the order they were sent.
        var members = model.Panel.ToDictionary(m => m.Id, m => project.AddPanelMember(m.UserId, m.DisplayName));
        project.StartEvaluation();
        foreach (var member in members.Values) member.Declare([], new HashSet<int>(), clock);
        await db.SaveChangesAsync();
        var criteria = project.OrderedCriteria;
        var modelCriteria = model.OrderedCriteria;
        var criterionOf = modelCriteria.Zip(criteria).ToDictionary(x => x.First.Id, x => x.Second);
        var price = criteria.Single(c => c.IsPrice);
        var valid = proposals.Where(p => p.Value.Status == ProposalStatus.Valid).ToDictionary(p => p.Key, p => p.Value);
        var lowest = valid.Values.Min(p => p.Current.Price);
        var modelIds = valid.Keys.ToList();
        var modelSheets = await db.ScoreSheets.AsNoTracking().Include(s => s.Items)
            .Where(s => modelIds.Contains(s.ProposalId) && s.Status == ScoreSheetStatus.Submitted)
            .OrderBy(s => s.SubmittedAt).ThenBy(s => s.Id).ToListAsync();
        var totals = new Dictionary<int, List<decimal>>();
        clock.SetUtcNow(deadline.AddDays(1));
        foreach (var m in modelSheets.Where(s => members.ContainsKey(s.PanelMemberId)))
        {
            var proposal = valid[m.ProposalId];
            var sheet = new ScoreSheet(members[m.PanelMemberId], proposal.Id);
            foreach (var item in m.Items.Where(i => criterionOf.ContainsKey(i.CriterionId) && !criterionOf[i.CriterionId].IsPrice))
                sheet.Record(criterionOf[item.CriterionId], item.Points, null);
            var priceScore = Scoring.PriceScore(lowest, proposal.Current.Price, price.MaxPoints);
            var before = totals.TryGetValue(proposal.Id, out var list) ? list : totals[proposal.Id] = [];
            var reason = m.OutlierReason ?? (Scoring.IsOutlierAmong(sheet.Total(priceScore), before) ? "测试：与 C-05 相同的评分" : null);
            sheet.Submit(criteria, priceScore, before, reason, clock);
            before.Add(sheet.Total(priceScore));
            db.ScoreSheets.Add(sheet);
        }
        await db.SaveChangesAsync();

        // Locked and published: an hour ago (the notice running) or long enough ago for the notice to be over.
        var published = noticeRunning ? now.AddHours(-1) : now.AddDays(-campaign.NoticeDays - 2);
        clock.SetUtcNow(published);
        var ranking = await RankingAsync(db, project);
        project.Finalise(0, ranking, clock);
        project.PublishShortlist(ProjectRanking.AsRanked(ranking), project.ShortlistSize, campaign.NoticeDays, clock);
        await db.SaveChangesAsync();
        var rankOf = ranking.ToDictionary(l => l.ProposalId, l => l.Rank);
        if (openObjection)
        {
            var last = ranking[^1];
            var objector = proposals.Values.Single(p => p.Id == last.ProposalId).InstitutionId;
            clock.SetUtcNow(published.AddMinutes(30));
            project.FileObjection(objector, "测试：对推荐排名提出质疑，请核对价格分的计算。", "inst.test", clock);
            await db.SaveChangesAsync();
        }
        return new ShortlistedClone(project.Id, code, project.LeadSponsorUnitId, project.NoticeEndsAt!.Value,
            [.. project.Shortlist.OrderBy(s => s.Position).Select(s => (s.ProposalId, proposals.Values.Single(p => p.Id == s.ProposalId).InstitutionId))],
            proposals.Values.ToDictionary(p => p.InstitutionId, p => rankOf.TryGetValue(p.Id, out var r) ? r : (int?)null));
    }

    /// <summary>The ranking as the portal computes it (Rankings.ComputeAsync), from the stored sheets.</summary>
    private static async Task<IReadOnlyList<RankingLine>> RankingAsync(BidPortal.Domain.Data.BidPortalDbContext db, TenderProject project)
    {
        var proposals = await db.Proposals.Include(p => p.Versions)
            .Where(p => p.TenderProjectId == project.Id && p.Round == project.Round && p.Status == ProposalStatus.Valid).ToListAsync();
        var ids = proposals.Select(p => p.Id).ToList();
        var sheets = await db.ScoreSheets.Include(s => s.Items).Where(s => ids.Contains(s.ProposalId) && s.Status == ScoreSheetStatus.Submitted).ToListAsync();
        return ProjectRanking.Compute(project.Criteria,
            [.. proposals.Select(p => new RankingProposal(p.Id, p.Current.Price, p.Current.ReceivedAt))],
            [.. sheets.Select(s => new RankingSheet(s.PanelMemberId, s.ProposalId, s.Items.ToDictionary(i => i.CriterionId, i => i.Points ?? 0), s.OutlierReason))],
            new HashSet<(int, int)>());
    }
}
