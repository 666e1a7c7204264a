namespace BidPortal.Web.Components.Pages.Dashboard;

/// <summary>
/// One bar of a dashboard chart: its name and figure as text, its length relative to the chart's largest
/// value. <see cref="Key"/> names it for tests and screen readers' context (a funnel step, a money kind).
/// An <see cref="OffScale"/> bar counts something else (proposals among projects): it stays out of the
/// chart's scale, is drawn past the longest bar with a break mark (≫), and its figure says how much.
/// </summary>
public sealed record BarItem(string Key, string Label, double Value, string ValueText, string? Tooltip = null, bool OffScale = false);
