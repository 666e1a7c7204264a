using System.Globalization;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Identity;
using BidPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using InvitationService = BidPortal.Web.Features.Invitations.Invitations;

namespace BidPortal.Tests.Endpoints;

/// <summary>What the services say to a person who acts too late, in the person's language.</summary>
public sealed class LanguageMessageTests : IDisposable
{
    private static readonly Actor Organizer = Actor.Of("organizer", Roles.Organizer);
    private readonly PortalFactory _factory = new(settings: new Dictionary<string, string?> { ["Portal:BackgroundJobs"] = "false" });
    private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;

    private InvitationService Invitations => _factory.Services.GetRequiredService<InvitationService>();

    [Theory]
    [InlineData("zh-CN", "截止时间 2020-01-01 17:00（北京时间）已过")]
    [InlineData("en", "The deadline 1 Jan 2020, 17:00 (Beijing time) is in the past")]
    public async Task PublishingWithAPastDeadline_SaysTheDeadlineInBeijingTime(string culture, string said)
    {
        int planning;
        await using (var db = _factory.CreateDbContext())
            planning = (await db.Projects.SingleAsync(p => p.Code == "C-01")).Id;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            Invitations.PublishAsync(Organizer, [planning], new DateTimeOffset(2020, 1, 1, 9, 0, 0, TimeSpan.Zero)));

        Assert.Contains(said, refusal.Message);
        Assert.DoesNotContain("UTC", refusal.Message);
        Assert.False(AccessPolicy.IsDenied(refusal));
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _ui;
        _factory.Dispose();
    }
}
