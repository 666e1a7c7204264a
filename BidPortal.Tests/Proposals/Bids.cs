using System.Globalization;
using System.Net.Http.Headers;
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
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Tests.Proposals;

/// <summary>
/// What the proposal proofs share: C-02 (open, SDU invited, no bid from SDU yet), an upload over HTTP
/// the way the page sends it, and a count of everything an upload could leave behind.
/// </summary>
public static class Bids
{
    public const int SduId = 9;
    public const int PkuId = 1;
    public const int OucId = 17;

    public static Actor Sdu { get; } = Actor.Of("inst.sdu", Roles.Institution, institutionId: SduId);

    public static ProposalFields Fields(decimal price = 150_000m, int days = 5, int trainees = 60, string faculty = "王教授 教授",
        string outline = "第一天 宏观经济") => new(price, days, trainees, faculty, outline);

    /// <summary>A small document that is a PDF by its bytes, carrying a phrase and the price in its text.</summary>
    public static byte[] Pdf(string phrase = "Sealed proposal phrase", int size = 0)
    {
        var text = Encoding.ASCII.GetBytes($"%PDF-1.4\n% {phrase}\n%%EOF\n");
        if (size <= text.Length) return text;
        var bytes = new byte[size];
        text.CopyTo(bytes, 0);
        new Random(7).NextBytes(bytes.AsSpan(text.Length));
        return bytes;
    }

    public static async Task<(int ProjectId, DateTimeOffset Deadline)> C02Async(PortalFactory factory)
    {
        await using var db = factory.CreateDbContext();
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Code == "C-02" && p.Status == ProjectStatus.Open);
        return (project.Id, project.Deadline!.Value);
    }

    /// <summary>Proposal rows, version rows, and files (sealed or partial) in the proposals folder.</summary>
    public static async Task<(int Proposals, int Versions, int Files)> StoredAsync(PortalFactory factory)
    {
        await using var db = factory.CreateDbContext();
        var folder = Path.Combine(factory.DataFolder, "proposals");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
        return (await db.Proposals.CountAsync(), await db.ProposalVersions.CountAsync(), files);
    }

    public static async Task<Dictionary<string, string>> TokenAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<Dictionary<string, string>>(Routes.ProposalUploadToken))!;

    /// <summary>The multipart body the page sends: the fields first, then the document.</summary>
    public static MultipartFormDataContent Form(HttpContent file, string fileName, string price = "150000", string days = "5",
        string trainees = "60", string faculty = "王教授 教授", string outline = "第一天 宏观经济")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(price), "price" },
            { new StringContent(days), "days" },
            { new StringContent(trainees), "trainees" },
            { new StringContent(faculty), "faculty" },
            { new StringContent(outline), "outline" },
        };
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    /// <summary>POSTs an upload with the antiforgery header, asking for the answer in <paramref name="language"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, int projectId, MultipartFormDataContent form,
        string language = "en", Dictionary<string, string>? token = null, CancellationToken ct = default)
    {
        token ??= await TokenAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, Routes.ProposalUpload(projectId)) { Content = form };
        request.Headers.Add(token["header"], token["token"]);
        request.Headers.AcceptLanguage.Clear();
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request, ct);
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, int projectId, byte[] bytes, string fileName = "方案.pdf",
        string language = "en") => PostAsync(client, projectId, Form(new ByteArrayContent(bytes), fileName), language);

    /// <summary>The message a refused upload shows the user.</summary>
    public static async Task<string> MessageAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("message").GetString()!;
    }

    /// <summary>What the catalog says for a refusal, in a language: the text the user reads.</summary>
    public static string Text(string key, string culture, params object[] args) =>
        new DomainException(key, args).MessageIn(CultureInfo.GetCultureInfo(culture));
}
