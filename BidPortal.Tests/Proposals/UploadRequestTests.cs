using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BidPortal.Web;

namespace BidPortal.Tests.Proposals;

/// <summary>
/// Requests the page never sends but a script or an attacker might: each gets the JSON message the
/// upload answers with (never an error page or a stack trace), and nothing is stored.
/// </summary>
public class UploadRequestTests(UploadFixture portal) : IClassFixture<UploadFixture>
{
    private async Task<(HttpStatusCode Status, string Message)> SendAsync(HttpContent content, int? projectId = null)
    {
        var token = await Bids.TokenAsync(portal.Client);
        using var request = new HttpRequestMessage(HttpMethod.Post, Routes.ProposalUpload(projectId ?? portal.ProjectId)) { Content = content };
        request.Headers.Add(token["header"], token["token"]);
        request.Headers.AcceptLanguage.ParseAdd("en");
        using var response = await portal.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var message = await Bids.MessageAsync(response);
        Assert.Equal(portal.Baseline, await Bids.StoredAsync(portal.Factory));
        return (response.StatusCode, message);
    }

    [Fact]
    public async Task AProjectThatDoesNotExist_IsSaidInWords()
    {
        var (status, message) = await SendAsync(Bids.Form(new ByteArrayContent(Bids.Pdf()), "方案.pdf"), projectId: 99_999);
        Assert.Equal((HttpStatusCode.NotFound, "There is no such project."), (status, message));
    }

    [Fact]
    public async Task ABodyCutBeforeItsLastBoundary_IsMalformed()
    {
        const string boundary = "cut-here";
        var fields = new[] { ("price", "150000"), ("days", "5"), ("trainees", "60"), ("faculty", "王立 教授"), ("outline", "第一天") };
        var body = string.Concat(fields.Select(f => $"--{boundary}\r\nContent-Disposition: form-data; name=\"{f.Item1}\"\r\n\r\n{f.Item2}\r\n"))
            + $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4 and then nothing";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        var (status, message) = await SendAsync(content);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("The upload was incomplete or malformed and was not accepted; please upload again.", message);
    }

    [Theory]
    [InlineData("1,0,0", "Please give the price (CNY) as a number.")]
    [InlineData("1e30", "Please give the price (CNY) as a number.")]
    [InlineData("", "Please give the price (CNY) as a number.")]
    public async Task APriceThatIsNotAPlainNumber_IsAskedForAsOne(string price, string expected)
    {
        var (status, message) = await SendAsync(Bids.Form(new ByteArrayContent(Bids.Pdf()), "方案.pdf", price: price));
        Assert.Equal((HttpStatusCode.BadRequest, expected), (status, message));
    }

    [Fact]
    public async Task AnUnknownField_IsMalformed_AndNotHeld()
    {
        // Before the file, where the fields go: an unknown name is refused, not kept in memory.
        var form = new MultipartFormDataContent { { new StringContent(new string('x', 60_000)), "junk" } };
        foreach (var part in Bids.Form(new ByteArrayContent(Bids.Pdf()), "方案.pdf")) form.Add(part);
        var (status, _) = await SendAsync(form);
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task AnInvisibleRightToLeftMarkInTheName_IsRefused()
    {
        var (status, message) = await SendAsync(Bids.Form(new ByteArrayContent(Bids.Pdf()), "a\u200Fgpj.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("file name", message);
    }

    [Fact]
    public async Task AnOutlineFarPastItsLimit_GetsTheLengthMessage()
    {
        var (status, message) = await SendAsync(Bids.Form(new ByteArrayContent(Bids.Pdf()), "方案.pdf", outline: new string('纲', 70_000)));
        Assert.Equal((HttpStatusCode.BadRequest, "“course outline” is too long: at most 8000 characters."), (status, message));
    }
}
