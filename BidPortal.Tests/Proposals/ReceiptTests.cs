using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using BidPortal.Web;
using BidPortal.Web.Features.Proposals;
using BidPortal.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;
using UglyToad.PdfPig;
using ProposalService = BidPortal.Web.Features.Proposals.Proposals;
using QuestionService = BidPortal.Web.Features.Questions.Questions;

namespace BidPortal.Tests.Proposals;

/// <summary>
/// The receipt (回执) of an upload: as a PDF an institution downloads (and nobody else before the
/// opening), and by mail through a real SMTP server (netDumbster) with the PDF attached.
/// </summary>
public sealed class ReceiptTests : IDisposable
{
    private static readonly CultureInfo Chinese = new("zh-CN");
    private static readonly CultureInfo English = new("en");
    private readonly int _port = FreePort.Next();
    private readonly SimpleSmtpServer _smtp;
    private readonly PortalFactory _factory;

    public ReceiptTests()
    {
        _smtp = SimpleSmtpServer.Start(_port);
        _factory = new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = $"{_port}",
            ["Smtp:Security"] = "None",
            ["Portal:BackgroundJobs"] = "false",
        });
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> OpenProjectAsync()
    {
        await using var db = _factory.CreateDbContext();
        return await db.Projects.Where(p => p.Code == "C-02" && p.Status == ProjectStatus.Open).Select(p => p.Id).SingleAsync(Ct);
    }

    /// <summary>Uploads a small PDF as the signed-in institution, over HTTP as the page does; returns the receipt.</summary>
    private static async Task<JsonElement> UploadAsync(HttpClient client, int projectId, string price = "150000", string fileName = "方案.pdf")
    {
        var token = await client.GetFromJsonAsync<Dictionary<string, string>>(Routes.ProposalUploadToken, Ct);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(price), "price" },
            { new StringContent("5"), "days" },
            { new StringContent("60"), "trainees" },
            { new StringContent("王教授 教授"), "faculty" },
            { new StringContent("第一天 宏观经济"), "outline" },
            { new ByteArrayContent(Encoding.ASCII.GetBytes($"%PDF-1.4\n% proposal {Guid.NewGuid()}\n%%EOF\n")), "file", fileName },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, Routes.ProposalUpload(projectId)) { Content = form };
        request.Headers.Add(token!["header"], token["token"]);
        var response = await client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<HttpClient> ReaderAsync(PortalFactory factory, string login, string culture)
    {
        var client = await SignIn.ClientAsync(factory, login);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        return client;
    }

    private static string NoSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private Task<int> DispatchAsync() => _factory.Services.GetRequiredService<MailDispatcher>().DispatchPendingAsync(Ct);

    private static MimeMessage Mime(SmtpMessage m) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)));

    private List<MimeMessage> Received(string purpose) =>
        [.. _smtp.ReceivedEmail.Select(Mime).Where(m => m.Headers["X-BidPortal-Purpose"] == purpose)];

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task ReceiptPdf_StatesTheNumberHashInstitutionAndBeijingTime_InTheReadersLanguage(string cultureName)
    {
        var culture = new CultureInfo(cultureName);
        var projectId = await OpenProjectAsync();
        using var client = await ReaderAsync(_factory, "inst.sdu", cultureName);
        var receipt = await UploadAsync(client, projectId);
        var versionId = receipt.GetProperty("versionId").GetInt32();
        var number = receipt.GetProperty("receiptNumber").GetString()!;
        var sha = receipt.GetProperty("sha256").GetString()!;
        var receivedAt = receipt.GetProperty("receivedAt").GetDateTimeOffset();
        Assert.Matches("^[0-9a-f]{64}$", sha);

        var response = await client.GetAsync(Routes.ReceiptPdf(versionId), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var expectedName = Language.IsChinese(culture) ? $"投标回执-{number}.pdf" : $"proposal-receipt-{number}.pdf";
        Assert.Equal(expectedName, response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        // Kept beside the screenshots, for a person to look at (pdftoppm -png).
        Directory.CreateDirectory(Browser.BrowserFixture.ScreenshotFolder);
        await File.WriteAllBytesAsync(Path.Combine(Browser.BrowserFixture.ScreenshotFolder, $"receipt-{cultureName}.pdf"), bytes, Ct);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
        var page = pdf.GetPage(1);
        var text = NoSpace(page.Text);
        Assert.Contains(Language.IsChinese(culture) ? "投标回执" : "Proposalreceipt", text);
        Assert.Contains(number, text);
        // The hash may wrap: read back without the breaks and spaces, it is the whole hash.
        Assert.Contains(sha, text);
        Assert.Contains(NoSpace(BeijingTime.FormatToTheSecond(receivedAt, culture)), text);
        Assert.Contains(Language.IsChinese(culture) ? "北京时间" : "Beijingtime", text);
        Assert.Contains(Language.IsChinese(culture) ? "山东大学" : "ShandongUniversity", text);
        Assert.Contains("¥150,000", text);
        Assert.Contains("C-02", text);
        // Nothing runs off the page: every glyph lies inside the margins.
        Assert.All(page.Letters.Where(l => l.Value.Trim().Length > 0),
            l => Assert.InRange(l.BoundingBox.Right, 0, page.Width - 40));
    }

    [Fact]
    public async Task ReceiptPdf_IsRefusedToAnotherInstitutionAndTheOrganizer_AndUnknownIsNotFound()
    {
        var projectId = await OpenProjectAsync();
        using var sdu = await SignIn.ClientAsync(_factory, "inst.sdu");
        var versionId = (await UploadAsync(sdu, projectId)).GetProperty("versionId").GetInt32();

        foreach (var login in new[] { "inst.pku", "organizer" })
        {
            using var other = await SignIn.ClientAsync(_factory, login);
            var refused = await other.GetAsync(Routes.ReceiptPdf(versionId), Ct);
            Assert.True(refused.StatusCode == HttpStatusCode.NotFound, $"{login}: {refused.StatusCode}");
            Assert.NotEqual("application/pdf", refused.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await sdu.GetAsync(Routes.ReceiptPdf(999999), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sdu.GetAsync(Routes.ReceiptPdf(versionId), Ct)).StatusCode);
    }

    [Fact]
    public async Task AnUpload_MailsTheReceiptToEveryContact_WithThePdfAttached_AndAReplacementNamesVersionTwo()
    {
        var projectId = await OpenProjectAsync();
        await using (var db = _factory.CreateDbContext())
        {
            var institution = await db.Institutions.Include(i => i.Contacts).SingleAsync(i => i.Code == "SDU", Ct);
            institution.AddContact("张老师", "zhang@sdu.edu.demo", null, isPrimary: false);
            await db.SaveChangesAsync(Ct);
        }
        using var client = await SignIn.ClientAsync(_factory, "inst.sdu");   // the page is in English; SDU reads Chinese
        var first = await UploadAsync(client, projectId);
        var number = first.GetProperty("receiptNumber").GetString()!;
        var sha = first.GetProperty("sha256").GetString()!;
        await DispatchAsync();

        var mails = Received(ReceiptMail.ReceiptPurpose);
        Assert.Equal(["training@sdu.edu.demo", "zhang@sdu.edu.demo"], mails.Select(m => m.To.Mailboxes.Single().Address).Order());
        foreach (var mail in mails)
        {
            Assert.Contains(number, mail.Subject);
            Assert.Contains(number, mail.TextBody);
            Assert.Contains(sha, mail.TextBody);
            Assert.Contains("（北京时间）", mail.TextBody);
            Assert.Contains(number, mail.HtmlBody);
            // The outbox the organizer reads keeps the text: it never holds the sealed price.
            Assert.DoesNotContain("150,000", mail.TextBody);
            Assert.DoesNotContain("150000", mail.TextBody);
            var attachment = mail.Attachments.OfType<MimePart>().Single();
            Assert.Equal($"投标回执-{number}.pdf", attachment.FileName);
            Assert.Equal("application/pdf", attachment.ContentType.MimeType);
            using var content = new MemoryStream();
            await attachment.Content!.DecodeToAsync(content, Ct);
            using var pdf = PdfDocument.Open(content.ToArray());
            var text = NoSpace(pdf.GetPage(1).Text);
            Assert.Contains(number, text);
            Assert.Contains(sha, text);
            Assert.Contains("¥150,000", text);
        }

        var second = await UploadAsync(client, projectId, price: "148000", fileName: "方案-修订.pdf");
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        var secondNumber = second.GetProperty("receiptNumber").GetString()!;
        await DispatchAsync();
        var replacement = Received(ReceiptMail.ReceiptPurpose).Where(m => (m.Subject ?? "").Contains(secondNumber, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, replacement.Count);
        var catalog = _factory.Services.GetRequiredService<TextCatalog>();
        Assert.All(replacement, m =>
        {
            Assert.Contains(catalog.Format("Receipt.Version.Value", Chinese, 2), m.TextBody);
            Assert.Contains(catalog.Format("Receipt.Note.Replaces", Chinese, 1), m.TextBody);
            Assert.Contains("方案-修订.pdf", m.TextBody);
        });
        // Each upload mailed once to each contact, nothing more.
        Assert.Equal(4, Received(ReceiptMail.ReceiptPurpose).Count);
    }

    [Fact]
    public async Task Withdrawal_AndReconfirmation_EachSendAShortNotice_InTheInstitutionsLanguage_WithoutTheDocument()
    {
        var projectId = await OpenProjectAsync();
        int sduId;
        await using (var db = _factory.CreateDbContext())
        {
            var institution = await db.Institutions.SingleAsync(i => i.Code == "SDU", Ct);
            institution.Update(institution.Name, institution.NameEn, institution.Category, institution.Tags, "en");
            await db.SaveChangesAsync(Ct);
            sduId = institution.Id;
        }
        using var client = await SignIn.ClientAsync(_factory, "inst.sdu");
        var number = (await UploadAsync(client, projectId)).GetProperty("receiptNumber").GetString()!;
        var sdu = Actor.Of("inst.sdu", Roles.Institution, institutionId: sduId);
        var proposals = _factory.Services.GetRequiredService<ProposalService>();

        // A material extension asks for re-confirmation; SDU confirms its bid as it stands.
        DateTimeOffset deadline;
        await using (var db = _factory.CreateDbContext())
            deadline = (await db.Projects.SingleAsync(p => p.Id == projectId, Ct)).Deadline!.Value.AddDays(3);
        await _factory.Services.GetRequiredService<QuestionService>().ExtendAsync(Actors.Organizer, projectId, deadline);
        await proposals.ReconfirmAsync(sdu, projectId, Ct);
        await proposals.WithdrawAsync(sdu, projectId, Ct);
        await DispatchAsync();

        var receipt = Received(ReceiptMail.ReceiptPurpose).Single();
        Assert.StartsWith("Proposal receipt", receipt.Subject);
        Assert.Equal($"proposal-receipt-{number}.pdf", receipt.Attachments.OfType<MimePart>().Single().FileName);

        var confirmed = Received(ReceiptMail.ReconfirmedPurpose).Single();
        Assert.StartsWith("Proposal confirmed: C-02", confirmed.Subject);
        Assert.Contains(number, confirmed.TextBody);
        Assert.Contains(BeijingTime.Format(deadline, English), confirmed.TextBody);

        var withdrawn = Received(ReceiptMail.WithdrawnPurpose).Single();
        Assert.StartsWith("Proposal withdrawn: C-02", withdrawn.Subject);
        Assert.Contains("stay on record", withdrawn.TextBody);
        await using (var db = _factory.CreateDbContext())
        {
            var bid = await db.Proposals.SingleAsync(p => p.TenderProjectId == projectId && p.InstitutionId == sduId, Ct);
            Assert.Contains(BeijingTime.FormatToTheSecond(bid.WithdrawnAt!.Value, English), withdrawn.TextBody);
            Assert.Contains(BeijingTime.FormatToTheSecond(bid.ReconfirmedAt!.Value, English), confirmed.TextBody);
        }
        Assert.DoesNotContain("（北京时间）", withdrawn.TextBody);
        // Notices carry no file: neither the proposal nor a receipt.
        Assert.Empty(confirmed.Attachments);
        Assert.Empty(withdrawn.Attachments);
        Assert.All(_smtp.ReceivedEmail.Select(Mime).SelectMany(m => m.Attachments.OfType<MimePart>()),
            a => Assert.StartsWith("proposal-receipt-", a.FileName));
    }

    [Fact]
    public async Task TheOrganizersOutbox_ShowsThatAReceiptWentOut_ButNotToWhomOrForWhat()
    {
        var projectId = await OpenProjectAsync();
        using var client = await SignIn.ClientAsync(_factory, "inst.sdu");
        var receipt = await UploadAsync(client, projectId);
        await DispatchAsync();

        var outbox = await _factory.Services.GetRequiredService<BidPortal.Web.Features.Mail.Outbox>().LatestAsync(Actors.Organizer, Ct);
        var sent = outbox.Where(m => m.CreatedAt >= receipt.GetProperty("receivedAt").GetDateTimeOffset()).ToList();
        Assert.Single(sent);
        Assert.Equal(BidPortal.Domain.Mail.MailStatus.Sent, sent[0].Status);
        var shown = string.Join(" ", sent[0].ToName, sent[0].ToAddress, sent[0].Subject, sent[0].TextBody);
        Assert.DoesNotContain("sdu", shown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("山东大学", shown);
        Assert.DoesNotContain(receipt.GetProperty("receiptNumber").GetString()!, shown);
        Assert.DoesNotContain(receipt.GetProperty("sha256").GetString()!, shown);
    }

    [Fact]
    public async Task UploadsThatFinishTogether_EachGetOneVersion_AndExactlyOneReceiptMail()
    {
        var projectId = await OpenProjectAsync();
        using var client = await SignIn.ClientAsync(_factory, "inst.sdu");
        var receipts = await Task.WhenAll(Enumerable.Range(0, BidPortal.Web.Features.Proposals.Proposals.MaxInFlight).Select(_ => UploadAsync(client, projectId)));
        await DispatchAsync();

        var numbers = receipts.Select(r => r.GetProperty("receiptNumber").GetString()!).Order().ToList();
        Assert.Equal(3, numbers.Distinct().Count());
        Assert.Equal([1, 2, 3], receipts.Select(r => r.GetProperty("version").GetInt32()).Order());
        // A save race is retried from scratch: only the attempt that saved queued its mail.
        var mailed = Received(ReceiptMail.ReceiptPurpose).Select(m => numbers.Single(n => (m.Subject ?? "").Contains(n, StringComparison.Ordinal))).Order();
        Assert.Equal(numbers, mailed);
    }

    public void Dispose()
    {
        _smtp.Dispose();
        _factory.Dispose();
    }
}
