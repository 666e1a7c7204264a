using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BidPortal.Tests.Support;
using BidPortal.Web.Infrastructure.Files;

namespace BidPortal.Tests.Proposals;

/// <summary>Each bad upload is refused with a message saying why, in the user's language, and leaves nothing behind.</summary>
public class BadFileTests(UploadFixture portal) : IClassFixture<UploadFixture>
{
    private static readonly byte[] Pdf = Bids.Pdf();

    public static TheoryData<string, string> Cases => new()
    {
        { "wrong magic", "The content of “方案.pdf” is not a PDF or Word (.docx) file; it was not accepted." },
        { "docx declared bomb", "“方案.docx” unpacks to too much data or too many entries; it was not stored." },
        { "docx too many entries", "“方案.docx” unpacks to too much data or too many entries; it was not stored." },
        { "zip without word", "The content of “方案.docx” is not a PDF or Word (.docx) file; it was not accepted." },
        { "empty", "The file “方案.pdf” is empty." },
        { "traversal slash", "The file name “../../x.pdf” contains a path or characters that are not allowed; rename the file and upload it again." },
        { "traversal backslash", "The file name “..\\x.pdf” contains a path or characters that are not allowed; rename the file and upload it again." },
        { "traversal plain header", "The file name “../../x.pdf” contains a path or characters that are not allowed; rename the file and upload it again." },
        { "double exe.pdf", "The file name “方案.exe.pdf” has two extensions, so what it is cannot be told; rename the file and upload it again." },
        { "double pdf.docx", "The file name “方案.pdf.docx” has two extensions, so what it is cannot be told; rename the file and upload it again." },
        { "bidi", "The file name holds invisible control or text-direction characters; remove them and save again." },
        { "price 0", "The price must be greater than zero." },
        { "price negative", "The price must be greater than zero." },
        { "price decimals", "The price must be an amount of at most ¥100,000,000, with at most two decimals." },
        { "price too high", "The price must be an amount of at most ¥100,000,000, with at most two decimals." },
        { "days 0", "The proposal's number of days must be greater than zero." },
        { "days 400", "The number of days cannot exceed 365." },
        { "trainees 0", "The number of trainees must be between 1 and 10000." },
        { "faculty empty", "Please fill in the faculty (names and titles)." },
        { "outline empty", "Please fill in the course outline." },
        { "outline too long", "“course outline” is too long: at most 8000 characters." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task IsRefusedWithItsMessage_AndNothingIsStored(string @case, string message)
    {
        var response = await Bids.PostAsync(portal.Client, portal.ProjectId, Form(@case));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, await Bids.MessageAsync(response));
        Assert.Equal(portal.Baseline, await Bids.StoredAsync(portal.Factory));
    }

    [Theory]
    [InlineData("wrong magic", "“方案.pdf”的内容不是 PDF 或 Word（.docx）文件，未予接收。")]
    [InlineData("docx declared bomb", "“方案.docx”解压后过大或条目过多，未保存。")]
    [InlineData("empty", "文件“方案.pdf”为空。")]
    [InlineData("traversal slash", "文件名“../../x.pdf”含有路径或不允许的字符，请改名后再上传。")]
    [InlineData("double exe.pdf", "文件名“方案.exe.pdf”带有两个扩展名，无法确定文件类型，请改名后再上传。")]
    [InlineData("price decimals", "报价须为不超过 100,000,000 元的金额，最多保留两位小数。")]
    [InlineData("faculty empty", "请填写师资（姓名与职称）。")]
    public async Task IsRefusedInChinese_ForAChineseReader(string @case, string message)
    {
        var response = await Bids.PostAsync(portal.Client, portal.ProjectId, Form(@case), language: "zh-CN");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, await Bids.MessageAsync(response));
        Assert.Equal(portal.Baseline, await Bids.StoredAsync(portal.Factory));
    }

