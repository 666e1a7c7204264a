using BidPortal.Domain.Access;
using BidPortal.Domain.Identity;

namespace BidPortal.Tests.Support;

/// <summary>Demo people as service callers: the organizer, and one of each role that may not run the organizer's tools.</summary>
public static class Actors
{
    public static Actor Organizer { get; } = Actor.Of("organizer", Roles.Organizer);

    /// <summary>"sponsor", "institution", "evaluator": each acting for a real unit or institution of the demo.</summary>
    public static Actor Other(string role) => role switch
    {
        "sponsor" => Actor.Of("sponsor.czj", Roles.Sponsor, sponsorUnitId: 1),
        "institution" => Actor.Of("inst.pku", Roles.Institution, institutionId: 1),
        "evaluator" => Actor.Of("expert01", Roles.Evaluator),
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static TheoryData<string> NotOrganizers => ["sponsor", "institution", "evaluator"];
}
