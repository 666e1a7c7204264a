namespace BidPortal.Domain.Mail;

public enum MailStatus { Pending, Sent }
