using System.Globalization;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Warehouse.Marts;

namespace QualityAnalytics.Web.Cli;

/// <summary>`qa load`'s progress while a large file loads: one line on standard error ("complaints.csv: 1,234,567 rows
/// read"), rewritten at most once a second and cleared before the summaries are printed, so that a 10-million-row file
/// (half a minute) does not look hung. Only on a terminal (<see cref="CliEnvironment.ErrorIsTerminal"/>): a script or a
/// test capturing the output sees exactly the data contract's summaries. A load shorter than the first second prints
/// nothing. After the summaries, the same line follows the marts' rebuild and the rescore quarter by quarter
/// ("rebuilding the marts: 2021Q3 (7 of 28 quarters)"), which after a load of many quarters takes longer than the load.</summary>
internal sealed class TerminalProgress : ILoadObserver, IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly TextWriter _error;
    private readonly TimeProvider _clock;
    private readonly Func<string, string> _display;
    private long _due;
    private int _shownWidth;
    private string? _shownFile;
    private string _file = "";
    private string? _sheet;
    private int _rows;

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
        (_file, _sheet, _rows) = (file, sheet, rowsSoFar);
        // Called for every row on the loader's writing thread: look at the clock only every 4,096 rows.
        if ((rowsSoFar & 4095) != 0) return;
        var now = _clock.GetTimestamp();
        if (now < _due) return;
        _due = now + Ticks(Interval);
        Show(RowsRead());
        _shownFile = file;
    }

    /// <summary>Where this file's progress is on the line, says that all its rows are read and its commit is under way.</summary>
    public void Committing(string file)
    {
        if (_shownFile == file) Show(RowsRead() + ", committing…");
    }

    private string RowsRead() =>
        string.Create(CultureInfo.InvariantCulture, $"{_display(_file)}{(_sheet is null ? "" : $" [{_sheet}]")}: {_rows:N0} rows read");

    private void Show(string text)
    {
        // Pad over a longer line shown before (another file's name).
        _error.Write("\r" + text.PadRight(_shownWidth));
        _error.Flush();
        _shownWidth = text.Length;
    }

    /// <summary>A quarter of the work after the load (<see cref="AfterLoad.Run"/>), shown at most once a second and not
    /// in the first second after <see cref="Clear"/>.</summary>
    public void AfterLoadStep(AfterLoad.Step step)
    {
        var now = _clock.GetTimestamp();
        if (now < _due) return;
        _due = now + Ticks(Interval);
        var doing = step.Stage == AfterLoad.Stage.RebuildingMarts ? "rebuilding the marts" : "checking the scores";
        Show(string.Create(CultureInfo.InvariantCulture, $"{doing}: {step.Quarter} ({step.Number} of {step.Count} quarters)"));
    }

    /// <summary>Clears the line, if one was shown; the next line waits a second again.</summary>
    public void Clear()
    {
        _due = _clock.GetTimestamp() + Ticks(Interval);
        if (_shownWidth == 0) return;
        _error.Write("\r" + new string(' ', _shownWidth) + "\r");
        _error.Flush();
        _shownWidth = 0;
        _shownFile = null;
    }

    public void Dispose() => Clear();

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _clock.TimestampFrequency);
}
