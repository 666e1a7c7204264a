using BidPortal.Domain.Filings;

namespace BidPortal.Web.Infrastructure.Seeding;

public sealed record DocumentSeed(DocumentKind Kind, string At);
