
namespace BidPortal.Web.Infrastructure.Seeding;

public sealed record InvitationSeed(string Ack, string? At);
