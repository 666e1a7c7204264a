using MudBlazor;

namespace BidPortal.Web.Components.Layout;

public static class PortalTheme
{
    // Dark enough for white text at WCAG AA contrast, in the app bar and on buttons.
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#8b1a1a",
            Secondary = "#37474f",
            AppbarBackground = "#8b1a1a",
            TextSecondary = "rgba(0,0,0,0.70)",
            // MudBlazor's default status colours fall below 4.5:1 on their own tinted alerts.
            Error = "#b3261e",
            Warning = "#8a5300",
            Info = "#0b5cad",
            Success = "#1b6e20",
            ActionDefault = "rgba(0,0,0,0.70)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["\"Noto Sans SC\"", "\"WenQuanYi Micro Hei\"", "\"Microsoft YaHei\"", "Roboto", "Helvetica", "Arial", "sans-serif"],
            },
        },
    };
}
