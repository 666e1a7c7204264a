using System.Diagnostics;
using System.Globalization;
using BidPortal.Bench;
using Microsoft.Data.Sqlite;

// The proposal upload benchmark (issue #10). See README, "Benchmarks".
//  a) one 200 MB upload: throughput against a raw sequential write + fsync of the same bytes on the same disk,
//     and the server's peak resident-memory growth while it streams;
//  b) 100 concurrent 5–20 MB uploads by the invited institutions straddling C-02's deadline: accepted,
//     refused (after the deadline / otherwise), lost and duplicated — checked against the database afterwards.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var root = FindRoot();
var configuration = args.SkipWhile(a => a != "--configuration").Skip(1).FirstOrDefault() ?? BuildConfiguration();
var webDll = Path.Combine(root, "BidPortal.Web", "bin", configuration, "net10.0", "BidPortal.Web.dll");
if (!File.Exists(webDll)) throw new FileNotFoundException("Build the app first (dotnet build -c Release BidPortal.sln).", webDll);
var bigMegabytes = int.Parse(Option("--big-mb") ?? "200", CultureInfo.InvariantCulture);
var uploads = int.Parse(Option("--uploads") ?? "100", CultureInfo.InvariantCulture);
// --data <folder>: a data folder an earlier run kept (--keep), already seeded; --skip-big: only part b.
var dataFolder = Option("--data") ?? Path.Combine(Path.GetTempPath(), "bidportal-bench-" + Guid.NewGuid().ToString("N")[..8]);
var skipBig = args.Contains("--skip-big");
Directory.CreateDirectory(dataFolder);
var database = Path.Combine(dataFolder, "bidportal.db");
Console.WriteLine($"App: {webDll}\nData folder: {dataFolder}\nCores: {Environment.ProcessorCount}\n");

