using BidPortal.Web.Components;
using BidPortal.Web.Endpoints;
using BidPortal.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddBidPortal();

var app = builder.Build();
await app.PrepareDatabaseAsync();
if (args.Contains("verify-audit")) return await app.Services.VerifyAuditAsync(Console.Out);

app.UseBidPortalSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler(BidPortal.Web.Routes.Error, createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute(BidPortal.Web.Routes.NotFound, createScopeForStatusCodePages: true);
app.UseRequestLocalization();
app.UseBidPortalSignInLimits();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

// Stylesheets and scripts are public: the sign-in page needs them before anyone is signed in.
app.MapStaticAssets().AllowAnonymous();
app.MapAccountEndpoints();
app.MapFilingEndpoints();
app.MapCallEndpoints();
app.MapProposalEndpoints();
app.MapOpeningEndpoints();
app.MapDashboardEndpoints();
app.MapRankingExportEndpoints();
app.MapShortlistEndpoints();
app.MapOpenDataEndpoints();
app.MapListExportEndpoints();
app.MapExecutionEndpoints();
// Our own policy already says frame-ancestors 'none' on every response (SecurityHeaders); Blazor's
// default would add a second, weaker 'self' beside it.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);

await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
