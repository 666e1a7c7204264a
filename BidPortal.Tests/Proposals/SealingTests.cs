using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Identity;
using BidPortal.Tests.Support;
using BidPortal.Web;
using BidPortal.Web.Features.Proposals;
using BidPortal.Web.Infrastructure.Sealing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BidPortal.Tests.Proposals;

/// <summary>What is on disk, what an interrupted upload leaves, and who can reach a sealed proposal before the opening.</summary>
public class SealingTests
{
    private const string Phrase = "Distinctive proposal phrase about macroeconomic leadership";
    private const decimal Price = 212_345.67m;

    [Fact]
    public async Task TheStoredFile_HoldsNoPlaintext_IsNamedByItsKey_AndAFlippedByteNoLongerMatches()
    {
        using var factory = new PortalFactory();
        var (projectId, _) = await Bids.C02Async(factory);
        using var client = await SignIn.ClientAsync(factory, "inst.sdu");
        var document = Bids.Pdf($"{Phrase} price {Price} 212345.67", size: 300 * 1024);

        // As a browser sends the name: filename="…" only.
        var pdf = await Bids.PostAsync(client, projectId, BrowserForm(document, "sdu-proposal.pdf", Price.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(pdf.StatusCode == HttpStatusCode.OK, await pdf.Content.ReadAsStringAsync());
        var receipt = (await pdf.Content.ReadFromJsonAsync<ProposalReceipt>())!;
        Assert.Equal("sdu-proposal.pdf", receipt.FileName);
        var docx = await Bids.PostAsync(client, projectId, Bids.Form(new ByteArrayContent(Documents.Docx($"<w:t>{Phrase}</w:t>")), "方案.docx"));
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);

        await using var db = factory.CreateDbContext();
        var sduBid = await db.Proposals.AsNoTracking().Where(p => p.InstitutionId == Bids.SduId && p.TenderProjectId == projectId).Select(p => p.Id).SingleAsync();
        var versions = await db.ProposalVersions.AsNoTracking().Where(v => v.ProposalId == sduBid).ToListAsync();
        Assert.Equal(2, versions.Count);
        var vault = factory.Services.GetRequiredService<ProposalVault>();
        foreach (var version in versions)
        {
            var path = Path.Combine(factory.DataFolder, "proposals", version.StorageKey + ".sealed");
            Assert.Matches("^[0-9a-f]{32}$", version.StorageKey);
            Assert.True(File.Exists(path), path);
            var stored = await File.ReadAllBytesAsync(path);
            foreach (var plain in new[] { "%PDF", "PK\x03\x04", "212345", "212,345", Phrase[..20], "macroeconomic", "sdu-proposal", "word/document.xml", "方案" })
                Assert.True(stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(plain)) < 0, $"{plain} found in {version.FileName}'s stored file");
            Assert.True(await vault.MatchesAsync(version.StorageKey!, version.WrappedKey!, version.Sha256));
        }
        // The folder holds sealed files named by their keys, nothing named as the uploader named it.
        Assert.All(Directory.GetFiles(Path.Combine(factory.DataFolder, "proposals")).Select(Path.GetFileName),
            name => Assert.Matches("^[0-9a-f]{32}\\.sealed$", name));

        var first = versions.Single(v => v.Id == receipt.VersionId);
        var file = Path.Combine(factory.DataFolder, "proposals", first.StorageKey + ".sealed");
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(file, bytes);
        Assert.False(await vault.MatchesAsync(first.StorageKey!, first.WrappedKey!, first.Sha256));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnUploadCutAfterOneMegabyte_LeavesNoProposalAndNoFile(bool cancelled)
    {
        using var factory = new PortalFactory();
        var (projectId, _) = await Bids.C02Async(factory);
        using var client = await SignIn.ClientAsync(factory, "inst.sdu");
        var token = await Bids.TokenAsync(client);
        var before = await Bids.StoredAsync(factory);

        using var cancel = new CancellationTokenSource();
        var body = new ThrowingStream(Bids.Pdf(), limit: 1024 * 1024 + 100, cancelled ? cancel : null);
        var form = Bids.Form(new StreamContent(body), "方案.pdf");
        await Assert.ThrowsAnyAsync<Exception>(() => Bids.PostAsync(client, projectId, form, token: token, ct: cancel.Token));

        // The server notices the cut on its own time: wait for it to clean up.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await Bids.StoredAsync(factory) != before && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.Equal(before, await Bids.StoredAsync(factory));
        Assert.False((await factory.Services.GetRequiredService<BidPortal.Web.Features.Proposals.Proposals>().DeskAsync(Bids.Sdu, projectId)).HasProposal);
    }

    [Fact]
    public async Task LeftoversOlderThanTheGrace_AreRemovedAtTheNextStart_ARecordedFileStays()
    {
        using var first = new PortalFactory();
        var (projectId, _) = await Bids.C02Async(first);
        var proposals = first.Services.GetRequiredService<BidPortal.Web.Features.Proposals.Proposals>();
        var receipt = await proposals.SubmitAsync(Bids.Sdu, projectId, Bids.Fields(), "方案.pdf", new MemoryStream(Bids.Pdf()));
        string recorded;
        await using (var db = first.CreateDbContext())
            recorded = (await db.ProposalVersions.SingleAsync(v => v.Id == receipt.VersionId)).StorageKey! + ".sealed";
        var folder = Path.Combine(first.DataFolder, "proposals");
        // The demo's own sealed proposals are there too, all recorded: they must all stay.
        var kept = Directory.GetFiles(folder).Select(Path.GetFileName).ToList();
        var old = DateTime.UtcNow - ProposalCleanup.Grace - TimeSpan.FromMinutes(5);
        var partial = Leftover(folder, ".partial", old);
        var orphan = Leftover(folder, ".sealed", old);
        var recent = Leftover(folder, ".sealed", DateTime.UtcNow);
        File.SetLastWriteTimeUtc(Path.Combine(folder, recorded), old);

        using (var again = new PortalFactory(restartIn: first.DataFolder))
        {
            _ = again.Services; // starts: migrations, then the clean-up
            Assert.Contains(recorded, kept);
            Assert.Equal(kept.Append(Path.GetFileName(recent)).Order(), Directory.GetFiles(folder).Select(Path.GetFileName).Order());
            Assert.False(File.Exists(partial));
            Assert.False(File.Exists(orphan));
            var version = await again.CreateDbContext().ProposalVersions.SingleAsync(v => v.Id == receipt.VersionId);
            Assert.True(await again.Services.GetRequiredService<ProposalVault>().MatchesAsync(version.StorageKey!, version.WrappedKey!, version.Sha256));
        }
    }

    [Fact]
    public async Task BeforeTheOpening_OnlyTheOwnerReachesTheProposal_AndOnlyInvitedBiddersMayUpload()
    {
        using var factory = new PortalFactory();
        var (projectId, _) = await Bids.C02Async(factory);
        using var sdu = await SignIn.ClientAsync(factory, "inst.sdu");
        var document = Bids.Pdf(Phrase);
        var upload = await Bids.PostAsync(sdu, projectId, Bids.Form(new ByteArrayContent(document), "方案.pdf", price: "212345.67"));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var receipt = (await upload.Content.ReadFromJsonAsync<ProposalReceipt>())!;
        var stored = await Bids.StoredAsync(factory);

        // The document: the owner alone.
        var own = await sdu.GetAsync(Routes.ProposalDocument(receipt.VersionId));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(document, await own.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", own.Content.Headers.ContentDisposition?.DispositionType);
        foreach (var login in new[] { "organizer", "sponsor.czj", "expert01", "inst.pku" })
        {
            using var other = await SignIn.ClientAsync(factory, login);
            var response = await other.GetAsync(Routes.ProposalDocument(receipt.VersionId));
            // Not even "forbidden": to anyone but the owner a sealed version does not exist.
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{login}: {response.StatusCode}");
            Assert.DoesNotContain(Phrase, await response.Content.ReadAsStringAsync());
        }
        using (var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }))
        {
            var response = await anonymous.GetAsync(Routes.ProposalDocument(receipt.VersionId));
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.Found, HttpStatusCode.Unauthorized });
            if (response.StatusCode != HttpStatusCode.Unauthorized) Assert.Contains("/login", response.Headers.Location!.ToString());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await sdu.GetAsync(Routes.ProposalDocument(receipt.VersionId + 100_000))).StatusCode);

        // The receipt: the owner alone.
        var proposals = factory.Services.GetRequiredService<BidPortal.Web.Features.Proposals.Proposals>();
        Assert.Equal(receipt.Sha256, (await proposals.ReceiptAsync(Bids.Sdu, receipt.VersionId)).Sha256);
        foreach (var actor in new[] { Actors.Organizer, Actors.Other("sponsor"), Actors.Other("evaluator"), Actors.Other("institution") })
        {
            var denied = await Assert.ThrowsAsync<DomainException>(() => proposals.ReceiptAsync(actor, receipt.VersionId));
            Assert.True(AccessPolicy.IsNotFound(denied), actor.UserName);
        }

        // The organizer's project page: arrivals, never the price.
        using (var organizer = await SignIn.ClientAsync(factory, "organizer"))
        {
            var page = await organizer.GetAsync(Routes.Project(projectId));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = SignIn.Text(await page.Content.ReadAsStringAsync());
            Assert.Contains("C-02", html);
            foreach (var price in new[] { "212,345", "212345", MoneyText.Format(212_345.67m) })
                Assert.DoesNotContain(price, html);
        }

        // The upload: institutions only, with the page's token, invited and not declined.
        foreach (var login in new[] { "organizer", "sponsor.czj" })
        {
            using var other = await SignIn.ClientAsync(factory, login);
            var response = await other.SendAsync(new HttpRequestMessage(HttpMethod.Post, Routes.ProposalUpload(projectId))
                { Content = Bids.Form(new ByteArrayContent(document), "方案.pdf") });
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{login}: {response.StatusCode}");
        }
        var noToken = await sdu.PostAsync(Routes.ProposalUpload(projectId), Bids.Form(new ByteArrayContent(document), "方案.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal("The page has expired; reload it and upload again.", await Bids.MessageAsync(noToken));

        await using (var db = factory.CreateDbContext())
            Assert.False(await db.Invitations.AnyAsync(i => i.TenderProjectId == projectId && i.InstitutionId == Bids.OucId));
        using (var ouc = await SignIn.ClientAsync(factory, "inst.ouc"))
        {
            var response = await Bids.PostAsync(ouc, projectId, Bids.Form(new ByteArrayContent(document), "方案.pdf"));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        await using (var db = factory.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync("UPDATE Invitations SET Status = 'Declined' WHERE TenderProjectId = {0} AND InstitutionId = {1}",
                projectId, Bids.PkuId);
        using (var pku = await SignIn.ClientAsync(factory, "inst.pku"))
        {
            var response = await Bids.PostAsync(pku, projectId, Bids.Form(new ByteArrayContent(document), "方案.pdf"), language: "zh-CN");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("贵单位已谢绝该项目的邀请，不能再投标。", await Bids.MessageAsync(response));
        }
        Assert.Equal(stored, await Bids.StoredAsync(factory));
    }

    private static string Leftover(string folder, string suffix, DateTime writtenUtc)
    {
        var path = Path.Combine(folder, Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + suffix);
        File.WriteAllBytes(path, [1, 2, 3]);
        File.SetLastWriteTimeUtc(path, writtenUtc);
        return path;
    }

    /// <summary>The fields, then the document named only by <c>filename="…"</c>, as a browser's FormData sends it.</summary>
    private static MultipartFormDataContent BrowserForm(byte[] document, string fileName, string price)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in new[] { ("price", price), ("days", "5"), ("trainees", "60"), ("faculty", "王教授 教授"), ("outline", "第一天 宏观经济") })
            form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(document);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename=\"{fileName}\"");
        form.Add(file);
        return form;
    }
}
