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
