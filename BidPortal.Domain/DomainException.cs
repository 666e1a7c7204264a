using System.Globalization;

namespace BidPortal.Domain;

/// <summary>
/// A workflow rule refused an action. <see cref="Key"/> names the rule; the message is the
/// rule's text in the current UI culture, so a page can show it to the person as it is.
/// </summary>
public sealed class DomainException(string key, params object[] args)
    : Exception(TextCatalog.Domain.Format(key, CultureInfo.CurrentUICulture, args))
{
    public string Key { get; } = key;
    public IReadOnlyList<object> Args { get; } = args;

    /// <summary>The message again in another culture (a mail to an institution in its language).</summary>
    public string MessageIn(CultureInfo culture) => TextCatalog.Domain.Format(Key, culture, [.. Args]);
}
