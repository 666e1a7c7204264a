using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BidPortal.Domain;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Data;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using BidPortal.Web.Features.Evaluation;
using BidPortal.Web.Infrastructure.Files;
using BidPortal.Web.Infrastructure.Sealing;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Infrastructure.Seeding;

/// <summary>
/// Replays one campaign through the domain's own transitions, each at its recorded moment, so
/// the demo obeys every rule a real campaign does (deadlines, price scores, shortlists).
/// </summary>
public sealed class CampaignSeeder(BidPortalDbContext db, ProposalVault vault, DateTimeOffset now)
{
    private readonly SeedClock _clock = new(now);
    private Dictionary<string, SponsorUnit> _units = [];
    private Dictionary<string, Institution> _institutions = [];
    private Dictionary<string, (string Id, string Name)> _experts = [];
    private readonly Dictionary<string, Filing> _filings = [];

    public async Task SeedAsync(CampaignSeed seed, CancellationToken ct)
    {
        _units = await db.SponsorUnits.ToDictionaryAsync(u => u.Code, ct);
        _institutions = await db.Institutions.ToDictionaryAsync(i => i.Code, ct);
        // Login → user id and the account's display name, which the panel shows ("王教授（评审专家）", not "expert01").
        _experts = (await db.Users.Where(u => u.UserName!.StartsWith("expert")).Select(u => new { u.UserName, u.Id, u.DisplayName }).ToListAsync(ct))
            .ToDictionary(u => u.UserName!, u => (u.Id, u.DisplayName));

        var campaign = await SeedCampaignAsync(seed, ct);
        foreach (var filing in seed.Filings) SeedFiling(campaign, filing);
        await db.SaveChangesAsync(ct);

        if (seed.Status is CampaignStatus.Tendering or CampaignStatus.Executing or CampaignStatus.Closed) campaign.StartTendering();
        foreach (var project in seed.Projects) await SeedProjectAsync(campaign, seed, project, ct);
        if (seed.Status is CampaignStatus.Executing or CampaignStatus.Closed) campaign.StartExecution();
        if (seed.Status is CampaignStatus.Closed) campaign.Close();
        await db.SaveChangesAsync(ct);
    }

    private async Task<Campaign> SeedCampaignAsync(CampaignSeed seed, CancellationToken ct)
    {
        var year = seed.Year ?? now.Year;
        var campaign = new Campaign(year, seed.Name.Replace("{year}", $"{year}"), seed.NameEn.Replace("{year}", $"{year}"), seed.Illustrative);
        campaign.SetDefaultRubric([.. seed.Rubric.Select(c => new CriterionDraft(c.Name, c.NameEn, c.MaxPoints, c.IsPrice))]);
        campaign.OpenFiling();
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return campaign;
    }

    private DateTimeOffset At(string text) => SeedFiles.Instant(text, now);

    private SeedClock Clock(string text)
    {
        _clock.Now = At(text);
        return _clock;
    }

    private void SeedFiling(Campaign campaign, FilingSeed s)
    {
        var today = campaign.LocalDate(now);
        var details = new FilingDetails(s.Title, s.Theme, s.TargetTrainees, s.Headcount, s.Days,
            SeedFiles.Date(s.PlannedStart, today), SeedFiles.Date(s.PlannedEnd, today), s.Place, s.Budget, s.Objectives,
            s.CrossUnit, s.MajorTopic);
        var filing = new Filing(campaign, _units[s.Unit], details, Clock(s.FiledAt));
        _filings[s.Ref] = filing;
        db.Filings.Add(filing);
        if (s.Draft) return;
        filing.Submit(Clock(s.FiledAt));
        if (s.Review is { } review)
        {
            var clock = Clock(review.At);
            switch (review.Decision)
            {
                case "approve": filing.Approve(review.SpecialPlan, clock, review.Comment); break;
                case "return": filing.ReturnForChanges(review.Comment!, clock); break;
                case "reject": filing.Reject(review.Comment!, clock); break;
                default: throw new InvalidDataException($"Unknown review decision {review.Decision} on {s.Ref}");
            }
        }
        foreach (var document in s.Documents ?? [])
        {
            var (size, hash) = Placeholder($"{s.Ref}/{document.Kind}");
            // Named as a Dongying clerk would name the file (办班通知-M005.pdf), not by the program's kind.
            var name = $"{TextCatalog.Domain.EnumText(document.Kind, CultureInfo.GetCultureInfo("zh-CN"))}-{s.Ref}.pdf";
            filing.AttachDocument(document.Kind, name, size, hash, storageKey: null, Clock(document.At));
        }
        if (s.Exclusion is { } exclusion) filing.Exclude(exclusion.Kind, exclusion.Reason, Clock(exclusion.At));
    }

