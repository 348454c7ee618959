using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace QualityAnalytics.Etl.Reading;

/// <summary>
/// One sheet of an .xlsx workbook, read with MiniExcel's streaming query. MiniExcel yields every row from row 1,
/// including rows that are absent from the file (it fills gaps with empty rows), so counting the rows it yields
/// gives the Excel row number even though blank rows are not returned to the caller.
/// </summary>
internal sealed class XlsxSource : ITabularSource
{
    /// <summary>
    /// Up to this size of xl/sharedStrings.xml the shared strings are held in memory. MiniExcel's default (5 MB) moves a
    /// larger table to its disk cache, whose lookups made a 200,000-row Excel workbook (22 MB of shared strings: Excel
    /// stores every distinct cell text there) load 2.2× slower. In memory the table costs several times its XML size (that
    /// workbook's load peaked ~150 MB higher), so past this bound the disk cache keeps memory bounded, at its speed.
    /// </summary>
    internal const long SharedStringsInMemoryMaxBytes = 32L * 1024 * 1024;

    private static readonly OpenXmlConfiguration ReadConfiguration = new() { SharedStringCacheSize = SharedStringsInMemoryMaxBytes };

    private bool _disposed;

    /// <summary>The header search's enumeration of the sheet, left where the search stopped, for the first
    /// <see cref="ReadRows"/> to continue; null once taken or disposed.</summary>
    private PendingRows? _pending;

    /// <summary>The sheet's formulas saved without their result; null when it has none.</summary>
    private readonly SheetFormulas? _uncalculated;

    private XlsxSource(string filePath, string sheet, string[] header, int headerLine, PendingRows? pending, SheetFormulas? uncalculated)
    {
        FilePath = filePath;
        Sheet = sheet;
        Header = header;
        HeaderLine = headerLine;
        _pending = pending;
        _uncalculated = uncalculated;
    }

    public string FilePath { get; }

    public string? Sheet { get; }

    public string? EncodingName => null;

    public IReadOnlyList<string> Header { get; }

    public int HeaderLine { get; }

    public bool NumbersMayBeDates => true;

    /// <summary>One source per sheet that has a header row; empty sheets are left out.</summary>
    /// <param name="isHeader">See <see cref="TabularFile.Open"/>.</param>
    /// <param name="maxUnpackedBytes">See <see cref="TabularFile.Open"/>.</param>
    public static IReadOnlyList<ITabularSource> OpenAll(string path, Func<IReadOnlyList<string>, bool>? isHeader, long maxUnpackedBytes)
    {
        // Before MiniExcel opens anything: its reading of the sheet names already inflates the workbook's parts.
        var suspects = WorkbookSizeCheck.Check(path, maxUnpackedBytes);
        WorkbookDateSystem.Check(path);
        List<string> sheetNames;
        IReadOnlyDictionary<string, SheetFormulas> uncalculated;
        try
        {
            sheetNames = MiniExcel.GetSheetNames(path, ReadConfiguration);
            uncalculated = UncalculatedFormulas.Find(path, suspects);
        }
        catch (Exception e) when (IsContentProblem(e))
        {
            throw Corrupt(path, null, e);
        }

        var sources = new List<ITabularSource>(sheetNames.Count);
        try
        {
            foreach (var sheet in sheetNames)
            {
                if (FindHeader(path, sheet, isHeader, uncalculated.GetValueOrDefault(sheet)) is { } source)
                {
                    sources.Add(source);
                }
            }
        }
        catch
        {
            foreach (var source in sources) source.Dispose();
            throw;
        }

        return sources.Count > 0
            ? sources
            : throw new FileRejectedException(path, null, "has no sheet with a header row (every sheet is empty)") { HoldsNothing = true };
    }

