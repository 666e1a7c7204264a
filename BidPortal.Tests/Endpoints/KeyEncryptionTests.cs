using System.Net;
using BidPortal.Tests.Support;
using BidPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Tests.Endpoints;

/// <summary>The data-protection keys in the database are encrypted: reading the database does not give the cookie key.</summary>
public class KeyEncryptionTests
{
    [Fact]
    public async Task StoredKeys_AreEncrypted_AndARestartWithTheSameKeyKeepsTheSession()
    {
        using var first = new PortalFactory();
        var cookies = new CookieContainer();
        using var client = first.CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(cookies));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var landing = await SignIn.PostLoginAsync(client, "organizer", SignIn.DemoPassword);
        Assert.Equal("/organizer", landing.RequestMessage!.RequestUri!.AbsolutePath);
        var cookie = cookies.GetCookieHeader(client.BaseAddress!);

        await using (var db = first.CreateDbContext())
        {
            var keys = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync();
            Assert.NotEmpty(keys);
            foreach (var xml in keys)
            {
                Assert.Contains("encryptedSecret", xml);
                Assert.Contains(AesGcmXmlEncryptor.ElementName, xml);
                Assert.DoesNotContain("<masterKey", xml);
                Assert.DoesNotContain("<value>", xml);
            }
        }
        var keyFile = Path.Combine(first.DataFolder, KeyEncryptionKey.KeyFile);
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));

        // The app again, on the same database and key file: the cookie it issued before still opens the dashboard,
        // and signing in still works.
        using var second = new PortalFactory(restartIn: first.DataFolder);
        using var other = second.CreateDefaultClient(new RedirectHandler());
        using (var replay = new HttpRequestMessage(HttpMethod.Get, "/organizer"))
        {
            replay.Headers.Add("Cookie", cookie);
            replay.Headers.AcceptLanguage.ParseAdd("en");
            var dashboard = await other.SendAsync(replay);
            Assert.Equal("/organizer", dashboard.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Contains("Campaign dashboard", SignIn.Text(await dashboard.Content.ReadAsStringAsync()));
        }
        using var again = await SignIn.ClientAsync(second, "sponsor.czj");
        Assert.Equal("/sponsor", (await again.GetAsync("/sponsor")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task ARestartWithAnotherKey_CannotReadTheKeys_SoTheOldCookieIsRefused()
    {
        using var first = new PortalFactory();
        var cookies = new CookieContainer();
        using var client = first.CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(cookies));
        await SignIn.PostLoginAsync(client, "organizer", SignIn.DemoPassword);
        var cookie = cookies.GetCookieHeader(client.BaseAddress!);

        using var second = new PortalFactory(restartIn: first.DataFolder, settings: new Dictionary<string, string?>
        {
            [KeyEncryptionKey.Setting] = Convert.ToBase64String(new byte[32]),
        });
        using var other = second.CreateDefaultClient(new RedirectHandler());
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/organizer");
        replay.Headers.Add("Cookie", cookie);
        var response = await other.SendAsync(replay);
        Assert.Equal("/login", response.RequestMessage!.RequestUri!.AbsolutePath);
    }
}
