using BidPortal.Domain;

namespace BidPortal.Web.Infrastructure.Files;

/// <summary>
/// The name an uploader gave a file is only ever shown back to people; storage uses a generated key.
/// Still, a name that climbs folders, hides an extension or carries control characters is refused
/// outright, so what a reader sees is what the file is.
/// </summary>
public static class UploadNames
{
    public const int MaxLength = 200;

    // A stem that itself ends in one of these is a double extension ("方案.exe.pdf", "方案.pdf.docx").
    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase)
    {
        ".exe", ".com", ".bat", ".cmd", ".scr", ".msi", ".dll", ".ps1", ".vbs", ".js", ".jse", ".wsf", ".hta", ".jar",
        ".sh", ".php", ".asp", ".aspx", ".jsp", ".cgi", ".pl", ".py", ".html", ".htm", ".svg", ".xhtml", ".lnk",
        ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".zip", ".rar", ".7z",
    };

    /// <summary>The trimmed name, or a refusal saying what is wrong with it.</summary>
    public static string Check(string? fileName, IReadOnlyCollection<string> allowedExtensions)
    {
        var name = fileName?.Trim() ?? "";
        if (name.Length == 0) throw new DomainException("Field.Required", TextField.File);
        if (name.Length > MaxLength) throw new DomainException("Upload.NameTooLong", MaxLength);
        // Invisible format characters too (right-to-left marks, zero-width spaces): a name shows what the file is.
        if (name.Any(c => Bounds.IsUnprintable(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format))
            throw new DomainException("Text.Unprintable", TextField.File);
        if (name.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|']) >= 0 || name.Contains("..") || name.StartsWith('.'))
            throw new DomainException("Upload.BadName", name);
        var extension = Path.GetExtension(name);
        if (!allowedExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
            throw new DomainException("Upload.WrongKind", name, string.Join(" / ", allowedExtensions));
        var stem = Path.GetFileNameWithoutExtension(name).TrimEnd(' ', '.');
        if (Hidden.Contains(Path.GetExtension(stem))) throw new DomainException("Upload.DoubleExtension", name);
        return name;
    }
}
