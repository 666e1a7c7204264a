namespace BidPortal.Domain.Mail;

/// <summary>
/// A mail waiting in the database until the server accepts it. A failed attempt is recorded and
/// retried later with growing pauses, so a mail server that is down loses nothing.
/// </summary>
public sealed class OutgoingMail
{
    public int Id { get; private set; }
    public string ToAddress { get; private set; } = "";
    public string ToName { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    /// <summary>What the mail is about ("reminder", "invitation"…), for the outbox page and tests.</summary>
    public string Purpose { get; private set; } = "";
    /// <summary>The records this mail reports on ("invitations:12,13"), so delivery can be written back to them.</summary>
    public string? Related { get; private set; }
    public MailStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    private OutgoingMail() { }

    public OutgoingMail(string toAddress, string toName, string subject, string htmlBody, string textBody, string purpose, TimeProvider clock,
        string? related = null)
    {
        Related = related;
        if (string.IsNullOrWhiteSpace(toAddress) || !toAddress.Contains('@')) throw new DomainException("Field.EmailInvalid", toAddress);
        ToAddress = toAddress.Trim();
        ToName = toName;
        Subject = subject;
        HtmlBody = htmlBody;
        TextBody = textBody;
        Purpose = purpose;
        Status = MailStatus.Pending;
        CreatedAt = NextAttemptAt = clock.GetUtcNow();
    }

    public void MarkSent(TimeProvider clock)
    {
        Attempts++;
        Status = MailStatus.Sent;
        SentAt = clock.GetUtcNow();
        LastError = null;
    }

    public IReadOnlyList<int> RelatedInvitationIds =>
        Related is { } r && r.StartsWith("invitations:", StringComparison.Ordinal)
            ? [.. r["invitations:".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)]
            : [];

    /// <summary>1, 2, 4 … minutes between attempts, at most an hour.</summary>
    public void MarkFailed(string error, TimeProvider clock)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        NextAttemptAt = clock.GetUtcNow().AddMinutes(Math.Min(60, Math.Pow(2, Math.Min(Attempts - 1, 6))));
    }
}
