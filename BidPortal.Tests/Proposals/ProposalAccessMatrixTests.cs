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
            Assert.Equal(HttpStatusCode.Forbidden, before[(login, "document")]);
            Assert.Equal(HttpStatusCode.Forbidden, before[(login, "receipt")]);
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

        var organizer = Actor.Of("organizer", Roles.Organizer);
        await factory.Services.GetRequiredService<Openings>().OpenAsync(organizer, projectId, TestContext.Current.CancellationToken);

        var after = await StatusesAsync(factory, addresses);
        Assert.Equal(HttpStatusCode.OK, after[("organizer", "document")]);
        Assert.Equal(HttpStatusCode.OK, after[("organizer", "record")]);
        Assert.Equal(HttpStatusCode.OK, after[("inst.pku", "document")]);
        Assert.Equal(HttpStatusCode.OK, after[("inst.pku", "record")]);
        // Another bidder reads the public record, never PKU's document or receipt.
        Assert.Equal(HttpStatusCode.OK, after[("inst.thu", "record")]);
        Assert.Equal(HttpStatusCode.Forbidden, after[("inst.thu", "document")]);
        Assert.Equal(HttpStatusCode.Forbidden, after[("inst.thu", "receipt")]);
        // Not a bidder, not the organizer: still nothing (the evaluators' access comes with their panels).
        foreach (var login in new[] { "sponsor.czj", "expert01", "inst.ouc" })
            foreach (var address in new[] { "document", "receipt", "record" })
                Assert.Equal(HttpStatusCode.Forbidden, after[(login, address)]);
        Assert.Contains(price, await PageAsync(factory, "organizer", Routes.Project(projectId)));
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
