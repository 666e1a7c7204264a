namespace BidPortal.Web.Features.Filings;

/// <summary>An import file refused as a whole; the importer turns the reason into the organizer's message.</summary>
public sealed class ImportRefusedException : Exception
{
    public ImportRefusedException() : this(ImportRefusal.Unreadable) { }

    public ImportRefusedException(string message) : base(message) { }

    public ImportRefusedException(string message, Exception inner) : base(message, inner) { }

    public ImportRefusedException(ImportRefusal reason) : base(reason.ToString()) => Reason = reason;

    public ImportRefusal Reason { get; }
}
