using System.Diagnostics;
using System.Globalization;

namespace QualityAnalytics.Benchmarks;

/// <summary>Runs a command-line tool and measures it from outside: wall time, and peak RSS from GNU time's "Maximum
/// resident set size" when /usr/bin/time exists, else from polling /proc/PID/status (VmHWM).</summary>
public static class TimedProcess
{
    /// <param name="input">Lines written to the tool's standard input (then closed); null leaves it alone.</param>
    public static (double Seconds, long PeakKb) Run(string file, IEnumerable<string> arguments, IEnumerable<string>? input, string scratch)
    {
        var gnuTime = File.Exists("/usr/bin/time") ? "/usr/bin/time" : null;
        var timeOut = scratch + ".time.txt";
        var psi = new ProcessStartInfo(gnuTime ?? file) { RedirectStandardInput = input is not null, UseShellExecute = false };
        if (gnuTime is not null)
        {
            foreach (var a in new[] { "-v", "-o", timeOut, file }) psi.ArgumentList.Add(a);
        }
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        if (input is not null)
        {
            foreach (var line in input) process.StandardInput.WriteLine(line);
            process.StandardInput.Close();
        }
        long polled = 0;
        if (gnuTime is null)
        {
            while (!process.WaitForExit(10)) polled = Math.Max(polled, PollHwm(process.Id));
        }
        process.WaitForExit();
        watch.Stop();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} exited with {process.ExitCode}");

        var peak = polled;
        if (gnuTime is not null)
        {
            var line = File.ReadLines(timeOut).First(l => l.Contains("Maximum resident set size", StringComparison.Ordinal));
            peak = long.Parse(line[(line.LastIndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture);
            File.Delete(timeOut);
        }
        return (watch.Elapsed.TotalSeconds, peak);
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
