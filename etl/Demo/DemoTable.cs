using System.Globalization;
using System.IO.Compression;
using System.Text;
using MiniExcelLibs;

namespace QualityAnalytics.Etl.Demo;

/// <summary>A deliberate defect on one generated row: which canonical column is wrong, and why. RawText replaces the cell as written.</summary>
internal sealed record BadMark(string Column, string Why, string? RawText = null);

/// <summary>One column of a file layout: the canonical (contract) name, the header written in the file, and how a record becomes a cell.</summary>
internal sealed record Col<T>(string Canonical, string Header, Func<T, object?> Value);

/// <summary>A table ready to write: headers, rows of cells, and per row an optional defect and a blank line before it.</summary>
internal sealed class DemoTable
{
    public DemoTable(IReadOnlyList<string> headers) => Headers = headers;

    public IReadOnlyList<string> Headers { get; }
    public List<(object?[] Cells, BadMark? Bad, string? BadHeader, bool BlankLineBefore)> Rows { get; } = [];

    public static DemoTable From<T>(IReadOnlyList<Col<T>> columns, IEnumerable<T> records, Func<T, BadMark?> bad, Func<int, bool>? blankLineBefore = null)
    {
        var table = new DemoTable([.. columns.Select(c => c.Header)]);
        var i = 0;
        foreach (var record in records)
        {
            var mark = bad(record);
            var cells = new object?[columns.Count];
            string? badHeader = null;
            for (var c = 0; c < columns.Count; c++)
            {
                cells[c] = columns[c].Value(record);
                if (mark is not null && columns[c].Canonical == mark.Column)
                {
                    badHeader = columns[c].Header;
                    if (mark.RawText is not null) cells[c] = mark.RawText;
                }
            }
            if (mark is not null && badHeader is null)
                throw new InvalidOperationException($"The layout has no column '{mark.Column}' for a deliberate bad row.");
            table.Rows.Add((cells, mark, badHeader, blankLineBefore?.Invoke(i) ?? false));
            i++;
        }
        return table;
    }
}

/// <summary>Writes demo tables as the departments' files really look: CSV in a chosen encoding and delimiter, or XLSX workbooks.</summary>
internal static partial class DemoFileWriter
{
    /// <summary>A fixed zip entry time, so that a workbook is byte-identical from run to run (MiniExcel stamps entries with the clock).</summary>
    private static readonly DateTimeOffset FixedEntryTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void WriteCsv(string folder, string fileName, DemoTable table, Encoding encoding, bool bom, char delimiter, string newline,
        bool trailingBlankLine, List<DemoBadRow> bad)
    {
        var text = new StringBuilder();
        var line = 1;
        void Append(string s)
        {
            text.Append(s);
            foreach (var ch in s) if (ch == '\n') line++;
        }
        Append(string.Join(delimiter, table.Headers.Select(h => Quote(h, delimiter))) + newline);
        foreach (var (cells, mark, badHeader, blank) in table.Rows)
        {
            if (blank) Append(newline);
            var start = line;
            var fields = cells.Select(c => CsvText(c)).ToArray();
            Append(string.Join(delimiter, fields.Select(f => Quote(f, delimiter))) + newline);
            if (mark is not null)
            {
                var value = fields[IndexOf(table.Headers, badHeader!)];
                bad.Add(new DemoBadRow(fileName, null, start, badHeader!, value, mark.Why));
            }
        }
        if (trailingBlankLine) Append(newline);

        var preamble = bom ? encoding.GetPreamble() : [];
        var body = encoding.GetBytes(text.ToString());
        using var stream = File.Create(Path.Combine(folder, fileName));
        stream.Write(preamble);
        stream.Write(body);
    }

    public static void WriteXlsx(string folder, string fileName, IReadOnlyList<(string Sheet, DemoTable Table)> sheets, List<DemoBadRow> bad)
    {
        var value = new Dictionary<string, object>();
        foreach (var (sheet, table) in sheets)
        {
            var rows = new List<Dictionary<string, object?>>();
            var excelRow = 1; // the header row
            foreach (var (cells, mark, badHeader, _) in table.Rows)
            {
                excelRow++;
                var row = new Dictionary<string, object?>();
                for (var c = 0; c < cells.Length; c++) row[table.Headers[c]] = XlsxCell(cells[c]);
                rows.Add(row);
                if (mark is not null)
                {
                    var cell = row[badHeader!];
                    bad.Add(new DemoBadRow(fileName, sheet, excelRow, badHeader!, XlsxText(cell), mark.Why));
                }
            }
            value[sheet] = rows;
        }
        var path = Path.Combine(folder, fileName);
        using (var buffer = new MemoryStream())
        {
            buffer.SaveAs(value, excelType: ExcelType.XLSX);
            buffer.Position = 0;
            using var output = File.Create(path);
            Normalize(buffer, output);
        }
    }

    /// <summary>How a reader sees an XLSX cell as text: numbers in invariant "G" form, dates as yyyy-MM-dd HH:mm:ss.</summary>
    public static string XlsxText(object? cell) => cell switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        decimal m => ((double)m).ToString(CultureInfo.InvariantCulture),
        double x => x.ToString(CultureInfo.InvariantCulture),
        int n => n.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
    };

    private static object? XlsxCell(object? cell) => cell switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        _ => cell,
    };

    private static string CsvText(object? cell) => cell switch
    {
        null => "",
        string s => s,
        decimal m => m.ToString("0.##", CultureInfo.InvariantCulture),
        int n => n.ToString(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"CSV cells are formatted by the layout; got {cell.GetType().Name}."),
    };

    private static string Quote(string field, char delimiter) =>
        field.IndexOfAny([delimiter, '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static int IndexOf(IReadOnlyList<string> headers, string header)
    {
        for (var i = 0; i < headers.Count; i++) if (headers[i] == header) return i;
        throw new InvalidOperationException($"No header '{header}'.");
    }

    /// <summary>
    /// Copies a workbook so that it is the same bytes on every run: every zip entry gets one fixed time, and the random
    /// relationship ids MiniExcel writes (R + a GUID) are renamed R1, R2, … in order of first appearance.
    /// </summary>
    private static void Normalize(Stream source, Stream target)
    {
        using var input = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        using var output = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in input.Entries)
        {
            var copy = output.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = FixedEntryTime;
            using var from = entry.Open();
            using var to = copy.Open();
            if (entry.FullName.EndsWith(".xml", StringComparison.Ordinal) || entry.FullName.EndsWith(".rels", StringComparison.Ordinal))
            {
                using var reader = new StreamReader(from, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
                var xml = RandomRelationshipId().Replace(reader.ReadToEnd(), m =>
                {
                    if (!ids.TryGetValue(m.Value, out var stable)) ids[m.Value] = stable = "R" + (ids.Count + 1).ToString(CultureInfo.InvariantCulture);
                    return stable;
                });
                var bytes = new UTF8Encoding(false).GetBytes(xml); // the BOM, if any, survives as U+FEFF in the text
                to.Write(bytes);
            }
            else
            {
                from.CopyTo(to);
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("(?<![0-9A-Za-z])R[0-9a-f]{32}(?![0-9A-Za-z])")]
    private static partial System.Text.RegularExpressions.Regex RandomRelationshipId();
}
