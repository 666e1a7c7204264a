using System.Globalization;
using System.Net;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Proposals;
using BidPortal.Tests.Support;
using BidPortal.Web;
using BidPortal.Web.Features.Evaluation;
using BidPortal.Web.Features.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BidPortal.Tests.Endpoints;

/// <summary>
/// Issue 11's access checks on C-03, opened here and put under blind evaluation by expert04–06: an evaluator off
/// the panel gets nothing; before its declaration an evaluator sees the bidders' names and no proposal; a
/// conflicted evaluator cannot fetch that proposal by URL but can fetch another; blind mode shows letters only.
/// </summary>
public class EvaluatorAccessTests(EvaluatorAccessTests.Fixture fixture) : IClassFixture<EvaluatorAccessTests.Fixture>
{
    public sealed class Fixture : PortalFactory, IAsyncLifetime
    {
        public int ProjectId { get; private set; }
        /// <summary>Institution name (Chinese) → proposal id and current version id, for the valid bids.</summary>
        public Dictionary<string, (int ProposalId, int VersionId)> Bids { get; } = [];
        public Dictionary<string, string> NamesEn { get; } = [];

        public async ValueTask InitializeAsync()
        {
            await using (var db = CreateDbContext())
                ProjectId = await db.Projects.Where(p => p.Code == "C-03").Select(p => p.Id).SingleAsync();
            await Services.GetRequiredService<Openings>().OpenAsync(Actors.Organizer, ProjectId);
            var panels = Services.GetRequiredService<Panels>();
            foreach (var login in new[] { "expert04", "expert05", "expert06" }) await panels.AddAsync(Actors.Organizer, ProjectId, login);
            await panels.SetBlindAsync(Actors.Organizer, ProjectId, true);
            await panels.StartEvaluationAsync(Actors.Organizer, ProjectId);
            await using var read = CreateDbContext();
            var valid = await read.Proposals.Include(p => p.Versions).Where(p => p.TenderProjectId == ProjectId && p.Status == ProposalStatus.Valid).ToListAsync();
            var institutions = await read.Institutions.ToDictionaryAsync(i => i.Id);
            foreach (var p in valid)
            {
                Bids[institutions[p.InstitutionId].Name] = (p.Id, p.Current.Id);
                NamesEn[institutions[p.InstitutionId].Name] = institutions[p.InstitutionId].NameEn;
            }
        }
    }

    private Evaluations Service => fixture.Services.GetRequiredService<Evaluations>();

    private static Actor Expert(string login) => Actor.Of(login, Roles.Evaluator);

    private async Task<HttpResponseMessage> GetAsync(string login, string address, string language = "en")
    {
        using var client = await SignIn.ClientAsync(fixture, login);
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.AcceptLanguage.ParseAdd(language);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AnEvaluatorOffThePanel_GetsNothing()
    {
        Assert.Equal(5, fixture.Bids.Count);
        Assert.True(AccessPolicy.IsNotFound(await Assert.ThrowsAsync<DomainException>(() => Service.WorkspaceAsync(Expert("expert07"), fixture.ProjectId))));
        Assert.True(AccessPolicy.IsNotFound(await Assert.ThrowsAsync<DomainException>(() =>
            Service.DeclareAsync(Expert("expert07"), fixture.ProjectId, []))));
        foreach (var (_, versionId) in fixture.Bids.Values)
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("expert07", Routes.ProposalDocument(versionId))).StatusCode);
        var page = await GetAsync("expert07", Routes.EvaluatorProject(fixture.ProjectId));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var html = SignIn.Text(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains(Text("NotFound.Title", "en"), html);
        Assert.DoesNotContain(fixture.NamesEn.Values.First(), html);
        // Nor is it listed on the evaluator's home.
        Assert.DoesNotContain(await Service.PanelsAsync(Expert("expert07")), r => r.ProjectId == fixture.ProjectId);
    }

