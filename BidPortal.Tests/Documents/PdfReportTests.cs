using System.Globalization;
using BidPortal.Web.Infrastructure.Pdf;
using UglyToad.PdfPig;

namespace BidPortal.Tests.Documents;

/// <summary>
/// The PDF writer every document shares: what a reader of the PDF notices — Chinese that reads
/// back as Chinese, a table that carries its header onto the next page, numbered pages.
/// </summary>
public sealed class PdfReportTests
{
    private static readonly CultureInfo Chinese = new("zh-CN");
    private static readonly CultureInfo English = new("en");

    [Fact]
    public void Chinese_text_reads_back_as_written_and_a_long_table_repeats_its_header()
    {
        byte[] bytes;
        using (var report = new PdfReport("2011年度专题培训计划", Chinese))
        {
            report.Title("东营市2011年度干部专题培训计划");
            report.Fields([("主办单位", "中共东营市委组织部"), ("截止时间", "2011-05-20 17:00（北京时间）")]);
            report.Paragraph("培训目标：提升领导干部生态环境保护与绿色发展能力。" + new string('长', 300));
            report.Table(
                [new PdfColumn("单位", 3), new PdfColumn("课程", 5), new PdfColumn("预算（元）", 2, AlignRight: true)],
                Enumerable.Range(1, 80).Select(i => (IReadOnlyList<string>)[$"东营市财政局{i}", $"金融风险防控专题培训班第{i}期", $"¥{i * 1000:N0}"]));
            bytes = report.ToBytes();
        }
        // Kept beside the screenshots, for a person to look at (pdftoppm -png).
        Directory.CreateDirectory(Browser.BrowserFixture.ScreenshotFolder);
        File.WriteAllBytes(Path.Combine(Browser.BrowserFixture.ScreenshotFolder, "pdf-report-sample.pdf"), bytes);

        using var pdf = PdfDocument.Open(bytes);
        Assert.True(pdf.NumberOfPages >= 3, $"80 rows and a long paragraph should run over several pages, got {pdf.NumberOfPages}");
        var first = pdf.GetPage(1).Text;
        Assert.Contains("东营市2011年度干部专题培训计划", first);
        Assert.Contains("中共东营市委组织部", first);
        Assert.Contains($"第 1 页，共 {pdf.NumberOfPages} 页".Replace(" ", ""), first.Replace(" ", ""));
        var last = pdf.GetPage(pdf.NumberOfPages).Text;
        Assert.Contains("课程", last);                       // the header came along
        Assert.Contains("金融风险防控专题培训班第80期", string.Concat(Enumerable.Range(1, pdf.NumberOfPages).Select(p => pdf.GetPage(p).Text)));
        Assert.All(pdf.GetPage(1).Letters.Where(l => l.Value.Trim().Length > 0),
            l => Assert.Contains("WenQuanYi", l.FontName, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void English_pages_are_numbered_in_English_and_an_unbroken_run_is_cut_to_the_line()
    {
        byte[] bytes;
        using (var report = new PdfReport("Receipt", English))
        {
            report.Title("Proposal receipt");
            report.Paragraph("SHA-256 " + string.Concat(Enumerable.Repeat("0123456789abcdef", 16)));
            bytes = report.ToBytes();
        }

        using var pdf = PdfDocument.Open(bytes);
        var page = pdf.GetPage(1);
        Assert.Contains("Page 1 of 1", string.Join(" ", page.GetWords().Select(w => w.Text)));
        Assert.All(page.Letters, l => Assert.True(l.BoundingBox.Right <= page.Width, "no letter runs off the page"));
        Assert.Contains(string.Concat(Enumerable.Repeat("0123456789abcdef", 2)), page.Text);
    }
}
