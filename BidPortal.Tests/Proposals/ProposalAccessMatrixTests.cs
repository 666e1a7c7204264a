using System.Net;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using BidPortal.Web;
using BidPortal.Web.Features.Proposals;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BidPortal.Tests.Proposals;

/// <summary>
/// Every role, and another institution, against every proposal page and endpoint of one sealed bid
/// (PKU's on C-03, past its deadline), before and after the opening. Before it only the owner sees
/// anything; after it the organizer reads the bid and every bidder reads the opening record.
/// </summary>
public class ProposalAccessMatrixTests
{
    private static readonly string[] Logins = ["organizer", "sponsor.czj", "expert01", "inst.pku", "inst.thu", "inst.ouc"];

    [Fact]
    public async Task OnlyTheOwnerSeesASealedBid_AndAfterTheOpeningTheOrganizerAndTheBiddersSeeWhatIsTheirs()
    {
        using var factory = new PortalFactory();
        int projectId, versionId;
        string price;
        await using (var db = factory.CreateDbContext())
        {
            var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Code == "C-03" && p.Status == ProjectStatus.Open);
            projectId = project.Id;
            var bid = await db.Proposals.AsNoTracking().Include(p => p.Versions).SingleAsync(p => p.TenderProjectId == projectId && p.InstitutionId == Bids.PkuId);
            versionId = bid.Current.Id;
            price = MoneyText.Format(bid.Current.Price);
        }
        var addresses = new Dictionary<string, string>
        {
            ["document"] = Routes.ProposalDocument(versionId),
            ["receipt"] = Routes.ReceiptPdf(versionId),
            ["record"] = Routes.OpeningRecordPdf(projectId),
            ["owner's page"] = Routes.InstitutionProject(Bids.PkuId, projectId),
        };

        var before = await StatusesAsync(factory, addresses);
        foreach (var login in Logins.Where(l => l != "inst.pku"))
        {
            // A sealed version does not exist for anyone but its owner: its number would say that someone bid.
            Assert.Equal(HttpStatusCode.NotFound, before[(login, "document")]);
            Assert.Equal(HttpStatusCode.NotFound, before[(login, "receipt")]);
            Assert.Equal(HttpStatusCode.Forbidden, before[(login, "record")]);
        }
        Assert.Equal(HttpStatusCode.OK, before[("inst.pku", "document")]);
        Assert.Equal(HttpStatusCode.OK, before[("inst.pku", "receipt")]);
        Assert.Equal(HttpStatusCode.Forbidden, before[("inst.pku", "record")]);
        Assert.Equal(HttpStatusCode.OK, before[("inst.pku", "owner's page")]);
        foreach (var login in new[] { "sponsor.czj", "expert01", "inst.thu", "inst.ouc" })
            Assert.Equal(HttpStatusCode.Forbidden, before[(login, "owner's page")]);
        foreach (var address in addresses.Keys) Assert.Equal(HttpStatusCode.Redirect, before[("anonymous", address)]);
        Assert.DoesNotContain(price, await PageAsync(factory, "organizer", Routes.Project(projectId)));

        // One byte of THU's sealed file changed on disk: flagged at the opening, and not handed out after it.
        int thuVersion;
        await using (var db = factory.CreateDbContext())
        {
            var thuId = await db.Institutions.Where(i => i.Code == "THU").Select(i => i.Id).SingleAsync(TestContext.Current.CancellationToken);
            var thu = await db.Proposals.AsNoTracking().Include(p => p.Versions)
                .SingleAsync(p => p.TenderProjectId == projectId && p.InstitutionId == thuId, TestContext.Current.CancellationToken);
            thuVersion = thu.Current.Id;
            var path = Path.Combine(factory.DataFolder, "proposals", thu.Current.StorageKey + ".sealed");
            var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
            bytes[^40] ^= 0x01;
            await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);
        }

        var organizer = Actor.Of("organizer", Roles.Organizer);
        await factory.Services.GetRequiredService<Openings>().OpenAsync(organizer, projectId, TestContext.Current.CancellationToken);

        var after = await StatusesAsync(factory, addresses);
        Assert.Equal(HttpStatusCode.OK, after[("organizer", "document")]);
        Assert.Equal(HttpStatusCode.OK, after[("organizer", "record")]);
        Assert.Equal(HttpStatusCode.OK, after[("inst.pku", "document")]);
        Assert.Equal(HttpStatusCode.OK, after[("inst.pku", "record")]);
        // Another bidder reads the public record, never PKU's document or receipt.
        Assert.Equal(HttpStatusCode.OK, after[("inst.thu", "record")]);
        Assert.Equal(HttpStatusCode.NotFound, after[("inst.thu", "document")]);
        Assert.Equal(HttpStatusCode.NotFound, after[("inst.thu", "receipt")]);
        // Not a bidder, not the organizer: still nothing (the evaluators' access comes with their panels).
        foreach (var login in new[] { "sponsor.czj", "expert01", "inst.ouc" })
        {
            Assert.Equal(HttpStatusCode.NotFound, after[(login, "document")]);
            Assert.Equal(HttpStatusCode.NotFound, after[(login, "receipt")]);
            Assert.Equal(HttpStatusCode.Forbidden, after[(login, "record")]);
        }
        Assert.Contains(price, await PageAsync(factory, "organizer", Routes.Project(projectId)));
        using (var client = await SignIn.ClientAsync(factory, "organizer"))
        {
            using var flagged = await client.GetAsync(Routes.ProposalDocument(thuVersion), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Conflict, flagged.StatusCode);
            Assert.Contains("failed its hash check at the opening", await flagged.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
    }

    private static async Task<Dictionary<(string Login, string Address), HttpStatusCode>> StatusesAsync(PortalFactory factory,
        IReadOnlyDictionary<string, string> addresses)
    {
        var statuses = new Dictionary<(string, string), HttpStatusCode>();
        foreach (var login in Logins.Append("anonymous"))
        {
            using var client = login == "anonymous"
                ? factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
                : await SignIn.ClientAsync(factory, login);
            foreach (var (name, address) in addresses)
            {
                using var response = await client.GetAsync(address, TestContext.Current.CancellationToken);
                statuses[(login, name)] = response.StatusCode;
            }
        }
        return statuses;
    }

    private static async Task<string> PageAsync(PortalFactory factory, string login, string address)
    {
        using var client = await SignIn.ClientAsync(factory, login);
        return SignIn.Text(await client.GetStringAsync(address, TestContext.Current.CancellationToken));
    }
}