string[] invited = ["inst.pku", "inst.thu", "inst.sdu", "inst.sufe", "inst.xnai", "inst.nau", "inst.ouc"];
try
{
    // ---- a) one large upload -------------------------------------------------------------------------------------
    var started = Stopwatch.StartNew();
    int projectId;
    await using (var portal = await PortalProcess.StartAsync(webDll, dataFolder, Path.Combine(root, "seed-data"), maxMegabytes: bigMegabytes + 50))
    {
        Console.WriteLine($"First start (migrate + seed the demo): {started.Elapsed.TotalSeconds:F1} s");
        projectId = OpenC02(database);
        invited = [.. invited.Where(login => IsInvited(database, projectId, login))];
        using var client = await PortalClient.SignInAsync(portal.Address, "inst.sdu");

        if (!skipBig)
        {
            var size = bigMegabytes * 1024L * 1024;
            var baseline = portal.ResidentMegabytes();
            var peak = baseline;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, portal.ResidentMegabytes());
                    await Task.Delay(50);
                }
            });
            var document = new GeneratedDocumentStream(size, seed: 1);
            var upload = Stopwatch.StartNew();
            var outcome = await client.UploadAsync(projectId, document, "large-proposal.pdf", 1_500_000m);
            upload.Stop();
            await sampling.CancelAsync();
            await sampler;
            if (!outcome.Accepted) throw new InvalidOperationException($"The {bigMegabytes} MB upload was refused: {outcome.Status} {outcome.Message}");
            if (outcome.ReceiptSha256 != outcome.SentSha256) throw new InvalidOperationException("The receipt's hash is not what was sent.");

            var rawPath = Path.Combine(dataFolder, "proposals", "raw-write.bin");
            var raw = Stopwatch.StartNew();
            await using (var file = new FileStream(rawPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1024 * 1024))
            {
                GeneratedDocumentStream.WriteTo(file, size, seed: 1);
                file.Flush(flushToDisk: true);
            }
            raw.Stop();
            File.Delete(rawPath);

            var uploadRate = bigMegabytes / upload.Elapsed.TotalSeconds;
            var rawRate = bigMegabytes / raw.Elapsed.TotalSeconds;
            Console.WriteLine($"""

                a) One {bigMegabytes} MB upload (inst.sdu on C-02, over HTTP to Kestrel on 127.0.0.1)
                   upload:    {upload.Elapsed.TotalSeconds,7:F2} s  {uploadRate,7:F1} MB/s  (receipt {outcome.VersionId}, SHA-256 matches what was sent)
                   raw write: {raw.Elapsed.TotalSeconds,7:F2} s  {rawRate,7:F1} MB/s  (FileStream, 1 MB writes, fsync, same disk)
                   ratio upload/raw throughput: {uploadRate / rawRate:F2}
                   server resident memory: baseline {baseline:F0} MB, peak {peak:F0} MB, growth {peak - baseline:F0} MB
                """);
        }
    }

    // ---- b) concurrent uploads straddling the deadline --------------------------------------------------------------
    // The uploads share two cores: at ~30 MB/s in all, 100 uploads of ~12 MB take ~40 s together. The starts are
    // spread over `spread` seconds from `lead` seconds before the deadline, so some finish before it, some are
    // still streaming at it (refused when the last byte is in) and some start after it (refused at once).
    var lead = double.Parse(Option("--lead") ?? "25", CultureInfo.InvariantCulture);
    var spread = double.Parse(Option("--spread") ?? "30", CultureInfo.InvariantCulture);
    var deadline = DateTimeOffset.UtcNow.AddSeconds(lead + 35);
    SetDeadline(database, projectId, deadline);
    started.Restart();
    await using (var portal = await PortalProcess.StartAsync(webDll, dataFolder, Path.Combine(root, "seed-data"), maxMegabytes: 100))
    {
        Console.WriteLine($"\nSecond start: {started.Elapsed.TotalSeconds:F1} s; C-02's deadline set to {deadline:HH:mm:ss} UTC before it");
        var clients = new List<PortalClient>();
        foreach (var login in invited) clients.Add(await PortalClient.SignInAsync(portal.Address, login));
        var lastVersionBefore = Scalar(database, "SELECT IFNULL(MAX(Id), 0) FROM ProposalVersions");

        // Starts spread over 10 s from 6 s before the deadline; sizes 5–20 MB; the accounts take turns.
        var random = new Random(2026);
        var plan = Enumerable.Range(0, uploads).Select(i => (Index: i, Client: clients[i % clients.Count],
            Size: random.NextInt64(5L * 1024 * 1024, 20L * 1024 * 1024 + 1), StartAt: deadline.AddSeconds(-lead + spread * i / uploads))).ToList();
        var lateBy = DateTimeOffset.UtcNow - plan[0].StartAt;
        if (lateBy > TimeSpan.Zero) Console.WriteLine($"   (the uploads begin {lateBy.TotalSeconds:F1} s later than planned)");
        var wall = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(plan.Select(async p =>
        {
            var wait = p.StartAt - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var document = new GeneratedDocumentStream(p.Size, seed: 1000 + p.Index);
            var outcome = await p.Client.UploadAsync(projectId, document, $"proposal-{p.Index}.pdf", 100_000m + p.Index);
            return (p.Index, Outcome: outcome, EndedAt: DateTimeOffset.UtcNow, p.StartAt);
        }));
        wall.Stop();

        // What the database recorded, read-only, against what each client sent and was told.
        var recorded = Versions(database, lastVersionBefore);
        var bySha = recorded.ToLookup(v => v.Sha256);
        var accepted = outcomes.Where(o => o.Outcome.Accepted).ToList();
        var afterDeadline = outcomes.Where(o => o.Outcome.Key == "Proposal.AfterDeadline").ToList();
        var otherwise = outcomes.Where(o => !o.Outcome.Accepted && o.Outcome.Key != "Proposal.AfterDeadline").ToList();
        var lostReceipts = accepted.Where(o => !recorded.Any(v => v.Id == o.Outcome.VersionId && v.Sha256 == o.Outcome.SentSha256
            && v.Size == o.Outcome.SentSize && o.Outcome.ReceiptSha256 == o.Outcome.SentSha256)).ToList();
        var receipted = accepted.Select(o => o.Outcome.VersionId).ToHashSet();
        var unreceipted = recorded.Where(v => !receipted.Contains(v.Id)).ToList();
        var duplicated = bySha.Where(g => g.Count() > 1).ToList();
        var proposalsFolder = Path.Combine(dataFolder, "proposals");
        var missingFiles = recorded.Where(v => !File.Exists(Path.Combine(proposalsFolder, v.StorageKey + ".sealed"))).ToList();
        var partials = Directory.GetFiles(proposalsFolder, "*.partial").Length;
        var allKeys = Keys(database);
        var orphans = Directory.GetFiles(proposalsFolder, "*.sealed").Count(f => !allKeys.Contains(Path.GetFileNameWithoutExtension(f)));
        var acceptedLate = accepted.Count(o => o.EndedAt > deadline.AddSeconds(1) && recorded.Any(v => v.Id == o.Outcome.VersionId && v.ReceivedAt >= deadline));

        // Every accepted version, downloaded by its owner through the app (decrypted), hashes to what the client sent.
        var downloadMismatches = 0;
        var byLogin = clients.ToDictionary(c => c.Login);
        await Parallel.ForEachAsync(accepted, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (o, _) =>
        {
            var sha = await byLogin[o.Outcome.Login].DownloadSha256Async(o.Outcome.VersionId!.Value);
            if (sha != o.Outcome.SentSha256) Interlocked.Increment(ref downloadMismatches);
        });

        var megabytes = outcomes.Where(o => o.Outcome.Accepted).Sum(o => o.Outcome.SentSize) / 1024.0 / 1024;
        Console.WriteLine($"""

            b) {uploads} concurrent uploads of 5–20 MB by {clients.Count} invited institutions ({string.Join(", ", invited)}), starts spread over {spread:F0} s from {lead:F0} s before the deadline
               wall time {wall.Elapsed.TotalSeconds:F1} s; {megabytes:F0} MB accepted
               accepted (200 with a receipt):        {accepted.Count}  (last accepted received {Latest(recorded, deadline)})
               refused after the deadline:           {afterDeadline.Count}  ({afterDeadline.Count(o => o.StartAt < deadline)} of them started before it; first refusal ended {First(afterDeadline, deadline)})
               refused otherwise:                    {otherwise.Count}{string.Concat(otherwise.GroupBy(o => $"{o.Outcome.Status} {o.Outcome.Key}: {o.Outcome.Message}").Select(g => $"\n                  {g.Count()} × {g.Key} (started {Range(g.Select(o => o.StartAt), deadline)}, ended {Range(g.Select(o => o.EndedAt), deadline)})"))}
               lost (receipt without its version, size or hash): {lostReceipts.Count}
               lost (version in the DB no client got a receipt for): {unreceipted.Count}
               duplicated (one upload recorded twice): {duplicated.Count}
               recorded after the deadline:          {acceptedLate}
               versions recorded {recorded.Count}; stored files missing {missingFiles.Count}; .partial left {partials}; unrecorded .sealed {orphans}
               downloads through the app whose SHA-256 differs from what was sent: {downloadMismatches} of {accepted.Count}
               versions per institution: {string.Join(", ", recorded.GroupBy(v => v.Institution).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()} (v{g.Min(v => v.Number)}–v{g.Max(v => v.Number)})"))}
            """);
        foreach (var client in clients) client.Dispose();
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    if (!args.Contains("--keep")) try { Directory.Delete(dataFolder, recursive: true); } catch (IOException) { }
}

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

