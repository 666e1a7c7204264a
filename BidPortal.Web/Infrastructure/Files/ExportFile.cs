namespace BidPortal.Web.Infrastructure.Files;

/// <summary>A download ready to send: its name in the reader's language, its type and its bytes.</summary>
public sealed record ExportFile(string FileName, string ContentType, byte[] Content);
