using System.Net;
using System.Text.Json.Nodes;
using BidPortal.Domain.Proposals;
using BidPortal.Tests.Support;
using BidPortal.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DashboardService = BidPortal.Web.Features.Dashboard.Dashboard;

namespace BidPortal.Tests.Endpoints;

/// <summary>
/// A campaign's open-data package over HTTP: valid against the OCDS 1.1 release-package schema with the bids
/// extension (kept in Standards/), its counts the dashboard's, nothing of a sealed proposal, and the organizer's only.
/// </summary>
public class OpenDataExportTests(OpenDataExportTests.Fixture fixture) : IClassFixture<OpenDataExportTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private async Task<int> CampaignIdAsync(int year)
    {
        await using var db = fixture.CreateDbContext();
        return await db.Campaigns.Where(c => c.Year == year).Select(c => c.Id).SingleAsync();
    }

    private async Task<int> CurrentCampaignIdAsync()
    {
        await using var db = fixture.CreateDbContext();
        return await db.Campaigns.OrderByDescending(c => c.Year).Select(c => c.Id).FirstAsync();
    }

    private async Task<(string Json, HttpResponseMessage Response)> DownloadAsync(int campaignId)
    {
        var client = await SignIn.ClientAsync(fixture, "organizer");
        var response = await client.GetAsync(Routes.OpenDataPackage(campaignId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), response);
    }

    private static IEnumerable<JsonNode> Releases(JsonNode package) => package["releases"]!.AsArray().Select(r => r!);

    private static bool Tagged(JsonNode release, string tag) => release["tag"]!.AsArray().Any(t => (string?)t == tag);

    [Fact]
    public async Task Campaign2011_Validates_AndItsCountsAreTheDashboards()
    {
        var id = await CampaignIdAsync(2011);
        var (json, response) = await DownloadAsync(id);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("2011", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);

        Assert.Empty(await OcdsValidator.ValidateAsync(json));

        var funnel = (await fixture.Services.GetRequiredService<DashboardService>().CampaignsAsync(Actors.Organizer)).Single(c => c.Id == id).Funnel;
        var package = JsonNode.Parse(json)!;
        Assert.Equal("1.1", (string?)package["version"]);
        // Parties carry the standard's fields only (no helper property leaks into the file).
        Assert.DoesNotContain("\"reference\"", json, StringComparison.Ordinal);
        Assert.Contains("ocds_bid_extension", (string?)package["extensions"]![0]);
        var releases = Releases(package).ToList();
        var tenders = releases.Where(r => Tagged(r, "tender")).ToList();
        Assert.Equal(funnel.MunicipalFilings + funnel.CountyFilings, releases.Count(r => Tagged(r, "planning")));
        Assert.Equal(funnel.ConsolidatedProjects, tenders.Count);
        Assert.Equal(funnel.Proposals, tenders.Sum(r => r["bids"]?["details"]?.AsArray().Count ?? 0));
        Assert.Equal(funnel.Awarded, tenders.Sum(r => r["awards"]?.AsArray().Count ?? 0));
        Assert.Equal(funnel.Completed, tenders.SelectMany(r => r["contracts"]?.AsArray() ?? []).Count(c => (string?)c!["status"] == "terminated"));
        // The 2011 report's figures.
        Assert.Equal(43, tenders.Count);
        Assert.Equal(325, funnel.Proposals);
        Assert.Equal(41, funnel.Awarded);

        // Every award names the bid it came from, and every tender release links to the planning of its filings.
        var bidIds = tenders.SelectMany(r => r["bids"]?["details"]?.AsArray() ?? []).Select(b => (string?)b!["id"]).ToHashSet();
        Assert.All(tenders.SelectMany(r => r["awards"]?.AsArray() ?? []), a => Assert.Contains((string?)a!["relatedBid"], bidIds));
        var planningOcids = releases.Where(r => Tagged(r, "planning")).Select(r => (string?)r["ocid"]).ToHashSet();
        Assert.All(tenders, t => Assert.All(t["relatedProcesses"]!.AsArray(), p =>
        {
            Assert.Equal("planning", (string?)p!["relationship"]![0]);
            Assert.Contains((string?)p["identifier"], planningOcids);
        }));
    }

    [Fact]
    public async Task CurrentCampaign_Validates_AndSaysNothingOfASealedProposal()
    {
        var id = await CurrentCampaignIdAsync();
        var (json, _) = await DownloadAsync(id);
        Assert.Empty(await OcdsValidator.ValidateAsync(json));

        await using var db = fixture.CreateDbContext();
        var tenders = Releases(JsonNode.Parse(json)!).Where(r => Tagged(r, "tender")).ToDictionary(r => (string)r["tender"]!["id"]!);
        foreach (var code in new[] { "C-02", "C-03" })
        {
            var project = await db.Projects.SingleAsync(p => p.CampaignId == id && p.Code == code);
            Assert.False(project.IsOpened);
            var sealedPrices = await db.ProposalVersions
                .Where(v => db.Proposals.Any(p => p.Id == v.ProposalId && p.TenderProjectId == project.Id)).Select(v => v.Price).ToListAsync();
            Assert.NotEmpty(sealedPrices);
            var release = tenders.Single(t => t.Key.EndsWith(code, StringComparison.Ordinal)).Value;
            Assert.Null(release["bids"]);
            Assert.Null(release["tender"]!["tenderers"]);
            Assert.Null(release["tender"]!["numberOfTenderers"]);
            var text = release.ToJsonString();
            Assert.DoesNotContain("tenderer", text, StringComparison.Ordinal);
            // No amount in the release but the ceiling is any sealed proposal's price.
            var amounts = Amounts(release).Where(a => a != project.BudgetCeiling).ToList();
            Assert.DoesNotContain(amounts, a => sealedPrices.Contains(a));
        }
        // An opened project of the same campaign does publish its bids.
        var opened = tenders.Single(t => t.Key.EndsWith("C-05", StringComparison.Ordinal)).Value;
        Assert.NotEmpty(opened["bids"]!["details"]!.AsArray());
        var c05 = await db.Projects.SingleAsync(p => p.CampaignId == id && p.Code == "C-05");
        Assert.Equal(await db.Proposals.CountAsync(p => p.TenderProjectId == c05.Id && (p.Status == ProposalStatus.Valid || p.Status == ProposalStatus.Invalid)),
            opened["bids"]!["details"]!.AsArray().Count);
    }

    private static IEnumerable<decimal> Amounts(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "amount" && p.Value is JsonValue v ? [v.GetValue<decimal>()] : Amounts(p.Value)),
        JsonArray a => a.SelectMany(Amounts),
        _ => [],
    };

    [Fact]
    public async Task Validator_RejectsABadTag_ADateWithoutZone_AndATwiceUsedPartyId()
    {
        var (json, _) = await DownloadAsync(await CampaignIdAsync(2011));

        var badTag = JsonNode.Parse(json)!;
        badTag["releases"]![0]!["tag"] = new JsonArray("bidding");
        Assert.NotEmpty(await OcdsValidator.ValidateAsync(badTag.ToJsonString()));

        var noZone = JsonNode.Parse(json)!;
        noZone["releases"]![0]!["date"] = "2011-05-01T10:00:00";
        Assert.NotEmpty(await OcdsValidator.ValidateAsync(noZone.ToJsonString()));

        var bareDate = JsonNode.Parse(json)!;
        bareDate["publishedDate"] = "2011-05-01";
        Assert.NotEmpty(await OcdsValidator.ValidateAsync(bareDate.ToJsonString()));

        var twice = JsonNode.Parse(json)!;
        var parties = Releases(twice).First(r => Tagged(r, "tender"))["parties"]!.AsArray();
        parties.Add(parties[0]!.DeepClone());
        parties[^1]!["name"] = "another";
        Assert.NotEmpty(await OcdsValidator.ValidateAsync(twice.ToJsonString()));

        var badBid = JsonNode.Parse(json)!;
        var bid = Releases(badBid).First(r => r["bids"] is not null)["bids"]!["details"]![0]!;
        bid["status"] = "won";
        Assert.NotEmpty(await OcdsValidator.ValidateAsync(badBid.ToJsonString()));

        Assert.NotEmpty(await OcdsValidator.ValidateAsync("{ not json"));
    }

    [Theory]
    [InlineData("sponsor.czj")]
    [InlineData("inst.pku")]
    [InlineData("expert01")]
    public async Task Package_IsTheOrganizers(string login)
    {
        var client = await SignIn.ClientAsync(fixture, login);
        using var response = await client.GetAsync(Routes.OpenDataPackage(await CampaignIdAsync(2011)));
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.NotEqual("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownCampaign_IsNotFound()
    {
        var client = await SignIn.ClientAsync(fixture, "organizer");
        using var response = await client.GetAsync(Routes.OpenDataPackage(987654));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
