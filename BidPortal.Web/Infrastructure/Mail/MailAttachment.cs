namespace BidPortal.Web.Infrastructure.Mail;

/// <summary>A file sent with a mail.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
