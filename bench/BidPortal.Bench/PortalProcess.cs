using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace BidPortal.Bench;

/// <summary>The real app, <c>dotnet BidPortal.Web.dll</c>, as a process of its own on a free port and a data folder of its own.</summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private PortalProcess(Process process, StreamWriter log, Uri address)
    {
        _process = process;
        _log = log;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public static async Task<PortalProcess> StartAsync(string webDll, string dataFolder, string seedFolder, int maxMegabytes)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet", [webDll])
        {
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/'),
            ["Portal__DataFolder"] = dataFolder,
            ["Portal__SeedDemo"] = "true",
            ["Portal__SeedFolder"] = seedFolder,
            ["Portal__BackgroundJobs"] = "false",
            ["Portal__ProposalMaxMegabytes"] = maxMegabytes.ToString(CultureInfo.InvariantCulture),
            ["ConnectionStrings__BidPortal"] = $"Data Source={Path.Combine(dataFolder, "bidportal.db")}",
            ["SignIn__PermitsPerClient"] = "100000",
            ["SignIn__PermitsPerAccount"] = "100000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var log = new StreamWriter(Path.Combine(dataFolder, "portal.log"), append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var portal = new PortalProcess(process, log, address);
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited ({process.ExitCode}); see {dataFolder}/portal.log.");
            try
            {
                if ((await probe.GetAsync(new Uri("/login", UriKind.Relative))).StatusCode == HttpStatusCode.OK) return portal;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > until) throw new TimeoutException("The app did not answer within 3 minutes.");
            await Task.Delay(250);
        }
    }

    /// <summary>Resident memory in MB, from /proc/&lt;pid&gt;/status.</summary>
    public double ResidentMegabytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        return double.NaN;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
