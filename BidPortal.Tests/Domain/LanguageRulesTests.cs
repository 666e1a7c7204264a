using System.Globalization;
using System.Text.RegularExpressions;
using BidPortal.Domain;
using BidPortal.Domain.Projects;
using BidPortal.Web.Infrastructure;
using BidPortal.Tests.Support;

namespace BidPortal.Tests.Domain;

/// <summary>
/// What a message says to a person: a field by its label, a time in Beijing time, money as ¥142,000,
/// a count in good English — never a program identifier.
/// </summary>
public partial class LanguageRulesTests
{
    private static readonly CultureInfo Zh = new("zh-CN");
    private static readonly CultureInfo En = new("en");
    private static readonly TextCatalog Catalog = TextCatalog.FromAssemblies(typeof(TextCatalog).Assembly, typeof(LocalizationSetup).Assembly);

    [Fact]
    public void EveryRequiredField_TheDomainNames_IsATextFieldWithALabelInBothLanguages()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "BidPortal.Domain");
        var uses = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => RequiredField().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Argument: m.Groups[1].Value.Trim())))
            .ToList();
        Assert.True(uses.Count >= 10, $"only {uses.Count} uses of Field.Required found");
        Assert.All(uses, u => Assert.Matches(@"^TextField\.\w+$", u.Argument));
        Assert.All(uses, u => Assert.True(Enum.IsDefined(Enum.Parse<TextField>(u.Argument["TextField.".Length..])), $"{u.File}: {u.Argument}"));
    }

    [Fact]
    public void EveryTextField_HasAChineseAndAnEnglishLabel()
    {
        foreach (var field in Enum.GetValues<TextField>())
        {
            var zh = Catalog.Find($"TextField.{field}", Zh);
            var en = Catalog.Find($"TextField.{field}", En);
            Assert.False(string.IsNullOrWhiteSpace(zh), $"TextField.{field} has no zh-CN label");
            Assert.False(string.IsNullOrWhiteSpace(en), $"TextField.{field} has no en label");
            Assert.DoesNotMatch("[A-Za-z]", zh);
        }
    }

    [Fact]
    public void ARequiredField_IsNamedByItsLabel_NeverByItsProgramName()
    {
        var clock = Build.Clock();
        var project = Build.OpenProject(clock, TimeSpan.FromDays(7));
        var question = new Question(project, project.Invitations.Single(), "什么时候开班？", clock);
        var error = Assert.Throws<DomainException>(() => question.AnswerWith("", false, clock));
        Assert.Equal("请填写答复。", error.MessageIn(Zh));
        Assert.Equal("Please fill in the answer.", error.MessageIn(En));

        // A field still given by its program name is read as that field.
        Assert.Equal("请填写致电人。", new DomainException("Field.Required", "calledBy").MessageIn(Zh));
        Assert.Equal("请填写致电人。", new DomainException("Field.Required", TextField.CalledBy).MessageIn(Zh));
    }

    [Fact]
    public void ATimeInAMessage_IsBeijingTime_WithTheZoneInWords()
    {
        var nineUtc = new DateTimeOffset(2020, 1, 1, 9, 0, 0, TimeSpan.Zero);
        var error = new DomainException("Project.DeadlineInPast", nineUtc);
        Assert.Equal("截止时间 2020-01-01 17:00（北京时间）已过，请选择将来的时间。", error.MessageIn(Zh));
        Assert.Equal("The deadline 1 Jan 2020, 17:00 (Beijing time) is in the past; choose a later time.", error.MessageIn(En));
        Assert.Equal("2020-01-01", BeijingTime.Format(new DateOnly(2020, 1, 1), Zh));
        Assert.Equal("1 Jan 2020", BeijingTime.Format(new DateOnly(2020, 1, 1), En));
    }

    [Fact]
    public void ExtendingToAnEarlierDeadline_IsRefusedInBeijingTime()
    {
        var clock = Build.Clock();
        var project = Build.OpenProject(clock, TimeSpan.FromDays(7));
        var error = Assert.Throws<DomainException>(() => project.ExtendDeadline(new DateTimeOffset(2020, 1, 1, 9, 0, 0, TimeSpan.Zero), clock));
        var message = error.MessageIn(Zh);
        // The deadline is 1 am UTC a week after the clock's start: 9 am in Beijing.
        Assert.Equal("新的截止时间必须晚于2026-03-08 09:00（北京时间）。", message);
        Assert.DoesNotContain("UTC", message);
    }

    [Fact]
    public void EveryMessageWithATime_SaysBeijingTime_NotUtcNorAFormatPattern()
    {
        foreach (var key in Catalog.Keys)
            foreach (var culture in new[] { Zh, En })
            {
                var text = Catalog.Get(key, culture);
                Assert.DoesNotContain("UTC", text);
                Assert.DoesNotMatch(@"\{\d+:[^}N]*(yyyy|HH|mm)", text);
            }
    }

    [Theory]
    [InlineData("142000", "¥142,000")]
    [InlineData("142000.0", "¥142,000")]   // a stored scale of one decimal, as the database gives it back
    [InlineData("182195.5", "¥182,195.50")]
    [InlineData("0.05", "¥0.05")]
    [InlineData("7470000", "¥7,470,000")]
    public void Money_ShowsYuanWithSeparators_AndFenOnlyWhenThereAreAny(string amount, string shown) =>
        Assert.Equal(shown, MoneyText.Format(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void ACountReadsAsGoodEnglish_AndAsOneFormInChinese()
    {
        Assert.Equal("Publish 1 project", Catalog.Format("Publish.Title", En, 1));
        Assert.Equal("Publish 2 projects", Catalog.Format("Publish.Title", En, 2));
        Assert.Equal("Thank you: 1 invitation acknowledged.", Catalog.Format("Ack.Done", En, 1));
        Assert.Equal("1 filing, 0 selected", Catalog.Format("Queue.Count", En, 1, 0));
        Assert.Equal("“a.csv” has 1 bad row; nothing was imported. Correct it and upload again.", Catalog.Format("Import.Refused", En, 1, "a.csv"));
        Assert.Equal(Catalog.Format("Publish.Title", Zh, 2).Replace("2", "1"), Catalog.Format("Publish.Title", Zh, 1));
    }

    [Fact]
    public void EverySingularForm_HasItsPluralText()
    {
        foreach (var key in Catalog.Keys.Where(k => k.EndsWith(".One", StringComparison.Ordinal)))
            Assert.True(Catalog.Contains(key[..^".One".Length]), $"{key} has no plural text");
    }

    [GeneratedRegex("""new DomainException\("Field\.Required",\s*([^)]*)\)""")]
    private static partial Regex RequiredField();
}
