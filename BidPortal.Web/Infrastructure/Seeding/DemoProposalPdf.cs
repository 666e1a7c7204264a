using System.Globalization;
using BidPortal.Domain;
using BidPortal.Web.Infrastructure.Pdf;

namespace BidPortal.Web.Infrastructure.Seeding;

/// <summary>
/// A seeded proposal's document: a short training plan (培训方案) as an institution would send it —
/// who bids, for which project, at what price, with the days, the faculty and the outline the seed
/// gives. Written in Chinese, as the institutions of the demo write, with the font the portal carries.
/// </summary>
public static class DemoProposalPdf
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>The name a clerk gives the file: 培训方案-C-02-北京大学.pdf.</summary>
    public static string FileName(string projectCode, string institutionName) => $"培训方案-{projectCode}-{institutionName}.pdf";

    public static byte[] Create(string institutionName, string projectCode, string projectTitle, decimal price, int days, int trainees,
        string faculty, string outline)
    {
        using var report = new PdfReport($"{projectCode} {projectTitle} 培训方案", Chinese);
        report.Title($"{projectTitle}\n培训方案");
        report.Fields(
        [
            ("投标机构", institutionName),
            ("项目编号", projectCode),
            ("项目名称", projectTitle),
            ("投标报价", $"{MoneyText.Format(price)}（人民币，含税）"),
            ("培训天数", $"{days} 天"),
            ("培训人数", $"{trainees} 人"),
        ]);
        report.Heading("师资安排");
        foreach (var teacher in faculty.Split('；', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            report.Paragraph(teacher);
        report.Heading("课程安排");
        report.Paragraph(outline);
        report.Note($"本方案由{institutionName}编制，报价在开标前密封保存。");
        return report.ToBytes();
    }
}
