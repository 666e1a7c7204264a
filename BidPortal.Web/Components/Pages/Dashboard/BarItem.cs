namespace BidPortal.Web.Components.Pages.Dashboard;

/// <summary>
/// One bar of a dashboard chart: its name and figure as text, its length relative to the chart's largest
/// value. <see cref="Key"/> names it for tests and screen readers' context (a funnel step, a money kind).
/// </summary>
public sealed record BarItem(string Key, string Label, double Value, string ValueText, string? Tooltip = null);
