namespace BidPortal.Web.Features.Filings;

/// <summary>Why an import file was refused before its rows were checked.</summary>
public enum ImportRefusal { Unreadable, TooLarge, TooManyRows, Doctype, NotXlsxOrCsv }
