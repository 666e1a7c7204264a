namespace BidPortal.Web.Infrastructure.Invitations;

/// <summary>One part of a call for proposals, in one language: its label and its text ('\n' between lines).</summary>
/// <param name="Key">A name that stays the same in every language ("objectives", "criteria"…), for the page's markup.</param>
public sealed record CallPart(string Key, string Label, string Body);