    public IEnumerable<RawRow> ReadRows()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return ReadRowsIterator();
    }

    /// <summary>
    /// The sheet's header, its enumeration kept open for the rows: MiniExcel reads a sheet without a dimension element
    /// (as MiniExcel itself writes them) to its end before yielding the first row, so opening the sheet again for the
    /// rows cost a whole extra pass over it (about a fifth of a 200,000-row load). Null when the sheet is empty.
    /// </summary>
    private static XlsxSource? FindHeader(string path, string sheet, Func<IReadOnlyList<string>, bool>? isHeader, SheetFormulas? uncalculated)
    {
        var rows = NonBlankRows(path, sheet, uncalculated).GetEnumerator();
        try
        {
            var seen = new List<RawRow>();
            if (HeaderRow.Find(Recorded(rows, seen), isHeader) is not (var line, var cells))
            {
                return null;
            }

            if (!PendingRows.TryHold())
            {
                return new XlsxSource(path, sheet, cells, line, null, uncalculated);
            }

            // The search may have read past the header (it falls back to the first row after looking at more).
            var source = new XlsxSource(path, sheet, cells, line, new PendingRows(seen.FindAll(r => r.Line > line), rows), uncalculated);
            rows = null;
            return source;
        }
        finally
        {
            rows?.Dispose();
        }
    }

    /// <summary>The rows of <paramref name="rows"/>, each also added to <paramref name="seen"/>; leaves the enumerator open.</summary>
    private static IEnumerable<(int Line, string[] Cells)> Recorded(IEnumerator<RawRow> rows, List<RawRow> seen)
    {
        while (rows.MoveNext())
        {
            seen.Add(rows.Current);
            yield return (rows.Current.Line, (string[])rows.Current.Cells);
        }
    }

    private IEnumerable<RawRow> ReadRowsIterator()
    {
        // Only the first enumeration can continue the header search's; any later one reads the sheet again.
        if (Interlocked.Exchange(ref _pending, null) is { } pending)
        {
            using (pending)
            {
                foreach (var row in pending.AfterHeader)
                {
                    yield return row;
                }

                while (pending.Rest.MoveNext())
                {
                    yield return pending.Rest.Current;
                }
            }

            yield break;
        }

        var sheet = Sheet!;
        foreach (var row in NonBlankRows(FilePath, sheet, _uncalculated))
        {
            if (row.Line > HeaderLine)
            {
                yield return row;
            }
        }
    }

    /// <summary>
    /// The non-blank rows of a sheet with their Excel row numbers, streamed. A failure inside the workbook while
    /// reading becomes a <see cref="FileRejectedException"/> (a yield cannot sit in a try with a catch, hence
    /// the hand-driven enumerator). A row's cells that hold no value (an error value, one of <paramref name="uncalculated"/>)
    /// are its <see cref="RawRow.Flaws"/>, and such a row is not blank.
    /// </summary>
    private static IEnumerable<RawRow> NonBlankRows(string path, string sheet, SheetFormulas? uncalculated)
    {
        using var rows = Query(path, sheet);
        var line = 0;
        while (true)
        {
            object? row;
            try
            {
                if (!rows.MoveNext())
                {
                    yield break;
                }

                row = rows.Current;
            }
            catch (Exception e) when (IsContentProblem(e))
            {
                throw Corrupt(path, sheet, e);
            }

            line++;
            if (row is IDictionary<string, object?> values && TryReadCells(values, uncalculated?.At(line), out var cells, out var flaws))
            {
                yield return RawRow.Of(line, cells, flaws);
            }
        }
    }

    private static IEnumerator<object> Query(string path, string sheet)
    {
        try
        {
            return MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet, configuration: ReadConfiguration).GetEnumerator();
        }
        catch (Exception e) when (IsContentProblem(e))
        {
            throw Corrupt(path, sheet, e);
        }
    }

    /// <summary>
    /// The cells of a row as text, without the empty cells at its end (MiniExcel pads every row to the width of the
    /// widest one); false when the row is blank. <paramref name="flaws"/>: the row's error values and
    /// <paramref name="uncalculated"/> formulas in column order, null when it has none.
    /// </summary>
    private static bool TryReadCells(IDictionary<string, object?> values, IReadOnlyList<CellFlaw>? uncalculated, out string[] cells,
        out List<CellFlaw>? flaws)
    {
        cells = new string[values.Count];
        flaws = null;
        var used = 0;
        var i = 0;
        foreach (var pair in values)
        {
            var text = XlsxCellText.From(pair.Value);
            // MiniExcel gives an error value (<c t="e">) as its text, like a text cell's: the text is Excel's error itself,
            // which Excel makes of #N/A typed in a cell too. One comparison for any other cell (ExcelErrorValue.Is).
            if (ExcelErrorValue.Is(text)) (flaws ??= []).Add(new CellFlaw(i, CellFlawKind.ErrorValue, text));
            cells[i++] = text;
            if (text.Length > 0)
            {
                used = i;
            }
        }

        if (uncalculated is not null)
        {
            // MiniExcel reads such a cell as empty; the row holds a formula there, so it is not blank.
            flaws = [.. flaws ?? [], .. uncalculated];
            flaws.Sort((a, b) => a.Index.CompareTo(b.Index));
            used = Math.Max(used, Math.Min(cells.Length, flaws[^1].Index + 1));
        }

        if (used < cells.Length)
        {
            Array.Resize(ref cells, used);
        }

        return used > 0 || flaws is not null;
    }

    // MiniExcel reports a damaged workbook with whatever the zip or XML layer throws (InvalidDataException,
    // XmlException, EndOfStreamException, InvalidOperationException...); only a missing or locked file is not the
    // workbook's fault and keeps its own exception.
    private static bool IsContentProblem(Exception e) =>
        e is not (FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or OutOfMemoryException);

    private static FileRejectedException Corrupt(string path, string? sheet, Exception e) =>
        new(path, sheet, $"is not a readable .xlsx workbook ({e.Message.TrimEnd('.')})", e);

    public void Dispose()
    {
        _disposed = true;
        Interlocked.Exchange(ref _pending, null)?.Dispose();
    }

    /// <summary>
    /// The rows the header search read after the header, and the enumeration of the rest of the sheet. A loader plans
    /// every file of a batch before it reads the first one's rows, and each held enumeration keeps its file open with
    /// MiniExcel's reader (and its shared strings) in memory, so only a few are held at once: past them a sheet is opened
    /// again for its rows, as before, and a batch of many workbooks holds neither many files open nor their tables.
    /// </summary>
    private sealed class PendingRows(List<RawRow> afterHeader, IEnumerator<RawRow> rest) : IDisposable
    {
        internal const int MostHeldAtOnce = 2;

        private static int s_held;

        public List<RawRow> AfterHeader { get; } = afterHeader;

        public IEnumerator<RawRow> Rest { get; } = rest;

        /// <summary>Takes one of the <see cref="MostHeldAtOnce"/> places; the <see cref="PendingRows"/> made after a
        /// true gives it back when disposed.</summary>
        public static bool TryHold()
        {
            while (true)
            {
                var held = Volatile.Read(ref s_held);
                if (held >= MostHeldAtOnce) return false;
                if (Interlocked.CompareExchange(ref s_held, held + 1, held) == held) return true;
            }
        }

        public void Dispose()
        {
            Rest.Dispose();
            Interlocked.Decrement(ref s_held);
        }
    }
}
