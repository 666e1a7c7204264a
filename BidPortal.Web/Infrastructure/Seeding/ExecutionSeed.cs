
namespace BidPortal.Web.Infrastructure.Seeding;

public sealed record ExecutionSeed(string Start, string End, int Trainees, decimal Cost, string ReportAt);
