using System.IO.Compression;

namespace BidPortal.Web.Infrastructure.Files;

/// <summary>The kinds of document the portal accepts, decided by their bytes, never by their names.</summary>
public enum DocumentFileKind { Pdf, Docx, Xlsx, Doc, Xls }
