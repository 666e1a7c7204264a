namespace BidPortal.Web.Infrastructure;

/// <summary>Settings under "Portal" in configuration.</summary>
public sealed class PortalOptions
{
    /// <summary>Where the SQLite file, uploaded files and the mail outbox live. Relative paths are under the content root.</summary>
    public string DataFolder { get; set; } = "data";
    /// <summary>
    /// Load the demo campaigns and accounts at first start (appsettings.Development.json turns it on).
    /// Off, the demo accounts cannot sign in even where an earlier start loaded them.
    /// </summary>
    public bool SeedDemo { get; set; }
    /// <summary>Where the demo files are; by default the seed-data folder copied beside the app.</summary>
    public string? SeedFolder { get; set; }
    /// <summary>Run the mail dispatcher and reminders in the background (tests that drive them by hand turn this off).</summary>
    public bool BackgroundJobs { get; set; } = true;
    /// <summary>The address people use to reach the portal, for links in mail.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5249";
    /// <summary>
    /// How often an open circuit, and a signed-in cookie, is checked against the account: a user deleted,
    /// locked out, signed out elsewhere or given other roles stops being served within this time.
    /// </summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>The contact every call for proposals names unless its project gives its own (the training office).</summary>
    public string CallContactName { get; set; } = "刘敏（市委组织部干部教育科）";
    public string CallContactNameEn { get; set; } = "Liu Min (Cadre Education Section, Organization Department)";
    public string CallContactPhone { get; set; } = "0546-8381265";
    /// <summary>The largest proposal document an institution may upload, in MB (PDF or DOCX).</summary>
    public int ProposalMaxMegabytes { get; set; } = 100;
    public long ProposalMaxBytes => Math.Clamp(ProposalMaxMegabytes, 1, 4096) * 1024L * 1024;
}
