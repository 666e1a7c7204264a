using System.Globalization;
using System.Text.Json;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Data;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using BidPortal.Web.Infrastructure;
using BidPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BidPortal.Web.Features.OpenData;

/// <summary>
/// A campaign as an Open Contracting Data Standard 1.1 release package (step 10's open data): a planning
/// release per filed filing (its budget, the sponsor unit as buyer), and a release per consolidated project
/// carrying its tender (selective: by invitation), the planning processes it was made from, the bids
/// extension's statistics and details, the award and the contract with its implementation.
/// A proposal still sealed gives nothing away: before the opening a project publishes no bid, no count of
/// bids and no bidder (only whom it invited).
/// </summary>
public sealed class OcdsExport(IDbContextFactory<BidPortalDbContext> contexts, TimeProvider clock, TextCatalog catalog,
    IOptions<PortalOptions> portal)
{
    /// <summary>The prefix of every contracting process id the portal publishes.</summary>
    public const string OcidPrefix = "ocds-bidportal-";

    public async Task<ExportFile> FileAsync(Actor actor, int campaignId, CancellationToken ct = default)
    {
        var (year, package) = await PackageAsync(actor, campaignId, ct);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(package, Ocds.Json);
        return new ExportFile($"{catalog.Format("OpenData.FileName", Language.Reader, year)}.json", "application/json", bytes);
    }

    public async Task<(int Year, Ocds.Package Package)> PackageAsync(Actor actor, int campaignId, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanExportCampaign(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var campaign = AccessPolicy.Found(await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct));
        var now = clock.GetUtcNow();

        var filings = await db.Filings.AsNoTracking().Include(f => f.SponsorUnit)
            .Where(f => f.CampaignId == campaignId && f.Status != FilingStatus.Draft)
            .OrderBy(f => f.Id).ToListAsync(ct);
        var projects = await db.Projects.AsNoTracking().Where(p => p.CampaignId == campaignId).OrderBy(p => p.Code).ToListAsync(ct);
        var projectIds = projects.Select(p => p.Id).ToList();
        // Invitations that went out (Invitation.Invited): a row still waiting on the list is nobody's business yet.
        var invitations = await db.Invitations.AsNoTracking().Include(i => i.Institution).Where(Invitation.Invited)
            .Where(i => projectIds.Contains(i.TenderProjectId)).ToListAsync(ct);
        var sources = await db.Filings.AsNoTracking().Where(f => f.TenderProjectId != null && projectIds.Contains(f.TenderProjectId.Value))
            .Select(f => new { f.Id, ProjectId = f.TenderProjectId!.Value, f.Title }).ToListAsync(ct);
        // Only opened proposals are read at all: a sealed one's price and bidder stay in the vault's keeping.
        var opened = await db.Proposals.AsNoTracking().Include(p => p.Versions)
            .Where(p => projectIds.Contains(p.TenderProjectId) && (p.Status == ProposalStatus.Valid || p.Status == ProposalStatus.Invalid))
            .OrderBy(p => p.Id).ToListAsync(ct);
        var awards = await db.Awards.AsNoTracking().Where(a => projectIds.Contains(a.TenderProjectId)).ToListAsync(ct);
        var executions = await db.ExecutionRecords.AsNoTracking().Where(e => projectIds.Contains(e.TenderProjectId)).ToListAsync(ct);
        var asked = (await db.Questions.AsNoTracking().Where(q => projectIds.Contains(q.TenderProjectId))
            .Select(q => q.TenderProjectId).Distinct().ToListAsync(ct)).ToHashSet();
        var units = await db.SponsorUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        var institutionIds = opened.Select(p => p.InstitutionId).Concat(awards.Select(a => a.InstitutionId)).Distinct().ToList();
        var institutions = await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);

        var zh = CultureInfo.GetCultureInfo("zh-CN");
        var en = CultureInfo.GetCultureInfo("en");
        var organizer = new Ocds.Party("organizer", catalog.Get("OpenData.Organizer", zh), ["procuringEntity"], catalog.Get("OpenData.Organizer", en));
        var prefix = $"{OcidPrefix}{campaign.Year}-";

        var releases = new List<Ocds.Release>();
        foreach (var filing in filings)
        {
            var buyer = UnitParty(filing.SponsorUnit!, ["buyer"]);
            var ocid = PlanningOcid(prefix, filing.Id);
            releases.Add(new Ocds.Release(ocid, $"{ocid}-planning", At(filing.SubmittedAt ?? filing.CreatedAt), ["planning"], "tender", "zh",
                [buyer], buyer.Reference,
                Planning: new Ocds.Planning(
                    new Ocds.Budget($"filing-{filing.Id}", filing.Title, new Ocds.Value(filing.Budget),
                        catalog.Format("OpenData.BudgetOf", en, filing.Title)),
                    Rationale: string.IsNullOrWhiteSpace(filing.Objectives) ? null : filing.Objectives)));
        }

        foreach (var project in projects)
        {
            var ocid = $"{prefix}{project.Code}";
            var lead = UnitParty(units[project.LeadSponsorUnitId], ["buyer", "payer"]);
            var parties = new List<Ocds.Party> { lead, organizer };
            var bids = opened.Where(p => p.TenderProjectId == project.Id).ToList();
            var bidders = bids.Select(b => b.InstitutionId).ToHashSet();
            var award = awards.FirstOrDefault(a => a.TenderProjectId == project.Id);
            // One party per institution: invited, and (once opened) a tenderer, and the supplier if it won.
            foreach (var invitation in invitations.Where(i => i.TenderProjectId == project.Id).OrderBy(i => i.InstitutionId))
                parties.Add(InstitutionParty(invitation.Institution!, bidders.Contains(invitation.InstitutionId), award?.InstitutionId == invitation.InstitutionId));
            foreach (var id in bidders.Append(award?.InstitutionId ?? 0).Where(id => id != 0 && parties.All(p => p.Id != InstitutionId(id))).Distinct())
                parties.Add(InstitutionParty(institutions[id], bidders.Contains(id), award?.InstitutionId == id));

            // Opened is told by the proposals themselves (valid or not valid only after the opening), so a project
            // cancelled after its opening still publishes the bids that were opened, and one before it publishes none.
            var opening = project.IsOpened || bids.Count > 0;
            var tenderers = opening
                ? bidders.Order().Select(id => parties.Single(p => p.Id == InstitutionId(id)).Reference).ToList()
                : null;
            var tender = new Ocds.Tender(ocid, project.Title, string.IsNullOrWhiteSpace(project.Description) ? null : project.Description,
                TenderStatus(project.Status), organizer.Reference, new Ocds.Value(project.BudgetCeiling), "selective",
                catalog.Get("OpenData.Method", en),
                project.PublishedAt is { } published ? new Ocds.Period(At(published), project.Deadline is { } d ? At(d) : null) : null,
                // Questions are taken while proposals are: from publication to the deadline.
                project.PublishedAt is { } from ? new Ocds.Period(At(from), project.Deadline is { } until ? At(until) : null) : null,
                project.PublishedAt is null ? null : asked.Contains(project.Id),
                tenderers?.Count, tenderers is { Count: > 0 } ? tenderers : null,
                TitleEn: project.TitleEn == project.Title ? null : project.TitleEn);

            Ocds.Bids? bidSection = null;
            if (opening)
            {
                var details = bids.Select(b => new Ocds.Bid(BidId(b.Id), At(b.Current.ReceivedAt),
                    b.Status == ProposalStatus.Valid ? "valid" : "disqualified",
                    [parties.Single(p => p.Id == InstitutionId(b.InstitutionId)).Reference], new Ocds.Value(b.Current.Price))).ToList();
                bidSection = new Ocds.Bids(
                [
                    new Ocds.BidStatistic("invited", "requests", invitations.Count(i => i.TenderProjectId == project.Id), catalog.Get("OpenData.Stat.Invited", en)),
                    new Ocds.BidStatistic("bids", "bids", bids.Count),
                    new Ocds.BidStatistic("valid", "validBids", bids.Count(b => b.Status == ProposalStatus.Valid)),
                    new Ocds.BidStatistic("invalid", "invalidBids", bids.Count(b => b.Status == ProposalStatus.Invalid),
                        catalog.Get("OpenData.Stat.Invalid", en)),
                ], details);
            }

            List<Ocds.Award>? awardList = null;
            List<Ocds.Contract>? contractList = null;
            var tags = new List<string> { "tender" };
            if (award is not null)
            {
                var supplier = parties.Single(p => p.Id == InstitutionId(award.InstitutionId)).Reference;
                awardList = [new Ocds.Award(AwardId(award.Id), "active", At(award.DecidedAt), new Ocds.Value(award.Amount), [supplier], BidId(award.ProposalId))];
                var execution = executions.FirstOrDefault(e => e.AwardId == award.Id);
                contractList = [Contract(campaign, project, award, execution, lead.Reference, supplier)];
                tags.Add("award");
                tags.Add("contract");
                if (execution?.HeldStart is not null) tags.Add("implementation");
            }

            var related = sources.Where(s => s.ProjectId == project.Id).OrderBy(s => s.Id)
                .Select(s => new Ocds.RelatedProcess($"filing-{s.Id}", ["planning"], s.Title, "ocid", PlanningOcid(prefix, s.Id))).ToList();
            releases.Add(new Ocds.Release(ocid, $"{ocid}-{project.Round}", At(LastEvent(project, award, executions, now)), tags, "tender", "zh",
                parties, lead.Reference, Tender: tender, Bids: bidSection, Awards: awardList, Contracts: contractList,
                RelatedProcesses: related.Count > 0 ? related : null));
        }

        var package = new Ocds.Package(
            Routes.Absolute(portal.Value.PublicUrl, Routes.OpenDataPackage(campaignId)), At(now),
            new Ocds.Publisher(catalog.Get("OpenData.Organizer", zh), portal.Value.PublicUrl.TrimEnd('/') + "/"),
            Ocds.Version, [Ocds.BidsExtension], releases);
        return (campaign.Year, package);

        Ocds.Party UnitParty(SponsorUnit unit, IReadOnlyList<string> roles) =>
            new($"unit-{unit.Code}", unit.Name, roles, unit.NameEn == unit.Name ? null : unit.NameEn);

        Ocds.Party InstitutionParty(Institution institution, bool bid, bool won) =>
            new(InstitutionId(institution.Id), institution.Name, InstitutionRoles(bid, won),
                institution.NameEn == institution.Name ? null : institution.NameEn);
    }

    private Ocds.Contract Contract(Campaign campaign, TenderProject project, Award award, ExecutionRecord? execution,
        Ocds.OrganizationReference buyer, Ocds.OrganizationReference supplier)
    {
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        var en = CultureInfo.GetCultureInfo("en");
        var held = execution?.HeldStart is { } start && execution.HeldEnd is { } end ? new Ocds.Period(Day(start), Day(end)) : null;
        List<Ocds.Transaction> transactions = [];
        List<Ocds.Milestone> milestones = [];
        if (execution is not null)
        {
            if (execution.ActualCost is { } cost)
                transactions.Add(new Ocds.Transaction($"cost-{execution.Id}",
                    execution.ReportSubmittedAt is { } paid ? At(paid) : execution.HeldEnd is { } e ? Day(e) : null,
                    new Ocds.Value(cost), buyer, supplier));
            if (execution.HeldEnd is { } last)
                milestones.Add(new Ocds.Milestone($"held-{execution.Id}", catalog.Get("OpenData.Milestone.Held", zh), "delivery", "met",
                    Day(last), Day(last), catalog.Get("OpenData.Milestone.Held", en)));
            if (execution.ReportDue(campaign) is { } due)
                milestones.Add(new Ocds.Milestone($"report-{execution.Id}", catalog.Get("OpenData.Milestone.Report", zh), "reporting",
                    execution.ReportSubmittedAt is not null ? "met" : "scheduled",
                    Day(due), execution.ReportSubmittedAt is { } at ? At(at) : null, catalog.Get("OpenData.Milestone.Report", en)));
        }
        var implementation = transactions.Count + milestones.Count > 0
            ? new Ocds.Implementation(transactions.Count > 0 ? transactions : null, milestones.Count > 0 ? milestones : null)
            : null;
        // A completed project's contract has run its course ("terminated" in OCDS 1.1); an awarded one is in force.
        var status = project.Status == ProjectStatus.Completed ? "terminated" : "active";
        return new Ocds.Contract($"contract-{award.Id}", AwardId(award.Id), status, new Ocds.Value(award.Amount), held, At(award.DecidedAt), implementation);
    }

    /// <summary>Invited (an interested party), a tenderer once its proposal is opened, the supplier if it won.</summary>
    private static List<string> InstitutionRoles(bool bid, bool won)
    {
        List<string> roles = ["interestedParty"];
        if (bid) roles.Add("tenderer");
        if (won) roles.AddRange(["supplier", "payee"]);
        return roles;
    }

    private static string PlanningOcid(string prefix, int filingId) => $"{prefix}F{filingId}";
    private static string InstitutionId(int id) => $"institution-{id}";
    private static string BidId(int proposalId) => $"bid-{proposalId}";
    private static string AwardId(int awardId) => $"award-{awardId}";

    /// <summary>OCDS 1.1's closed tender status codelist, from the project's workflow.</summary>
    public static string TenderStatus(ProjectStatus status) => status switch
    {
        ProjectStatus.Draft => "planned",
        ProjectStatus.Unsuccessful => "unsuccessful",
        ProjectStatus.Awarded or ProjectStatus.Completed => "complete",
        ProjectStatus.Cancelled => "cancelled",
        _ => "active",
    };

    private static DateTimeOffset LastEvent(TenderProject project, Award? award, IEnumerable<ExecutionRecord> executions, DateTimeOffset now)
    {
        var execution = award is null ? null : executions.FirstOrDefault(e => e.AwardId == award.Id);
        DateTimeOffset?[] events = [project.PublishedAt, project.OpenedAt, project.FinalisedAt, project.ShortlistPublishedAt,
            award?.DecidedAt, execution?.RecordedAt, execution?.ReportSubmittedAt];
        return events.Where(e => e is not null).Select(e => e!.Value).DefaultIfEmpty(now).Max();
    }

    /// <summary>An instant in the city's zone, with its offset (RFC 3339), to the second.</summary>
    private static DateTimeOffset At(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, BeijingTime.Zone);
        return new DateTimeOffset(local.Ticks - local.Ticks % TimeSpan.TicksPerSecond, local.Offset);
    }

    /// <summary>A calendar day in the city: its midnight in Beijing time.</summary>
    private static DateTimeOffset Day(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, BeijingTime.Zone.GetUtcOffset(midnight));
    }
}
