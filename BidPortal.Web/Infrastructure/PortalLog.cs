namespace BidPortal.Web.Infrastructure;

/// <summary>The portal's log lines, compiled once (no formatting work when the level is off).</summary>
internal static partial class PortalLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Mail dispatch failed")]
    public static partial void MailDispatchFailed(this ILogger logger, Exception error);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Mail {Id} to {To} not sent: {Error}")]
    public static partial void MailNotSent(this ILogger logger, int id, string to, string error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Reminder run failed")]
    public static partial void ReminderRunFailed(this ILogger logger, Exception error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Demo campaigns loaded in {Seconds:F1} s")]
    public static partial void DemoLoaded(this ILogger logger, double seconds);

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Reminder skipped for filing {FilingId}: its dates cannot be computed")]
    public static partial void ReminderSkipped(this ILogger logger, int filingId, Exception error);

    [LoggerMessage(EventId = 50, Level = LogLevel.Information, Message = "Removed {Partials} partial and {Orphans} unrecorded proposal files left by an interrupted upload")]
    public static partial void ProposalFilesCleaned(this ILogger logger, int partials, int orphans);
}
