namespace BidPortal.Web.Features.Invitations;

/// <summary>A draft project on the publish page; <paramref name="AwaitingSend"/> invitations go out when it is published.</summary>
public sealed record DraftProjectRow(int Id, string Code, string Title, int AwaitingSend);
