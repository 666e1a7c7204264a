using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Web.Features.Filings;
using BidPortal.Web.Infrastructure;
using BidPortal.Web.Infrastructure.Files;
using Microsoft.Extensions.Localization;
using DashboardService = BidPortal.Web.Features.Dashboard.Dashboard;
using DirectoryService = BidPortal.Web.Features.Directory.Directory;
using InvitationService = BidPortal.Web.Features.Invitations.Invitations;

namespace BidPortal.Web.Features.Exports;

/// <summary>
/// Every list page as CSV and Excel. Each list is read through the very service method its page calls (so the
/// same access rule and the same rows), then written with the page's column names in the reader's language,
/// through <see cref="ExportTable"/> (UTF-8 with a BOM, typed text never a formula).
/// </summary>
public sealed class ListExports(FilingReview filings, DirectoryService directory, DashboardService dashboard, Mail.Outbox outbox,
    InvitationService invitations, IStringLocalizer<ListExports> L)
{
    public const string ReviewQueue = "review-queue";
    public const string Institutions = "institutions";
    public const string Projects = "projects";
    public const string Overdue = "overdue";
    public const string Outbox = "outbox";
    public const string SponsorFilings = "my-filings";
    public const string SponsorProjects = "my-projects";
    public const string PublishRound = "publish-round";
    public const string InstitutionInvitations = "invitations";

    public async Task<ExportFile> FileAsync(Actor actor, string list, string format, ListQuery query, CancellationToken ct = default)
    {
        if (format is not ("csv" or "xlsx")) throw new DomainException(AccessPolicy.NotFoundKey);
        var table = await TableAsync(actor, list, query, ct);
        var name = $"{table.SheetName}.{format}";
        return format == "csv" ? new ExportFile(name, ExportTable.CsvType, table.ToCsv()) : new ExportFile(name, ExportTable.XlsxType, table.ToXlsx());
    }

    /// <summary>The list as one sheet, named in the reader's language; an unknown list is "not found".</summary>
    public Task<ExportTable> TableAsync(Actor actor, string list, ListQuery query, CancellationToken ct = default) => list switch
    {
        ReviewQueue => ReviewQueueAsync(actor, query, ct),
        Institutions => InstitutionsAsync(actor, ct),
        Projects => ProjectsAsync(actor, Required(query.Id), ct),
        Overdue => OverdueAsync(actor, Required(query.Id), ct),
        Outbox => OutboxAsync(actor, ct),
        SponsorFilings => SponsorFilingsAsync(actor, ct),
        SponsorProjects => SponsorProjectsAsync(actor, ct),
        PublishRound => PublishRoundAsync(actor),
        InstitutionInvitations => InvitationsAsync(actor, Required(query.Id)),
        _ => throw new DomainException(AccessPolicy.NotFoundKey),
    };

    private static int Required(int? id) => id ?? throw new DomainException(AccessPolicy.NotFoundKey);

    private async Task<ExportTable> ReviewQueueAsync(Actor actor, ListQuery query, CancellationToken ct)
    {
        var rows = await filings.QueueAsync(actor, query.QueueFilter, ct);
        return new ExportTable(L["Lists.Sheet.ReviewQueue"],
            [L["Filing.Title"], L["Queue.Unit"], L["Filing.Theme"], L["Filing.PlannedStart"], L["Filing.Budget"], L["Filing.MajorTopic"],
                L["Filing.CrossUnit"], L["Filing.Status"]],
            [.. rows.Select(r => Row(r.Title, r.Unit, L.Enum(r.Theme), Dates.Format(r.Start), r.Budget, YesNo(r.Major), YesNo(r.Cross), L.Enum(r.Status)))]);
    }

    private async Task<ExportTable> InstitutionsAsync(Actor actor, CancellationToken ct)
    {
        var rows = await directory.ListAsync(actor, ct);
        return new ExportTable(L["Lists.Sheet.Institutions"],
            [L["Directory.Code"], L["Directory.Name"], L["Directory.Category"], L["Directory.Tags"], L["Directory.Contacts"], L["Directory.Users"]],
            [.. rows.Select(r => Row(r.Code, r.Name, L.Enum(r.Category), L.Tags(r.Tags), r.Contacts, r.Users))]);
    }

    private async Task<ExportTable> ProjectsAsync(Actor actor, int campaignId, CancellationToken ct)
    {
        var rows = await dashboard.ProjectsAsync(actor, campaignId, ct);
        return new ExportTable(L["Lists.Sheet.Projects"],
            [L["Project.Code"], L["Project.Title"], L["Project.Status"], L["Project.Deadline"], L["Project.Invited"], L["Project.Budget"]],
            [.. rows.Select(r => Row(r.Code, r.Title, r.AwaitsOpening ? L["Project.AwaitingOpening"].Value : L.Enum(r.Status),
                r.Deadline is { } d ? Dates.Format(d) : null, r.Invited, r.BudgetCeiling))]);
    }

    private async Task<ExportTable> OverdueAsync(Actor actor, int campaignId, CancellationToken ct)
    {
        var rows = await dashboard.OverdueAsync(actor, campaignId, ct);
        return new ExportTable(L["Lists.Sheet.Overdue"],
            [L["Filing.Title"], L["Queue.Unit"], L["Overdue.Problems"]],
            [.. rows.Select(r => Row(r.Title, r.Unit,
                string.Join("; ", r.Problems.Select(p => L[$"Compliance.Reason.{p.State}", L.Enum(p.Kind), Dates.Format(p.Due)].Value))))]);
    }

    private async Task<ExportTable> OutboxAsync(Actor actor, CancellationToken ct)
    {
        var rows = await outbox.LatestAsync(actor, ct);
        return new ExportTable(L["Lists.Sheet.Outbox"],
            [L["Outbox.Created"], L["Outbox.To"], L["Lists.Address"], L["Outbox.Subject"], L["Outbox.Status"]],
            [.. rows.Select(r => Row(Dates.Format(r.CreatedAt), r.ToName, r.ToAddress, r.Subject,
                r.SentAt is { } sent && r.Status == Domain.Mail.MailStatus.Sent ? L["Outbox.Sent", Dates.Format(sent)].Value : L["Outbox.Waiting", r.Attempts].Value))]);
    }

    private async Task<ExportTable> SponsorFilingsAsync(Actor actor, CancellationToken ct)
    {
        // The sponsor's home page is the sponsor's own (its route admits no other role).
        AccessPolicy.Demand(actor.IsSponsor);
        var overview = await filings.SponsorOverviewAsync(actor, ct);
        return new ExportTable(L["Lists.Sheet.SponsorFilings"],
            [L["Filing.Year"], L["Filing.Title"], L["Filing.Theme"], L["Filing.Dates"], L["Filing.Status"], L["Filing.Project"], L["Queue.Flags"]],
            [.. overview.Filings.Select(r => Row(r.Year, r.Title, L.Enum(r.Theme), $"{Dates.Format(r.Start)} – {Dates.Format(r.End)}", L.Enum(r.Status),
                r.ProjectCode, r.NotReimbursable ? L["Sponsor.NotReimbursable"].Value : null))]);
    }

    private async Task<ExportTable> SponsorProjectsAsync(Actor actor, CancellationToken ct)
    {
        // The sponsor's home page is the sponsor's own (its route admits no other role).
        AccessPolicy.Demand(actor.IsSponsor);
        var overview = await filings.SponsorOverviewAsync(actor, ct);
        return new ExportTable(L["Lists.Sheet.SponsorProjects"],
            [L["Project.Code"], L["Project.Title"], L["Project.Status"], L["Project.Shortlist"]],
            [.. overview.Projects.Select(r => Row(r.Code, r.Title, r.AwaitsOpening ? L["Project.AwaitingOpening"].Value : L.Enum(r.Status), r.Shortlisted))]);
    }

    private async Task<ExportTable> PublishRoundAsync(Actor actor)
    {
        var round = await invitations.RoundAsync(actor);
        return new ExportTable(L["Lists.Sheet.PublishRound"],
            [L["Project.Code"], L["Project.Title"], L["Publish.AwaitingSend"]],
            [.. round.Projects.Select(r => Row(r.Code, r.Title, r.AwaitingSend))]);
    }

    private async Task<ExportTable> InvitationsAsync(Actor actor, int institutionId)
    {
        var home = await invitations.InstitutionHomeAsync(actor, institutionId);
        var campaigns = home.Campaigns.ToDictionary(c => c.Id, c => c.Name);
        return new ExportTable(L["Lists.Sheet.Invitations"],
            [L["Tender.Campaign"], L["Project.Code"], L["Project.Title"], L["Project.Deadline"], L["Project.Status"], L["Institution.Invitation"],
                L["Institution.Proposal"], L["Institution.Receipt"]],
            [.. home.Invitations.Select(r => Row(campaigns.GetValueOrDefault(r.CampaignId), r.Code, r.Title, r.Deadline is { } d ? Dates.Format(d) : null,
                StageText(r.Stage), L.Enum(r.Invitation), r.Proposal is { } p ? L.Enum(p) : null, r.Receipt))]);
    }

    /// <summary>The institution page's words for where a project stands.</summary>
    private string StageText(Invitations.TenderStage stage) => stage switch
    {
        Invitations.TenderStage.Open => L["Tender.OpenForProposals"],
        Invitations.TenderStage.AwaitingOpening => L["Project.AwaitingOpening"],
        Invitations.TenderStage.Cancelled => L["Tender.Cancelled"],
        Invitations.TenderStage.UnderEvaluation => L["Stage.UnderEvaluation"],
        Invitations.TenderStage.InNotice => L["Stage.InNotice"],
        Invitations.TenderStage.AwaitingAward => L["Stage.AwaitingAward"],
        Invitations.TenderStage.Awarded => L["Stage.Awarded"],
        Invitations.TenderStage.Completed => L["Stage.Completed"],
        Invitations.TenderStage.Unsuccessful => L["Stage.Unsuccessful"],
        _ => L["Tender.Opened"],
    };

    private string YesNo(bool value) => value ? L["Lists.Yes"] : L["Lists.No"];

    private static object?[] Row(params object?[] cells) => cells;
}
