using System.Net;
using BidPortal.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Tests.Endpoints;

/// <summary>Sign-in, landing pages, lockout and who may see what, over real HTTP against a real SQLite file.</summary>
public class SignInTests(SignInTests.Fixture fixture) : IClassFixture<SignInTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private HttpClient Client(string language = "en")
    {
        var client = fixture.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    [Theory]
    [InlineData("organizer", "/organizer", "Campaign dashboard")]
    [InlineData("sponsor.czj", "/sponsor", "My unit's training projects")]
    [InlineData("expert01", "/evaluator", "My evaluation panels")]
    public async Task SignIn_LandsOnTheRolesPage(string login, string path, string heading)
    {
        using var client = Client();
        var response = await SignIn.PostLoginAsync(client, login, SignIn.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(path, response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(heading, SignIn.Text(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task InstitutionUser_LandsOnItsOwnInstitution_AndIsRefusedAnother()
    {
        await using var db = fixture.CreateDbContext();
        var pku = await db.Institutions.SingleAsync(i => i.Code == "PKU");
        var thu = await db.Institutions.SingleAsync(i => i.Code == "THU");
        using var client = Client();

        var landing = await SignIn.PostLoginAsync(client, "inst.pku", SignIn.DemoPassword);
        Assert.Equal($"/institutions/{pku.Id}", landing.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Peking University", SignIn.Text(await landing.Content.ReadAsStringAsync()));

        var other = await client.GetAsync($"/institutions/{thu.Id}");
        var text = SignIn.Text(await other.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("Access denied", text);
        Assert.DoesNotContain("Tsinghua University", text);
    }

    [Fact]
    public async Task Sponsor_AskingForTheOrganizerDashboard_IsRefused()
    {
        using var client = Client();
        await SignIn.PostLoginAsync(client, "sponsor.czj", SignIn.DemoPassword);
        var response = await client.GetAsync("/organizer");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("Campaign funnel", SignIn.Text(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task AnonymousVisitor_IsSentToTheLoginPage()
    {
        using var client = Client();
        var response = await client.GetAsync("/organizer");
        Assert.Equal("/login", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Forganizer", response.RequestMessage.RequestUri.Query);
    }

    [Fact]
    public async Task TenthWrongPassword_LocksTheAccount_EvenForTheRightPassword_WithoutSayingSo()
    {
        using var client = Client();
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            var wrong = SignIn.Text(await (await SignIn.PostLoginAsync(client, "sponsor.hyj", "wrong-password")).Content.ReadAsStringAsync());
            Assert.Contains("The user name or password is not correct.", wrong);
        }
        var right = await SignIn.PostLoginAsync(client, "sponsor.hyj", SignIn.DemoPassword);
        Assert.Equal("/login", right.RequestMessage!.RequestUri!.AbsolutePath);
        var text = SignIn.Text(await right.Content.ReadAsStringAsync());
        Assert.Contains("The user name or password is not correct.", text);
        Assert.DoesNotContain("locked", text);
    }

    [Fact]
    public async Task WrongPassword_UnknownUser_AndLockedAccount_GetTheSameMessage()
    {
        using var client = Client("zh-CN");
        for (var attempt = 1; attempt <= 10; attempt++) await SignIn.PostLoginAsync(client, "inst.thu", "wrong-password");

        string Error(string html) => System.Text.RegularExpressions.Regex.Match(SignIn.Text(html), "role=\"alert\"[^>]*>([^<]*)<").Groups[1].Value;
        var wrongPassword = Error(await (await SignIn.PostLoginAsync(client, "sponsor.czj", "wrong-password")).Content.ReadAsStringAsync());
        var unknownUser = Error(await (await SignIn.PostLoginAsync(client, "nobody.here", "wrong-password")).Content.ReadAsStringAsync());
        var locked = Error(await (await SignIn.PostLoginAsync(client, "inst.thu", SignIn.DemoPassword)).Content.ReadAsStringAsync());

        Assert.Equal("用户名或密码不正确。", wrongPassword);
        Assert.Equal(wrongPassword, unknownUser);
        Assert.Equal(wrongPassword, locked);
    }

    [Theory]
    [InlineData("' OR 1=1 --")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\u3000organizer")]
    [InlineData("组织部")]
    [InlineData("x-very-long")]
    public async Task HostileNames_GetTheOrdinaryMessage_AndStoreNoAccount(string login)
    {
        if (login == "x-very-long") login = new string('x', 20_000);
        using var client = Client();
        await using var before = fixture.CreateDbContext();
        var users = await before.Users.CountAsync();
        var response = await SignIn.PostLoginAsync(client, login, "wrong-password");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var text = SignIn.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("The user name or password is not correct.", text);
        Assert.DoesNotContain("<script>alert", await response.Content.ReadAsStringAsync());
        await using var after = fixture.CreateDbContext();
        Assert.Equal(users, await after.Users.CountAsync());
    }

    [Fact]
    public async Task NulInTheName_IsRefused_NotA500()
    {
        // The form with a NUL fails the antiforgery check: 400 (its text is the framework's, in English).
        using var client = Client();
        var response = await SignIn.PostLoginAsync(client, "organizer\u0000", SignIn.DemoPassword);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("/login", (await client.GetAsync("/organizer")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task EmptyForm_SaysWhatIsMissing()
    {
        using var client = Client("zh-CN");
        var response = await SignIn.PostLoginAsync(client, "", "");
        Assert.Contains("请输入用户名和密码。", SignIn.Text(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var client = Client();
        var dashboard = await SignIn.PostLoginAsync(client, "organizer", SignIn.DemoPassword);
        var token = System.Text.RegularExpressions.Regex.Match(await dashboard.Content.ReadAsStringAsync(),
            "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var signOut = await client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        Assert.Equal("/login", signOut.RequestMessage!.RequestUri!.AbsolutePath);
        var again = await client.GetAsync("/organizer");
        Assert.Equal("/login", again.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task LoginPage_ListsTheDemoAccounts_WhenTheDemoIsLoaded()
    {
        using var client = Client();
        var page = SignIn.Text(await client.GetStringAsync("/login"));
        Assert.Contains("Demo accounts", page);
        foreach (var login in new[] { "organizer", "sponsor.czj", "inst.pku", "expert01" }) Assert.Contains($"<code>{login}</code>", page);
    }
}
