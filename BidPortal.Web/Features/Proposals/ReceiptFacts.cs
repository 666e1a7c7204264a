using BidPortal.Domain;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;

namespace BidPortal.Web.Features.Proposals;

/// <summary>
/// What a receipt (回执) states about one version, with every name in both languages, so the PDF and
/// the mail can each be written in their reader's language from the same facts.
/// </summary>
public sealed record ReceiptFacts(
    string Campaign, string CampaignEn, string ProjectCode, string ProjectTitle, string ProjectTitleEn,
    string Institution, string InstitutionEn, string ReceiptNumber, int Version, DateTimeOffset ReceivedAt,
    string FileName, long Size, string Sha256, decimal Price, int Days, int Trainees)
{
    public static ReceiptFacts Of(Campaign campaign, TenderProject project, Institution institution, ProposalVersion version) =>
        new(campaign.Name, campaign.NameEn, project.Code, project.Title, project.TitleEn, institution.Name, institution.NameEn,
            version.ReceiptNumber, version.Number, version.ReceivedAt, version.FileName, version.Size, version.Sha256,
            version.Price, version.Days, version.Trainees);

    public string CampaignIn(System.Globalization.CultureInfo culture) => Language.Pick(culture, Campaign, CampaignEn);
    public string ProjectTitleIn(System.Globalization.CultureInfo culture) => Language.Pick(culture, ProjectTitle, ProjectTitleEn);
    public string InstitutionIn(System.Globalization.CultureInfo culture) => Language.Pick(culture, Institution, InstitutionEn);
}
