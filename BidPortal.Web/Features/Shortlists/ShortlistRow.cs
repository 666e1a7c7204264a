namespace BidPortal.Web.Features.Shortlists;

/// <summary>
/// One institution on the shortlist, in recommended order (<see cref="Position"/>; <see cref="Rank"/> is its
/// rank in the ranking, shared on a tie). Figures unrounded, as the ranking gives them; the screen and the PDF
/// round them with <see cref="BidPortal.Domain.Evaluation.Scoring.Round2"/>. <see cref="Flags"/> are in words.
/// </summary>
public sealed record ShortlistRow(
    int Position,
    int Rank,
    int InstitutionId,
    string Institution,
    decimal Score,
    IReadOnlyList<decimal> CriterionAverages,
    decimal Price,
    IReadOnlyList<string> Flags);
