namespace BidPortal.Domain.Projects;

/// <summary>
/// What the organizer types into a project's call for proposals. An empty <see cref="OnSiteTeaching"/>,
/// <see cref="PriceIncludes"/>, <see cref="Submission"/> or contact keeps the standard wording, which
/// every reader gets in their own language.
/// </summary>
public sealed record CallDetails(string Objectives, string TargetTrainees, DateOnly? StartDate, DateOnly? EndDate, int Days,
    string Place, string? OnSiteTeaching, string? PriceIncludes, string? Submission, string? ContactName, string? ContactPhone);
