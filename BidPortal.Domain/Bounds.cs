using System.Globalization;

namespace BidPortal.Domain;

/// <summary>
/// The ranges every stored value must fall in, so that no date runs off the calendar when a due date
/// is computed from it and no number overflows a page. Each entity checks its own fields with these
/// and throws its own key; the forms use the same numbers for their Min/Max.
/// </summary>
public static class Bounds
{
    public static readonly DateOnly MinDate = new(2000, 1, 1);
    public static readonly DateOnly MaxDate = new(2100, 12, 31);
    public static readonly DateTimeOffset MinInstant = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset MaxInstant = new(2100, 12, 31, 23, 59, 59, TimeSpan.Zero);

    public const int MinHeadcount = 1;
    public const int MaxHeadcount = 100_000;
    public const int MinDays = 1;
    public const int MaxDays = 365;
    public const decimal MaxMoney = 1_000_000_000m;
    public const int MoneyDecimals = 2;

    /// <summary>Campaign rules: lead and due days, the bid window, the shortlist, the minimum of valid proposals.</summary>
    public const int MaxRuleDays = 365;
    public const int MaxShortlist = 20;
    public const int MaxMinValidProposals = 50;

    public static string MinDateText => MinDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string MaxDateText => MaxDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool InRange(DateOnly date) => date >= MinDate && date <= MaxDate;
    public static bool InRange(DateTimeOffset instant) => instant >= MinInstant && instant <= MaxInstant;

    /// <summary>0 to <see cref="MaxMoney"/> with at most two decimals.</summary>
    public static bool IsMoney(decimal amount) => amount >= 0 && amount <= MaxMoney && decimal.Round(amount, MoneyDecimals) == amount;

    /// <summary>
    /// A day some days away, held at the ends of the calendar: a row stored before these bounds
    /// (a course in 9999) still shows and still lets the reminder run go on.
    /// </summary>
    public static DateOnly AddDaysClamped(DateOnly date, int days)
    {
        var target = (long)date.DayNumber + days;
        if (target < DateOnly.MinValue.DayNumber) return DateOnly.MinValue;
        if (target > DateOnly.MaxValue.DayNumber) return DateOnly.MaxValue;
        return DateOnly.FromDayNumber((int)target);
    }

    /// <summary>Refuses a text longer than its column with <c>{entity}.TooLong</c>: the field's name and its limit.</summary>
    public static void Length(string entity, string? value, int max, TextField field)
    {
        if (value is not null && value.Trim().Length > max) throw new DomainException($"{entity}.TooLong", field, max);
        if (value is not null && value.Any(IsUnprintable)) throw new DomainException("Text.Unprintable", field);
    }

    /// <summary>
    /// Nothing a reader can see: empty, white space, or only format characters (zero-width spaces and joiners,
    /// direction marks). A required reason or answer made of those is no reason at all.
    /// </summary>
    public static bool IsBlank(string? value) =>
        value is null || value.All(c => char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);

    /// <summary>
    /// Control characters (a NUL cuts the text in SQLite and is refused by PostgreSQL) and the bidirectional
    /// overrides that make "…‮gnp.exe" read as "…exe.png": never part of a real text. Tabs and line breaks are.
    /// </summary>
    public static bool IsUnprintable(char c) =>
        c is < ' ' and not ('\t' or '\n' or '\r') or '\u007F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
