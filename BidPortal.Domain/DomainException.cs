using System.Globalization;

namespace BidPortal.Domain;

/// <summary>
/// A workflow rule refused an action. <see cref="Key"/> names the rule; the message is the
/// rule's text in the current UI culture, so a page can show it to the person as it is.
/// </summary>
public sealed class DomainException(string key, params object[] args)
    : Exception(TextCatalog.Domain.Format(key, CultureInfo.CurrentUICulture, Labelled(key, args)))
{
    public string Key { get; } = key;
    public IReadOnlyList<object> Args { get; } = Labelled(key, args);

    /// <summary>
    /// A required field is named by its <see cref="TextField"/>, which the catalog reads as the
    /// field's label ("致电人"). A field given by its program name ("calledBy") is read as that
    /// field, so no identifier reaches a person.
    /// </summary>
    private static object[] Labelled(string key, object[] args) =>
        key == "Field.Required"
            ? [.. args.Select(a => a is string s && Enum.TryParse<TextField>(s, ignoreCase: true, out var field) ? field : a)]
            : args;

    /// <summary>The message again in another culture (a mail to an institution in its language).</summary>
    public string MessageIn(CultureInfo culture) => TextCatalog.Domain.Format(Key, culture, [.. Args]);
}
