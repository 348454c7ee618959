using System.Globalization;
using QualityAnalytics.Etl.Loading;

namespace QualityAnalytics.Web.Cli;

/// <summary>`qa load`'s progress while a large file loads: one line on standard error ("complaints.csv: 1,234,567 rows
/// read"), rewritten at most once a second and cleared before the summaries are printed, so that a 10-million-row file
/// (half a minute) does not look hung. Only on a terminal (<see cref="CliEnvironment.ErrorIsTerminal"/>): a script or a
/// test capturing the output sees exactly the data contract's summaries. A load shorter than the first second prints
/// nothing.</summary>
internal sealed class TerminalProgress : ILoadObserver, IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly TextWriter _error;
    private readonly TimeProvider _clock;
    private readonly Func<string, string> _display;
    private long _due;
    private int _shownWidth;

    /// <param name="display">The file's name as the summaries print it.</param>
    public TerminalProgress(TextWriter error, TimeProvider clock, Func<string, string> display)
    {
        _error = error;
        _clock = clock;
        _display = display;
        _due = clock.GetTimestamp() + Ticks(Interval);
    }

    public void RowWritten(string file, string? sheet, int line, int rowsSoFar)
    {
        // Called for every row on the loader's writing thread: look at the clock only every 4,096 rows.
        if ((rowsSoFar & 4095) != 0) return;
        var now = _clock.GetTimestamp();
        if (now < _due) return;
        _due = now + Ticks(Interval);
        var text = string.Create(CultureInfo.InvariantCulture, $"{_display(file)}{(sheet is null ? "" : $" [{sheet}]")}: {rowsSoFar:N0} rows read");
        // Pad over a longer line shown before (another file's name).
        _error.Write("\r" + text.PadRight(_shownWidth));
        _error.Flush();
        _shownWidth = text.Length;
    }

    /// <summary>Clears the line, if one was shown.</summary>
    public void Dispose()
    {
        if (_shownWidth == 0) return;
        _error.Write("\r" + new string(' ', _shownWidth) + "\r");
        _error.Flush();
        _shownWidth = 0;
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _clock.TimestampFrequency);
}
