using BidPortal.Domain.Audit;
using BidPortal.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Infrastructure;

/// <summary>The audit log's key and head anchor, both kept outside the database.</summary>
public static class AuditSetup
{
    public const string KeyFile = "audit.key";
    public const string HeadFile = "audit-head.json";

    /// <summary>
    /// <c>Audit:Key</c> (base64, at least 32 bytes) when configured; otherwise a random key generated once
    /// into <c>audit.key</c> in the data folder, readable by the portal's account only. Several PostgreSQL
    /// nodes must share one key: configure <c>Audit:Key</c> for them.
    /// </summary>
    public static AuditKey LoadKey(IConfiguration configuration, string dataFolder)
    {
        if (configuration["Audit:Key"] is { Length: > 0 } configured) return AuditKey.FromBase64(configured);
        Directory.CreateDirectory(dataFolder);
        var path = Path.Combine(dataFolder, KeyFile);
        if (!File.Exists(path))
        {
            var key = AuditKey.NewRandom();
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            try
            {
                using var writer = new StreamWriter(path, options);
                writer.Write(key.ToBase64());
                return key;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
        }
        return AuditKey.FromBase64(File.ReadAllText(path));
    }

    /// <summary>Writes an explicit audit entry for a sign-in; a failed one names the login as typed, unverified.</summary>
    public static async Task RecordSignInAsync(this IDbContextFactory<BidPortalDbContext> contexts, string login, SignInResult result, string? userId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var outcome = result.Succeeded ? "" : result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "wrong name or password";
        if (result.Succeeded)
            db.AppendAudit("SignedIn", "AppUser", userId ?? "", "", actor: login);
        else
            db.AppendAudit("SignInFailed", "AppUser", userId ?? "", $"unverified actor (name as typed); {outcome}", actor: login);
        await db.SaveChangesAsync();
    }
}
