using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
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

    public static TheoryData<string> CatalogFiles() =>
        [.. CatalogAssemblies.SelectMany(a => TextCatalog.ResourceNames(a))];

    private static readonly Assembly[] CatalogAssemblies = [typeof(TextCatalog).Assembly, typeof(LocalizationSetup).Assembly];

    [Theory]
    [MemberData(nameof(CatalogFiles))]
    public void CatalogFile_DefinesEachKeyOnce(string resource)
    {
        // A repeated key in one file parses without complaint and the later text silently wins.
        var assembly = CatalogAssemblies.Single(a => a.GetManifestResourceNames().Contains(resource));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        Assert.Empty(RepeatedKeys(buffer.ToArray()));
    }

    [Fact]
    public void RepeatedKeys_AreFound_InOneObjectNotAcrossObjects()
    {
        var json = """{"A": {"zh-CN": "甲", "en": "a"}, "B": {"zh-CN": "乙", "en": "b", "en": "B"}, "A": {"zh-CN": "", "en": ""}}""";
        Assert.Equal(["B.en", "A"], RepeatedKeys(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void KeyDefinedInTwoFiles_IsRefused_NamingTheKeyAndBothFiles()
    {
        static Func<Stream> Json(string text) => () => new MemoryStream(Encoding.UTF8.GetBytes(text));
        var error = Assert.Throws<InvalidOperationException>(() => TextCatalog.FromFiles([
            ("Domain.Text.messages.json", Json("""{"App.Name": {"zh-CN": "甲", "en": "A"}}""")),
            ("Web.Text.ui.json", Json("""{"Other": {"zh-CN": "乙", "en": "B"}, "App.Name": {"zh-CN": "丙", "en": "C"}}""")),
        ]));
        Assert.Equal("Text key \"App.Name\" is defined in both Domain.Text.messages.json and Web.Text.ui.json", error.Message);
    }

    /// <summary>Every property name that occurs twice in the same JSON object, as a dotted path.</summary>
    private static List<string> RepeatedKeys(byte[] json)
    {
        var repeated = new List<string>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var objects = new Stack<(HashSet<string> Names, string Path)>();
        var path = "";
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    objects.Push((new HashSet<string>(StringComparer.Ordinal), path));
                    break;
                case JsonTokenType.EndObject:
                    objects.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var (names, parent) = objects.Peek();
                    var name = reader.GetString()!;
                    path = parent.Length == 0 ? name : $"{parent}.{name}";
                    if (!names.Add(name)) repeated.Add(path);
                    break;
            }
        }
        return repeated;
    }

    [GeneratedRegex("DomainException\\(\\s*(?:[^\"]*\\?\\s*)?\"([A-Za-z0-9.]+)\"")]
    private static partial Regex ThrownKey();
}
