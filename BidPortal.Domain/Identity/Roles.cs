
namespace BidPortal.Domain.Identity;

public static class Roles
{
    public const string Organizer = nameof(Organizer);
    public const string Sponsor = nameof(Sponsor);
    public const string Institution = nameof(Institution);
    public const string Evaluator = nameof(Evaluator);

    public static readonly IReadOnlyList<string> All = [Organizer, Sponsor, Institution, Evaluator];
}
