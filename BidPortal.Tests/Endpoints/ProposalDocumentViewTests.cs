using System.Net;
using BidPortal.Tests.Support;
using BidPortal.Web;
using BidPortal.Web.Features.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace BidPortal.Tests.Endpoints;

/// <summary>
/// The proposal shown inside the scoring page: the same access as the download, inline, and framed by the portal
/// only — while every other response still refuses to be framed at all.
/// </summary>
public class ProposalDocumentViewTests(ProposalDocumentViewTests.Fixture fixture) : IClassFixture<ProposalDocumentViewTests.Fixture>
{
    public sealed class Fixture : PortalFactory, IAsyncLifetime
    {
        public ScoringStage Stage { get; private set; } = null!;

        public async ValueTask InitializeAsync() =>
            Stage = await ScoringStage.BuildAsync(this, ["expert01", "expert02", "expert03"], conflicts: null);

        ValueTask IAsyncDisposable.DisposeAsync() => DisposeAsync();
    }

    private async Task<int> VersionAsync() =>
        (await fixture.Services.GetRequiredService<ScoreSheets>().SheetAsync(ScoringStage.Evaluator("expert01"), fixture.Stage.ProposalIds[0])).Facts.VersionId;

    [Fact]
    public async Task View_IsInline_AndMayBeFramedByThePortalOnly()
    {
        var version = await VersionAsync();
        using var client = await SignIn.ClientAsync(fixture, "expert01");
        var response = await client.GetAsync(Routes.ProposalDocumentView(version), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self'", csp);
        Assert.DoesNotContain("frame-ancestors 'none'", csp);
        Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);

        // The download and the pages keep refusing every frame.
        var download = await client.GetAsync(Routes.ProposalDocument(version), TestContext.Current.CancellationToken);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("frame-ancestors 'none'", string.Join(";", download.Headers.GetValues("Content-Security-Policy")));
        var page = await client.GetAsync(Routes.EvaluatorProposal(fixture.Stage.ProposalIds[0]), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("frame-ancestors 'none'", string.Join(";", page.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task View_ForAnEvaluatorOffThePanel_IsNotFound_AndNotFramable()
    {
        var version = await VersionAsync();
        using var client = await SignIn.ClientAsync(fixture, "expert08");
        var response = await client.GetAsync(Routes.ProposalDocumentView(version), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
    }
}
