using BidPortal.Domain;
using BidPortal.Domain.Institutions;
using BidPortal.Web.Infrastructure.Files;

namespace BidPortal.Tests.Domain;

/// <summary>Text nobody types by hand: control characters, direction overrides, endless tags, formulas.</summary>
public class HostileTextTests
{
    [Theory]
    [InlineData("上海\0浦东")]
    [InlineData("beep\u0007")]
    [InlineData("\u001b[31mred")]
    [InlineData("invoice\u202Egnp.exe")]
    [InlineData("a\u2066b")]
    public void A_control_or_direction_character_is_refused_naming_the_field(string text)
    {
        var refusal = Assert.Throws<DomainException>(() => Bounds.Length("Project", text, 100, TextField.Place));

        Assert.Equal("Text.Unprintable", refusal.Key);
        Assert.Contains("地点", refusal.MessageIn(new System.Globalization.CultureInfo("zh-CN")));
    }

    [Fact]
    public void Tabs_and_line_breaks_are_ordinary_text()
    {
        Bounds.Length("Project", "第一天\t授课\r\n第二天\n现场教学", 100, TextField.Objectives);
    }

    [Fact]
    public void Tags_are_bounded_in_number_and_length()
    {
        Assert.Equal(Institution.MaxTags, Institution.NormaliseTags(Enumerable.Range(0, Institution.MaxTags).Select(i => $"t{i}")).Length);
        Assert.Equal("Tags.TooMany", Assert.Throws<DomainException>(() =>
            Institution.NormaliseTags(Enumerable.Range(0, 10_000).Select(i => $"t{i}"))).Key);
        Assert.Equal("Tags.Bad", Assert.Throws<DomainException>(() => Institution.NormaliseTags([new string('x', 41)])).Key);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+cmd|'/C calc'!A0", "'+cmd|'/C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(1+1)", "'@SUM(1+1)")]
    [InlineData("生态环境保护专题培训班", "生态环境保护专题培训班")]
    public void A_spreadsheet_cell_that_would_be_a_formula_stays_text(string typed, string cell) =>
        Assert.Equal(cell, SpreadsheetText.Safe(typed));
}
