using System.Net;
using System.Net.Http.Json;
using System.Text;
using BidPortal.Tests.Support;
using BidPortal.Web;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Tests.Proposals;

public class ProposalUploadSmokeTests
{
    [Fact]
    public async Task AnInvitedInstitution_UploadsAPdf_AndGetsAReceipt()
    {
        using var factory = new PortalFactory();
        int projectId;
        await using (var db = factory.CreateDbContext())
            projectId = await db.Projects.Where(p => p.Code == "C-02" && p.Status == BidPortal.Domain.Projects.ProjectStatus.Open).Select(p => p.Id).SingleAsync();
        using var client = await SignIn.ClientAsync(factory, "inst.sdu");
        var token = await client.GetFromJsonAsync<Dictionary<string, string>>(Routes.ProposalUploadToken);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("150000"), "price" },
            { new StringContent("5"), "days" },
            { new StringContent("60"), "trainees" },
            { new StringContent("王教授 教授"), "faculty" },
            { new StringContent("第一天 宏观经济"), "outline" },
            { new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n% a small proposal\n%%EOF\n")), "file", "方案.pdf" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, Routes.ProposalUpload(projectId)) { Content = form };
        request.Headers.Add(token!["header"], token["token"]);
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Contains("receiptNumber", body);
    }
}
