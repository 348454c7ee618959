using System.Diagnostics;
using System.Globalization;

namespace QualityAnalytics.Benchmarks;

/// <summary>The yardstick: the sqlite3 shell's <c>.import</c> of the same file into a plain table (13 TEXT columns, no
/// primary key, no index, no constraint, no parsing or validation) in a new database with the shell's defaults
/// (rollback journal, synchronous=FULL; .import wraps the file in one transaction). Peak RSS comes from GNU time's
/// "Maximum resident set size" when /usr/bin/time exists, else from polling /proc/PID/status (VmHWM).</summary>
public static class SqliteImport
{
    private const string Create =
        "CREATE TABLE complaints_raw (complaint_id TEXT, department TEXT, received_at TEXT, channel TEXT, valid TEXT, customer TEXT, " +
        "category TEXT, description TEXT, replied_at TEXT, resolved_at TEXT, direct_deduction TEXT, handler TEXT, satisfaction TEXT);";

    public static (double Seconds, long PeakKb) Run(string db, string csv, long expectedRows)
    {
        var gnuTime = File.Exists("/usr/bin/time") ? "/usr/bin/time" : null;
        var timeOut = db + ".time.txt";
        var psi = new ProcessStartInfo(gnuTime ?? "sqlite3") { RedirectStandardInput = true, UseShellExecute = false };
        if (gnuTime is not null)
        {
            foreach (var a in new[] { "-v", "-o", timeOut, "sqlite3" }) psi.ArgumentList.Add(a);
        }
        psi.ArgumentList.Add(db);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        process.StandardInput.WriteLine(Create);
        process.StandardInput.WriteLine(".mode csv");
        process.StandardInput.WriteLine($".import --skip 1 '{csv}' complaints_raw");
        process.StandardInput.Close();
        long polled = 0;
        if (gnuTime is null)
        {
            while (!process.WaitForExit(10)) polled = Math.Max(polled, PollHwm(process.Id));
        }
        process.WaitForExit();
        watch.Stop();
        if (process.ExitCode != 0) throw new InvalidOperationException($"sqlite3 exited with {process.ExitCode}");

        long peak = polled;
        if (gnuTime is not null)
        {
            var line = File.ReadLines(timeOut).First(l => l.Contains("Maximum resident set size", StringComparison.Ordinal));
            peak = long.Parse(line[(line.LastIndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture);
            File.Delete(timeOut);
        }
        var count = Count(db);
        if (count != expectedRows) throw new InvalidOperationException($"sqlite3 imported {count} rows, expected {expectedRows}");
        return (watch.Elapsed.TotalSeconds, peak);
    }

    private static long Count(string db)
    {
        var psi = new ProcessStartInfo("sqlite3") { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(db);
        psi.ArgumentList.Add("SELECT count(*) FROM complaints_raw;");
        using var p = Process.Start(psi)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return long.Parse(text.Trim(), CultureInfo.InvariantCulture);
    }

    private static long PollHwm(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }
        catch (IOException)
        {
            // The process ended between two polls.
        }
        return 0;
    }
}
