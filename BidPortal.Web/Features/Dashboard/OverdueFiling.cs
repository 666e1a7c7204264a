using BidPortal.Domain.Filings;

namespace BidPortal.Web.Features.Dashboard;

/// <summary>A filing whose documents are late or missing, so not reimbursable.</summary>
public sealed record OverdueFiling(int FilingId, string Title, string Unit, IReadOnlyList<DocumentCompliance> Problems);
