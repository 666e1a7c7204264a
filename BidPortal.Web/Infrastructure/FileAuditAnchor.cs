using System.Text.Json;
using BidPortal.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Infrastructure;

/// <summary>
/// The chain's head in <c>audit-head.json</c> in the data folder, rewritten after each commit.
/// Limitation: with PostgreSQL and several nodes each node records only the heads it committed itself
/// (unless the data folder is shared), so a node's anchor may trail the database and cannot see a
/// truncation of entries written after it by other nodes; verify on the node that wrote last.
/// </summary>
public sealed class FileAuditAnchor(string dataFolder) : IAuditAnchor
{
    private readonly Lock _gate = new();
    private readonly string _path = System.IO.Path.Combine(dataFolder, AuditSetup.HeadFile);

    public string Path => _path;

    public AuditHead? Read()
    {
        lock (_gate) return ReadFile();
    }

    public void Advance(AuditHead head)
    {
        lock (_gate)
        {
            if (ReadFile() is { } current && current.Sequence >= head.Sequence) return;
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_path)!);
            // Write and rename, so a crash never leaves half a file.
            var temporary = _path + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(head));
            File.Move(temporary, _path, overwrite: true);
        }
    }

    private AuditHead? ReadFile() =>
        File.Exists(_path) ? JsonSerializer.Deserialize<AuditHead>(File.ReadAllText(_path)) : null;
}
