using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using BidPortal.Web.Features.Invitations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using InvitationService = BidPortal.Web.Features.Invitations.Invitations;
using ProjectService = BidPortal.Web.Features.Projects.Projects;

namespace BidPortal.Tests.Features;

/// <summary>
/// A project past its deadline says "closed, awaiting opening" everywhere and offers no chasing;
/// the test clock stands one hour after the open project's deadline.
/// </summary>
public sealed class ClosedProjectTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly PortalFactory _factory;
    private TenderProject _project = default!;
    private int _pku;

    public ClosedProjectTests() =>
        _factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Portal:BackgroundJobs"] = "false" }, clock: _clock);

    public async ValueTask InitializeAsync()
    {
        await using var db = _factory.CreateDbContext();
        _project = await db.Projects.AsNoTracking().SingleAsync(p => p.Code == "C-02" && p.Status == ProjectStatus.Open);
        _pku = (await db.Institutions.SingleAsync(i => i.Code == "PKU")).Id;
        Assert.True(await db.Invitations.AnyAsync(i => i.TenderProjectId == _project.Id && i.InstitutionId == _pku));
        _clock.SetUtcNow(_project.Deadline!.Value.AddHours(1));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Dispose() => _factory.Dispose();

    private InvitationService Invitations => _factory.Services.GetRequiredService<InvitationService>();

    [Fact]
    public async Task Services_SayClosed_AndRefuseChasingWithAReadableMessage()
    {
        Assert.True((await _factory.Services.GetRequiredService<ProjectService>().DetailsAsync(Actors.Organizer, _project.Id)).AwaitsOpening);
        var board = await Invitations.BoardAsync(Actors.Organizer, _project.Id);
        Assert.True(board.AwaitsOpening);
        Assert.False(board.IsOpen);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Invitations.ChaseAsync(Actors.Organizer, _project.Id));
        Assert.Equal("Tender.DeadlinePassed", refused.Key);
        Assert.Contains(_project.Code, refused.MessageIn(new System.Globalization.CultureInfo("zh-CN")));
        Assert.Contains("等待开标", refused.MessageIn(new System.Globalization.CultureInfo("zh-CN")));
        await using var db = _factory.CreateDbContext();
        Assert.False(await db.OutgoingMails.AnyAsync(m => m.Purpose == "chase"));

        var asPku = Actor.Of("inst.pku", Roles.Institution, _pku);
        var home = await Invitations.InstitutionHomeAsync(asPku, _pku);
        Assert.Equal(TenderStage.AwaitingOpening, home.Invitations.Single(r => r.ProjectId == _project.Id).Stage);
        var seen = await Invitations.InstitutionProjectAsync(asPku, _pku, _project.Id);
        Assert.Equal(TenderStage.AwaitingOpening, seen.Stage);
        Assert.False(seen.CanAsk);
    }

    [Theory]
    [InlineData("en", "Closed, awaiting opening", "Open for proposals")]
    [InlineData("zh-CN", "已截止，等待开标", "接受投标")]
    public async Task Pages_SayClosedAwaitingOpening_AndOfferNoChasing(string culture, string closed, string open)
    {
        using var organizer = await SignIn.ClientAsync(_factory, "organizer");
        organizer.DefaultRequestHeaders.AcceptLanguage.Clear();
        organizer.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        var page = SignIn.Text(await organizer.GetStringAsync($"/organizer/projects/{_project.Id}"));
        Assert.Contains(closed, page);
        Assert.DoesNotContain(culture == "en" ? "Chase all unacknowledged" : "催办全部未确认", page);

        using var institution = await SignIn.ClientAsync(_factory, "inst.pku");
        institution.DefaultRequestHeaders.AcceptLanguage.Clear();
        institution.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        var list = SignIn.Text(await institution.GetStringAsync($"/institutions/{_pku}"));
        Assert.Contains(closed, list);
        var project = SignIn.Text(await institution.GetStringAsync($"/institutions/{_pku}/projects/{_project.Id}"));
        Assert.Contains(closed, project);
        Assert.DoesNotContain(open, project);
    }
}
