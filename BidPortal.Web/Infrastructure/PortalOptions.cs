namespace BidPortal.Web.Infrastructure;

/// <summary>Settings under "Portal" in configuration.</summary>
public sealed class PortalOptions
{
    /// <summary>Where the SQLite file, uploaded files and the mail outbox live. Relative paths are under the content root.</summary>
    public string DataFolder { get; set; } = "data";
    /// <summary>Load the demo campaigns and accounts at first start.</summary>
    public bool SeedDemo { get; set; } = true;
    /// <summary>Where the demo files are; by default the seed-data folder copied beside the app.</summary>
    public string? SeedFolder { get; set; }
}

public enum DatabaseProvider { Sqlite, Postgres }
