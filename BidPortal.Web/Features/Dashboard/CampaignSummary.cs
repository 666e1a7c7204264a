using System.Globalization;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Data;
using BidPortal.Web.Infrastructure;
using BidPortal.Web.Infrastructure.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BidPortal.Web.Features.Dashboard;

/// <summary>
/// The campaign summary for the leadership, as a PDF in the reader's language: the dashboard's figures
/// (from <see cref="Dashboard.FunnelAsync"/>, the one count), the funnel and the money as bar charts, and
/// every project with its winner and money; dated (Beijing) and numbered.
/// </summary>
public sealed class CampaignSummary(IDbContextFactory<BidPortalDbContext> contexts, TimeProvider clock, IStringLocalizer<CampaignSummary> text)
{
    /// <summary>The year of the work report whose totals the illustrative 2011 campaign carries.</summary>
    private const int IllustrativeReportYear = 2011;

    public async Task<(byte[] Pdf, string FileName)> PdfAsync(Actor actor, int campaignId, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanExportCampaign(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var campaign = AccessPolicy.Found(await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct));
        var culture = Language.Reader;
        var today = campaign.LocalDate(clock.GetUtcNow());
        var funnel = await Dashboard.FunnelAsync(db, campaign.Id, ct);
        var compliance = await Dashboard.ComplianceAsync(db, campaign, today, ct);
        var projects = await Dashboard.ResultsAsync(db, campaign, culture, today, ct);
        return (Render(campaign, culture, today, funnel, compliance, projects), $"{text["Summary.FileName", campaign.Year]}.pdf");
    }

    private byte[] Render(Campaign campaign, CultureInfo culture, DateOnly today, CampaignFunnel funnel, CampaignCompliance compliance,
        IReadOnlyList<ProjectResultRow> projects)
    {
        var title = text["Summary.Title", campaign.NameIn(culture)];
        using var pdf = new PdfReport(title, culture);
        pdf.Title(title);
        pdf.Paragraph(text["Summary.IssuedOn", BeijingTime.Format(clock.GetUtcNow(), culture)]);
        // The 2011 campaign's totals are its work report's; another illustrative campaign is a demonstration only.
        if (campaign.IsIllustrative) pdf.Note(text[campaign.Year == IllustrativeReportYear ? "Summary.Illustrative" : "Summary.Demo"]);

        pdf.Heading(text["Summary.Figures"]);
        pdf.Fields(
        [
            (text["Funnel.MunicipalFilings"], Count(funnel.MunicipalFilings)),
            (text["Funnel.CountyFilings"], Count(funnel.CountyFilings)),
            (text["Funnel.InSpecialPlan"], Count(funnel.InSpecialPlan)),
            (text["Funnel.Consolidated"], Count(funnel.ConsolidatedProjects)),
            (text["Funnel.Invited"], Count(funnel.InvitedInstitutions)),
            (text["Funnel.Proposals"], Count(funnel.Proposals)),
            (text["Funnel.PerProject"], text["Dashboard.ProposalsSpread", funnel.FewestProposals,
                funnel.ProposalsPerProject.ToString("0.0", culture), funnel.MostProposals]),
            (text["Funnel.Awarded"], Count(funnel.Awarded)),
            (text["Funnel.Completed"], Count(funnel.Completed)),
            (text["Funnel.Money"], $"{MoneyText.Format(funnel.CompletedMoney)} ({ReportMoney(funnel.CompletedMoney, culture)})"),
            (text["Dashboard.Compliance.Filings"], Count(compliance.FilingsNotReimbursable)),
            (text["Dashboard.Compliance.Reports"], Count(compliance.ReportsOverdue)),
        ]);

        pdf.Heading(text["Dashboard.FunnelChart"]);
        pdf.HorizontalBars(
        [
            Bar("Funnel.MunicipalFilings", funnel.MunicipalFilings),
            Bar("Funnel.InSpecialPlan", funnel.InSpecialPlan),
            Bar("Funnel.Consolidated", funnel.ConsolidatedProjects),
            Bar("Funnel.Invited", funnel.InvitedInstitutions),
            Bar("Funnel.Proposals", funnel.Proposals, offScale: true),
            Bar("Funnel.Awarded", funnel.Awarded),
            Bar("Funnel.Completed", funnel.Completed),
        ]);
        pdf.Note(text["Dashboard.Funnel.OffScale"]);
        pdf.Note(text["Dashboard.FunnelCounties", Count(funnel.CountyFilings)]);

        pdf.Heading(text["Dashboard.Money"]);
        pdf.HorizontalBars(
        [
            new PdfBar(text["Dashboard.Money.Budgeted"], (double)funnel.Budgeted, MoneyText.Format(funnel.Budgeted)),
            new PdfBar(text["Dashboard.Money.Contracted"], (double)funnel.Contracted, MoneyText.Format(funnel.Contracted)),
            new PdfBar(text["Dashboard.Money.Spent"], (double)funnel.Spent, MoneyText.Format(funnel.Spent)),
        ]);

        pdf.Heading(text["Summary.Projects"]);
        pdf.Note(text["Summary.Unit"]);
        PdfColumn[] columns =
        [
            new(text["Project.Code"], 0.9), new(text["Project.Title"], 2.4), new(text["Summary.Proposals"], 1.1, AlignRight: true),
            new(text["Summary.Winner"], 1.8), new(text["Summary.Budget"], 1.45, AlignRight: true),
            new(text["Summary.Contracted"], 1.45, AlignRight: true), new(text["Summary.Spent"], 1.45, AlignRight: true),
        ];
        pdf.Table(columns,
        [
            .. projects.Select(p => (IReadOnlyList<string>)
            [
                p.Code, $"{p.Title}\n{(p.Stage is { } stage ? text.Enum(stage) : text.Enum(p.Status))}", Count(p.Proposals),
                p.Winner ?? "—", MoneyText.Format(p.Budget), p.Contracted is { } c ? MoneyText.Format(c) : "—", p.Spent is { } s ? MoneyText.Format(s) : "—",
            ]),
            [
                "", text["Summary.Total"], Count(funnel.Proposals), "", MoneyText.Format(funnel.Budgeted),
                MoneyText.Format(funnel.Contracted), MoneyText.Format(funnel.Spent),
            ],
        ]);
        return pdf.ToBytes();

        PdfBar Bar(string key, int value, bool offScale = false) => new(text[key], value, Count(value), offScale);
        string Count(int value) => value.ToString("N0", culture);
    }

    /// <summary>As the report puts it: 747 万元 in Chinese, 7.47 million yuan in English.</summary>
    private string ReportMoney(decimal amount, CultureInfo culture) =>
        Language.IsChinese(culture)
            ? text["Money.TenThousands", (amount / 10_000m).ToString("#,##0.##", culture)]
            : text["Money.Millions", (amount / 1_000_000m).ToString("#,##0.00", culture)];
}
