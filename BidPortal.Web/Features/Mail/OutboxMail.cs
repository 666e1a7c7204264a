using BidPortal.Domain.Mail;

namespace BidPortal.Web.Features.Mail;

/// <summary>A mail the portal wrote, sent or waiting, as the outbox lists it.</summary>
public sealed record OutboxMail(int Id, DateTimeOffset CreatedAt, string ToName, string ToAddress, string Subject, MailStatus Status,
    DateTimeOffset? SentAt, int Attempts, string? LastError, string TextBody);