    [Fact]
    public async Task BeforeTheDeclaration_TheDocumentIsNotFound_AndThePageShowsOnlyTheBiddersNames()
    {
        foreach (var (_, versionId) in fixture.Bids.Values)
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("expert04", Routes.ProposalDocument(versionId))).StatusCode);

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var workspace = await Service.WorkspaceAsync(Expert("expert04"), fixture.ProjectId);
        Assert.False(workspace.HasDeclared);
        Assert.Empty(workspace.Proposals);
        var comparer = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), ignoreCase: true);
        Assert.Equal(fixture.Bids.Keys.Order(comparer), workspace.Bidders.Select(b => b.Institution));

        var page = await GetAsync("expert04", Routes.EvaluatorProject(fixture.ProjectId), "zh-CN");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = SignIn.Text(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        foreach (var name in fixture.Bids.Keys) Assert.Contains(name, html);
        // Names only: no letter that would pair them with blind labels, no link to a proposal.
        // (The blind-mode note names "方案 A、B…" as an example; no proposal carries a label here.)
        foreach (var letter in new[] { "B", "C", "D", "E" }) Assert.DoesNotContain($"方案 {letter}", html);
        Assert.DoesNotContain("/evaluator/proposals/", html);
        Assert.Contains(Text("EvaluatorProject.DeclareHeading", "zh-CN"), html);
    }

    [Fact]
    public async Task AConflictedEvaluator_CannotOpenThatProposalByUrl_ButOpensAnother_NamedByItsLetter()
    {
        var names = fixture.Bids.Keys.Order(StringComparer.Ordinal).ToList();
        var (conflicted, other) = (names[0], names[1]);
        var conflictedId = fixture.Bids[conflicted].ProposalId;
        await Service.DeclareAsync(Expert("expert05"), fixture.ProjectId, [(conflictedId, "  曾在该机构兼职授课  ")]);

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("expert05", Routes.ProposalDocument(fixture.Bids[conflicted].VersionId))).StatusCode);
        var ok = await GetAsync("expert05", Routes.ProposalDocument(fixture.Bids[other].VersionId), "zh-CN");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("application/pdf", ok.Content.Headers.ContentType?.MediaType);
        var bytes = await ok.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        var letter = BlindLabels.For(fixture.Bids.Values.Select(b => b.ProposalId))[fixture.Bids[other].ProposalId];
        Assert.Equal($"方案{letter}.pdf", ok.Content.Headers.ContentDisposition?.FileNameStar);

        var workspace = await Service.WorkspaceAsync(Expert("expert05"), fixture.ProjectId);
        var row = Assert.Single(workspace.Proposals, p => p.ProposalId == fixture.Bids[conflicted].ProposalId);
        Assert.True(row.Conflicted);
        Assert.Equal(4, workspace.Proposals.Count(p => !p.Conflicted));
        await using var db = fixture.CreateDbContext();
        Assert.Equal("曾在该机构兼职授课", await db.Set<ConflictDeclaration>().Where(c => c.ProposalId == conflictedId).Select(c => c.Reason)
            .SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task BlindMode_ListsProposalA_B_C_AndNoInstitutionName()
    {
        await Service.DeclareAsync(Expert("expert06"), fixture.ProjectId, []);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var workspace = await Service.WorkspaceAsync(Expert("expert06"), fixture.ProjectId);
        Assert.True(workspace.HasDeclared);
        Assert.Empty(workspace.Bidders);
        Assert.Equal(["方案 A", "方案 B", "方案 C", "方案 D", "方案 E"], workspace.Proposals.Select(p => p.Label));
        Assert.All(workspace.Proposals, p => Assert.Equal(SheetProgress.NotStarted, p.Sheet));

        foreach (var (language, label) in new[] { ("zh-CN", "方案 A"), ("en", "Proposal A") })
        {
            var html = SignIn.Text(await (await GetAsync("expert06", Routes.EvaluatorProject(fixture.ProjectId), language)).Content
                .ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Contains(label, html);
            Assert.Contains(Routes.EvaluatorProposal(workspace.Proposals[0].ProposalId), html);
            foreach (var name in fixture.Bids.Keys.Concat(fixture.NamesEn.Values)) Assert.DoesNotContain(name, html);
        }
    }

    [Fact]
    public async Task DraftOnADeclaredConflict_GoesWithTheDeclaration_AndASubmittedOneCannotBeDeclaredAgainst()
    {
        // expert04 never declares in this class (the names-only test needs it undeclared): use the organizer's panel to add one more.
        await fixture.Services.GetRequiredService<Panels>().AddAsync(Actors.Organizer, fixture.ProjectId, "expert08");
        await Service.DeclareAsync(Expert("expert08"), fixture.ProjectId, []);
        var (first, second) = (fixture.Bids.Values.Min(b => b.ProposalId), fixture.Bids.Values.Max(b => b.ProposalId));
        await using (var db = fixture.CreateDbContext())
        {
            var member = await db.PanelMembers.Include(m => m.Conflicts).SingleAsync(m => m.TenderProjectId == fixture.ProjectId
                && db.Users.Any(u => u.Id == m.UserId && u.UserName == "expert08"), TestContext.Current.CancellationToken);
            db.ScoreSheets.Add(new ScoreSheet(member, first));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        Assert.Equal(SheetProgress.Draft, (await Service.WorkspaceAsync(Expert("expert08"), fixture.ProjectId)).Proposals.Single(p => p.ProposalId == first).Sheet);

        await Service.DeclareConflictAsync(Expert("expert08"), fixture.ProjectId, first, "发现与该机构有合作项目");
        var after = await Service.WorkspaceAsync(Expert("expert08"), fixture.ProjectId);
        Assert.True(after.Proposals.Single(p => p.ProposalId == first).Conflicted);
        await using (var db = fixture.CreateDbContext())
            Assert.False(await db.ScoreSheets.AnyAsync(s => s.ProposalId == first && db.PanelMembers.Any(m => m.Id == s.PanelMemberId
                && db.Users.Any(u => u.Id == m.UserId && u.UserName == "expert08")), TestContext.Current.CancellationToken));

        // No reason: refused, nothing recorded.
        var noReason = await Assert.ThrowsAsync<DomainException>(() => Service.DeclareConflictAsync(Expert("expert08"), fixture.ProjectId, second, "  "));
        Assert.Equal("Conflict.ReasonRequired", noReason.Key);
        Assert.False((await Service.WorkspaceAsync(Expert("expert08"), fixture.ProjectId)).Proposals.Single(p => p.ProposalId == second).Conflicted);
    }

    private static string Text(string key, string culture) =>
        BidPortal.Web.Infrastructure.LocalizationSetup.Catalog.Format(key, CultureInfo.GetCultureInfo(culture));
}