    [Fact]
    public async Task AFileOverTheConfiguredLimit_IsRefusedNamingTheLimit_AndNothingIsStored()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Portal:ProposalMaxMegabytes"] = "1" });
        var (projectId, _) = await Bids.C02Async(factory);
        using var client = await SignIn.ClientAsync(factory, "inst.sdu");
        var before = await Bids.StoredAsync(factory);

        var english = await Bids.UploadAsync(client, projectId, Bids.Pdf(size: 1536 * 1024));
        var chinese = await Bids.UploadAsync(client, projectId, Bids.Pdf(size: 1536 * 1024), language: "zh-CN");

        Assert.Contains(english.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge });
        Assert.Equal("The file is larger than the 1 MB limit and was not accepted.", await Bids.MessageAsync(english));
        Assert.Equal("文件超过 1 MB 的上限，未予接收。", await Bids.MessageAsync(chinese));
        Assert.Equal(before, await Bids.StoredAsync(factory));
    }

    private static MultipartFormDataContent Form(string @case) => @case switch
    {
        "wrong magic" => File(Encoding.ASCII.GetBytes("MZ\x90\0 this is a program, not a PDF"), "方案.pdf"),
        "docx declared bomb" => File(Documents.DeclaredBomb(), "方案.docx"),
        "docx too many entries" => File(Documents.TooManyEntries(FileTypes.MaxZipEntries + 1), "方案.docx"),
        "zip without word" => File(Documents.ZipWithoutWord(), "方案.docx"),
        "empty" => File([], "方案.pdf"),
        "traversal slash" => File(Pdf, "../../x.pdf"),
        "traversal backslash" => File(Pdf, "..\\x.pdf"),
        "traversal plain header" => PlainHeader("../../x.pdf"),
        "double exe.pdf" => File(Pdf, "方案.exe.pdf"),
        "double pdf.docx" => File(Documents.Docx(), "方案.pdf.docx"),
        "bidi" => File(Pdf, "方案\u202Efdp.exe"),
        "price 0" => Bids.Form(new ByteArrayContent(Pdf), "方案.pdf", price: "0"),
        "price negative" => Bids.Form(new ByteArrayContent(Pdf), "方案.pdf", price: "-150000"),
        "price decimals" => Bids.Form(new ByteArrayContent(Pdf), "方案.pdf", price: "150000.123"),
        "price too high" => Bids.Form(new ByteArrayContent(Pdf), "方案.pdf", price: "100000000.01"),
        "days 0" => Bids.Form(new ByteArrayContent(Pdf), "方案.pdf", days: "0"),
        "days 400" => Bids.Form(new ByteArrayContent(Pdf), "方案.pdf", days: "400"),
        "trainees 0" => Bids.Form(new ByteArrayContent(Pdf), "方案.pdf", trainees: "0"),
        "faculty empty" => Bids.Form(new ByteArrayContent(Pdf), "方案.pdf", faculty: "  "),
        "outline empty" => Bids.Form(new ByteArrayContent(Pdf), "方案.pdf", outline: ""),
        "outline too long" => Bids.Form(new ByteArrayContent(Pdf), "方案.pdf", outline: new string('纲', 8001)),
        _ => throw new ArgumentOutOfRangeException(nameof(@case)),
    };

    private static MultipartFormDataContent File(byte[] bytes, string name) => Bids.Form(new ByteArrayContent(bytes), name);

    /// <summary>As a browser sends it: only <c>filename="…"</c>, no <c>filename*</c>.</summary>
    private static MultipartFormDataContent PlainHeader(string name)
    {
        var form = Bids.Form(new StringContent("placeholder"), "placeholder.pdf");
        var file = form.Last();
        var bytes = new ByteArrayContent(Pdf);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        bytes.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename=\"{name}\"");
        var fresh = new MultipartFormDataContent();
        foreach (var part in form.Where(p => p != file)) fresh.Add(part);
        fresh.Add(bytes);
        return fresh;
    }
}