static string BuildConfiguration() =>
    AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "BidPortal.sln"))) return dir.FullName;
    throw new DirectoryNotFoundException("BidPortal.sln not found above the benchmark.");
}

static SqliteConnection Open(string database, bool readOnly = true)
{
    var connection = new SqliteConnection(new SqliteConnectionStringBuilder
    {
        DataSource = database,
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
        Pooling = false,
    }.ToString());
    connection.Open();
    return connection;
}

static long Scalar(string database, string sql, params (string Name, object Value)[] parameters)
{
    using var connection = Open(database);
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
    return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
}

static int OpenC02(string database) => (int)Scalar(database, "SELECT Id FROM Projects WHERE Code = 'C-02' AND Status = 'Open'");

static bool IsInvited(string database, int projectId, string login) => Scalar(database, """
    SELECT COUNT(*) FROM Invitations i JOIN AspNetUsers u ON u.InstitutionId = i.InstitutionId
    WHERE i.TenderProjectId = $p AND u.UserName = $u AND i.Status NOT IN ('Listed', 'Removed', 'Declined')
    """, ("$p", projectId), ("$u", login)) > 0;

// Deadline is stored as UTC ticks (BidPortal.Web/Data/UtcTicksConverter.cs).
static void SetDeadline(string database, int projectId, DateTimeOffset deadline)
{
    using var connection = Open(database, readOnly: false);
    using var command = connection.CreateCommand();
    command.CommandText = "UPDATE Projects SET Deadline = $d WHERE Id = $p";
    command.Parameters.AddWithValue("$d", deadline.UtcTicks);
    command.Parameters.AddWithValue("$p", projectId);
    if (command.ExecuteNonQuery() != 1) throw new InvalidOperationException("C-02 not found.");
}

static List<RecordedVersion> Versions(string database, long afterId)
{
    using var connection = Open(database);
    using var command = connection.CreateCommand();
    command.CommandText = """
        SELECT v.Id, v.Number, v.Size, v.Sha256, v.StorageKey, v.ReceivedAt, i.Code
        FROM ProposalVersions v JOIN Proposals p ON p.Id = v.ProposalId JOIN Institutions i ON i.Id = p.InstitutionId
        WHERE v.Id > $id ORDER BY v.Id
        """;
    command.Parameters.AddWithValue("$id", afterId);
    using var reader = command.ExecuteReader();
    var list = new List<RecordedVersion>();
    while (reader.Read())
        list.Add(new RecordedVersion(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4),
            new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero), reader.GetString(6)));
    return list;
}

static HashSet<string> Keys(string database)
{
    using var connection = Open(database);
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT StorageKey FROM ProposalVersions WHERE StorageKey IS NOT NULL";
    using var reader = command.ExecuteReader();
    var keys = new HashSet<string>();
    while (reader.Read()) keys.Add(reader.GetString(0));
    return keys;
}

static string Latest(List<RecordedVersion> recorded, DateTimeOffset deadline) => recorded.Count == 0
    ? "—"
    : $"{(recorded.Max(v => v.ReceivedAt) - deadline).TotalSeconds:+0.00;-0.00} s from the deadline";

static string Range(IEnumerable<DateTimeOffset> times, DateTimeOffset deadline) =>
    $"{(times.Min() - deadline).TotalSeconds:+0.0;-0.0} s to {(times.Max() - deadline).TotalSeconds:+0.0;-0.0} s from the deadline";

static string First(IEnumerable<(int Index, UploadOutcome Outcome, DateTimeOffset EndedAt, DateTimeOffset StartAt)> refused, DateTimeOffset deadline) =>
    refused.Any() ? $"{(refused.Min(o => o.EndedAt) - deadline).TotalSeconds:+0.00;-0.00} s from the deadline" : "—";
