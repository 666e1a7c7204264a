using System.Globalization;

namespace BidPortal.Domain;

/// <summary>
/// Money in yuan as every page, mail and message shows it: "¥142,000", with thousands separators
/// and decimals only when there are fen ("¥182,195.50").
/// </summary>
public static class MoneyText
{
    public static string Format(decimal amount) =>
        "¥" + amount.ToString(decimal.Round(amount, 0) == amount ? "#,##0" : "#,##0.00", CultureInfo.InvariantCulture);
}
