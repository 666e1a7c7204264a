namespace BidPortal.Domain.Evaluation;

/// <summary>
/// How many evaluators a panel needs: three at the least; five or more lets the trimmed mean drop the
/// highest and lowest totals, and an odd number avoids a split panel. Below five or even is allowed, with a warning.
/// </summary>
public static class PanelAdvice
{
    public const int Minimum = 3;
    public const int Recommended = 5;
    public const int Maximum = 15;

    public static bool IsTooSmall(int members) => members < Minimum;
    public static bool IsBelowRecommended(int members) => members < Recommended;
    public static bool IsEven(int members) => members % 2 == 0;
}
