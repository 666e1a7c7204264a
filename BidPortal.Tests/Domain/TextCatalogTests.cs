using System.Globalization;
using System.Text.RegularExpressions;
using BidPortal.Domain;
using BidPortal.Web.Infrastructure;

namespace BidPortal.Tests.Domain;

public partial class TextCatalogTests
{
    private static readonly TextCatalog Catalog = TextCatalog.FromAssemblies(typeof(TextCatalog).Assembly, typeof(LocalizationSetup).Assembly);

    [Fact]
    public void EveryText_HasChineseAndEnglish()
    {
        foreach (var key in Catalog.Keys)
        {
            Assert.False(string.IsNullOrWhiteSpace(Catalog.Find(key, new CultureInfo("zh-CN"))), $"{key} has no zh-CN text");
            Assert.False(string.IsNullOrWhiteSpace(Catalog.Find(key, new CultureInfo("en"))), $"{key} has no en text");
        }
    }

    [Fact]
    public void EveryRuleTheDomainThrows_HasAText()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "BidPortal.Domain");
        var keys = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => ThrownKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.True(TextCatalog.Domain.Contains(k), $"{k} has no text"));
    }

    [Fact]
    public void EnumArguments_AreShownInTheReadersLanguage()
    {
        var error = new DomainException("Project.WrongStatus", BidPortal.Domain.Projects.ProjectStatus.Unsuccessful);
        Assert.Equal("项目状态为“流标”，不能进行此操作。", error.MessageIn(new CultureInfo("zh-CN")));
        Assert.Equal("The project is Unsuccessful; this action is not possible.", error.MessageIn(new CultureInfo("en-GB")));
    }

    [GeneratedRegex("DomainException\\(\\s*(?:[^\"]*\\?\\s*)?\"([A-Za-z0-9.]+)\"")]
    private static partial Regex ThrownKey();
}
