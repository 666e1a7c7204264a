
namespace BidPortal.Web.Infrastructure.Seeding;

/// <summary>
/// An awarded project's course as held: dates (ISO, or "today-8" counted from the city's today), trainees
/// and cost; recorded at <c>RecordedAt</c> when given. Without <c>ReportAt</c> the report is not in yet and
/// the project stays awarded, in execution.
/// </summary>
public sealed record ExecutionSeed(string Start, string End, int Trainees, decimal Cost, string? ReportAt, string? RecordedAt = null);