    private async Task SeedProjectAsync(Campaign campaign, CampaignSeed seed, ProjectSeed s, CancellationToken ct)
    {
        // The tags come from the routing rule, as the merge form proposes them: units' systems and the course's topic.
        Filing[] sources = [.. s.Sources.Select(r => _filings[r])];
        var project = TenderProject.Consolidate(campaign, s.Code, s.Title, s.TitleEn, s.Description, s.Theme,
            SpecialtyTags.ForFilings(sources), sources);
        db.Projects.Add(project);
        InviteByRule(project, s);
        foreach (var expert in s.Panel ?? []) project.AddPanelMember(_experts[expert].Id, _experts[expert].Name);
        await db.SaveChangesAsync(ct);
        if (s.Stage == "draft") return;

        project.Publish(At(s.Deadline!), Clock(s.PublishedAt!));
        foreach (var invitation in project.Invitations)
        {
            var clock = Clock(s.PublishedAt!);
            invitation.MarkSent(clock);
            invitation.MarkDelivered(clock);
            var ack = s.Invitations[invitation.Institution!.Code];
            switch (ack.Ack)
            {
                case "portal": invitation.Acknowledge(AcknowledgedVia.Portal, Clock(ack.At!)); break;
                case "link": invitation.Acknowledge(AcknowledgedVia.EmailLink, Clock(ack.At!)); break;
                case "phone": invitation.RecordPhoneConfirmation("组织部培训办", At(ack.At!), null, Clock(ack.At!)); break;
            }
        }
        foreach (var q in s.Questions ?? [])
        {
            var question = new Question(project, InvitationOf(project, q.Institution), q.Text, Clock(q.AskedAt));
            if (q.Answer is not null) question.AnswerWith(q.Answer, q.Material, Clock(q.AnsweredAt!));
            db.Questions.Add(question);
        }
        var proposals = new Dictionary<string, Proposal>();
        // The documents are written and sealed side by side (the vault serves concurrent uploads alike);
        // the proposals are then recorded one by one, in the order they arrived.
        ProposalSeed[] bids = s.Proposals ?? [];
        var uploads = await Task.WhenAll(bids.Select(p => Task.Run(() => SealAsync(project, s, p, ct), ct)));
        foreach (var (p, upload) in bids.Zip(uploads))
            proposals[p.Institution] = Proposal.Submit(project, InvitationOf(project, p.Institution), upload, $"TB{campaign.Year}-{s.Code}-{p.Institution}", Clock(p.ReceivedAt));
        db.Proposals.AddRange(proposals.Values);
        await db.SaveChangesAsync(ct);
        if (s.Stage is "open" or "closed") return;

        // Opened as the organizer opens: each file decrypted and its hash checked against the receipt.
        foreach (var proposal in proposals.Values)
        {
            var version = proposal.Current;
            proposal.MarkOpened(await vault.MatchesAsync(version.StorageKey!, version.WrappedKey!, version.Sha256, ct));
        }
        project.Open(proposals.Values.Count(p => p.Status == ProposalStatus.Valid), Clock(s.OpenedAt!));
        await db.SaveChangesAsync(ct);
        if (project.Status == ProjectStatus.Unsuccessful) return;

        project.StartEvaluation();
        await ScoreAsync(project, s, proposals, ct);
        if (s.Stage == "evaluating") return;

        var ranking = await Rankings.ComputeAsync(db, project.Id, ct);
        project.Finalise(await Rankings.MissingSheetsAsync(db, project.Id, ct), ranking, Clock(s.FinalisedAt!));
        project.PublishShortlist(ProjectRanking.AsRanked(ranking), project.ShortlistSize, campaign.NoticeDays, Clock(s.FinalisedAt!));
        if (s.Cancel is { } cancel) project.Cancel(cancel.Reason);
        foreach (var o in s.Objections ?? [])
        {
            var objection = project.FileObjection(proposals[o.Institution].InstitutionId, o.Reason, o.FiledBy, Clock(o.FiledAt));
            if (o.Answer is not null) objection.Respond(o.Answer, reopenedScoring: false, "organizer", Clock(o.AnsweredAt!));
        }
        await db.SaveChangesAsync(ct);
        if (s.Award is null) return;

        var picked = proposals[s.Award.Institution];
        var award = project.Award(picked.Id, picked.InstitutionId, s.Award.Reason, "seed", Clock(s.Award.At));
        db.Awards.Add(award);
        var record = new ExecutionRecord(award);
        db.ExecutionRecords.Add(record);
        if (s.Execution is { } e)
        {
            var today = campaign.LocalDate(now);
            record.RecordHeld(SeedFiles.Date(e.Start, today), SeedFiles.Date(e.End, today), e.Trainees, e.Cost, today,
                by: e.RecordedAt is null ? null : "seed", clock: e.RecordedAt is null ? null : Clock(e.RecordedAt));
            if (e.ReportAt is { } reportAt)
            {
                record.SubmitReport(campaign, Clock(reportAt));
                project.Complete(record);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The routing rule decides the list; anyone else the file names was added by hand.</summary>
    private void InviteByRule(TenderProject project, ProjectSeed s)
    {
        var wanted = s.Invitations.Keys.ToHashSet();
        InvitationRule.ListOn(project, _institutions.Values, i => wanted.Remove(i.Code));
        foreach (var code in wanted)
            project.Invite(_institutions[code], InvitationBasis.AddedByOrganizer, "示例数据：组织部门补充邀请");
    }

    private async Task ScoreAsync(TenderProject project, ProjectSeed s, Dictionary<string, Proposal> proposals, CancellationToken ct)
    {
        var members = (s.Panel ?? []).ToDictionary(login => login, login => project.Panel.Single(m => m.UserId == _experts[login].Id));
        // A conflict is part of the declaration; the others named as declared found none. The rest have not declared yet.
        foreach (var c in s.Conflicts ?? [])
            members[c.Expert].DeclareConflict(proposals[c.Institution].Id, c.Reason, Clock(s.OpenedAt!), alreadyScored: false);
        foreach (var login in s.Declared ?? s.Panel ?? []) members[login].Declare([], new HashSet<int>(), Clock(s.OpenedAt!));
        var typed = project.Criteria.Where(c => !c.IsPrice).OrderBy(c => c.Order).ToList();
        var price = project.Criteria.Single(c => c.IsPrice);
        var valid = proposals.Values.Where(p => p.Status == ProposalStatus.Valid).ToList();
        var lowest = valid.Min(p => p.Current.Price);
        var totals = new Dictionary<int, List<decimal>>();
        // Sheets are submitted in the order the evaluators sent them, each checked against those before it.
        foreach (var score in (s.Scores ?? []).OrderBy(x => At(x.SubmittedAt)))
        {
            var proposal = proposals[score.Institution];
            if (!members[score.Expert].HasDeclared)
                throw new InvalidDataException($"{s.Code}: {score.Expert} scores before declaring its conflicts");
            var sheet = new ScoreSheet(members[score.Expert], proposal.Id);
            foreach (var (criterion, points) in typed.Zip(score.Points)) sheet.Record(criterion, points, null);
            sheet.Remark(score.Comment);
            if (score.Draft) { db.ScoreSheets.Add(sheet); continue; }
            var priceScore = Scoring.PriceScore(lowest, proposal.Current.Price, price.MaxPoints);
            var before = totals.TryGetValue(proposal.Id, out var list) ? list : totals[proposal.Id] = [];
            sheet.Submit(project.Criteria, priceScore, before, score.OutlierReason, Clock(score.SubmittedAt));
            before.Add(sheet.Total(priceScore));
            db.ScoreSheets.Add(sheet);
        }
        await db.SaveChangesAsync(ct);
    }

    private static Invitation InvitationOf(TenderProject project, string institutionCode) =>
        project.Invitations.Single(i => i.Institution!.Code == institutionCode);

    /// <summary>
    /// The institution's document, generated from the seed and sealed as an upload is: encrypted under a
    /// key of its own, synced, then moved into place. The version records its real size, hash and keys.
    /// </summary>
    private async Task<ProposalUpload> SealAsync(TenderProject project, ProjectSeed s, ProposalSeed p, CancellationToken ct)
    {
        var institution = _institutions[p.Institution].Name;
        var name = UploadNames.Check(DemoProposalPdf.FileName(s.Code, institution), [".pdf"]);
        var pdf = DemoProposalPdf.Create(institution, s.Code, s.Title, p.Price, p.Days, project.Headcount, p.Faculty, p.Outline);
        await using var content = new MemoryStream(pdf, writable: false);
        await using var pending = await vault.SealAsync(content, pdf.Length, ct);
        pending.Commit();
        var file = pending.File;
        return new ProposalUpload(name, file.Size, file.Sha256, file.StorageKey, p.Price, p.Days, p.Faculty, p.Outline, project.Headcount,
            file.WrappedKey);
    }

    /// <summary>A filing's attached documents have no real files in the demo: size and hash stand for a placeholder.</summary>
    private static (long Size, string Sha256) Placeholder(string name)
    {
        var bytes = Encoding.UTF8.GetBytes($"BidPortal demo document {name}");
        return (bytes.Length * 1024L, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}
