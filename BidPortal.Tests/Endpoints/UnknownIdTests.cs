using System.Net;
using BidPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Tests.Endpoints;

/// <summary>
/// Every page with an id in its address: an id that names nothing answers 404 with the not-found
/// text; a record of another unit or institution answers 403.
/// </summary>
public class UnknownIdTests(UnknownIdTests.Fixture fixture) : IClassFixture<UnknownIdTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private const int Unknown = 999999;

    private async Task AssertStatusAsync(string login, string address, HttpStatusCode expected)
    {
        using var client = await SignIn.ClientAsync(fixture, login);
        var response = await client.GetAsync(address);
        Assert.True(expected == response.StatusCode, $"{login} GET {address}: {response.StatusCode}, expected {expected}");
        if (expected == HttpStatusCode.NotFound)
            Assert.Contains("Not found", SignIn.Text(await response.Content.ReadAsStringAsync()), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("organizer", "/organizer/projects/{0}")]
    [InlineData("organizer", "/filings/{0}")]
    [InlineData("sponsor.czj", "/filings/{0}")]
    [InlineData("sponsor.czj", "/sponsor/filings/{0}/edit")]
    [InlineData("organizer", "/organizer/campaigns/{0}/rules")]
    [InlineData("organizer", "/organizer/institutions/{0}")]
    [InlineData("organizer", "/institutions/{0}")]
    public async Task UnknownId_AnswersNotFound(string login, string address) =>
        await AssertStatusAsync(login, address.Replace("{0}", Unknown.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), HttpStatusCode.NotFound);

    [Fact]
    public async Task InstitutionProject_WithAnUnknownProject_AnswersNotFoundToTheOrganizer()
    {
        await using var db = fixture.CreateDbContext();
        var pku = await db.Institutions.SingleAsync(i => i.Code == "PKU");
        await AssertStatusAsync("organizer", $"/institutions/{pku.Id}/projects/{Unknown}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnotherUnitsFiling_IsForbidden_OnItsPageAndItsEditPage()
    {
        await using var db = fixture.CreateDbContext();
        var other = await db.Filings.FirstAsync(f => f.SponsorUnit!.Code == "HYJ");
        await AssertStatusAsync("sponsor.czj", $"/filings/{other.Id}", HttpStatusCode.Forbidden);
        await AssertStatusAsync("sponsor.czj", $"/sponsor/filings/{other.Id}/edit", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnotherInstitutionsPages_AreForbidden()
    {
        await using var db = fixture.CreateDbContext();
        var nau = await db.Institutions.SingleAsync(i => i.Code == "NAU");
        var open = await db.Projects.SingleAsync(p => p.Code == "C-02");
        await AssertStatusAsync("inst.pku", $"/institutions/{nau.Id}", HttpStatusCode.Forbidden);
        await AssertStatusAsync("inst.pku", $"/institutions/{nau.Id}/projects/{open.Id}", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task KnownIds_AnswerOk_ToTheirOwners()
    {
        await using var db = fixture.CreateDbContext();
        var project = await db.Projects.FirstAsync();
        var own = await db.Filings.FirstAsync(f => f.SponsorUnit!.Code == "CZJ");
        await AssertStatusAsync("organizer", $"/organizer/projects/{project.Id}", HttpStatusCode.OK);
        await AssertStatusAsync("sponsor.czj", $"/filings/{own.Id}", HttpStatusCode.OK);
    }
}
