using System.Runtime.CompilerServices;
using QualityAnalytics.Warehouse.Contract;

namespace QualityAnalytics.Etl.Staging;

/// <summary>The result of reading a header row: the kind, where each contract column sits, what was left over, and the
/// fields given more than one column (<see cref="RepeatedColumns"/>: the loader refuses such a file).</summary>
public sealed record HeaderMatch(DataKind? Kind, IReadOnlyDictionary<string, int> Columns, IReadOnlyList<string> MissingRequired,
    IReadOnlyList<string> UnknownColumns, IReadOnlyList<RepeatedColumn> RepeatedColumns)
{
    public bool IsComplete => Kind is not null && MissingRequired.Count == 0;

    /// <summary>How many cells the header spans: up to its last named cell (a CSV exported from Excel often ends every
    /// line, the header's too, in empty cells). A row's value beyond it sits under no name (<see cref="RowReader"/>).</summary>
    public int Width { get; init; } = int.MaxValue;

    /// <summary>Each matched field's header cell as the file wrote it (<see cref="HeaderNames.AsWritten"/>), by the
    /// field's English name: what a quarantined row or a reason names, so the sender finds the column in their file.</summary>
    public IReadOnlyDictionary<string, string> Written { get; init; } = new Dictionary<string, string>();

    /// <summary>The header of a field as the file wrote it (得分 for score in a Chinese checks file); any other name
    /// (a field the file lacks, a cell by its place) as given.</summary>
    public string HeaderOf(string column) => Written.TryGetValue(column, out var written) ? written : column;

    // The mappers ask for the same dozen column names, written as literals (so the same string instances), for every
    // row; hashing each name through the dictionary was ~0.1 s of the staging thread per million rows. The answers
    // are kept by reference in a small array that is replaced, never changed, so any thread may read it.
    private (string Column, int? Index)[] _byReference = [];

    // Per row of a bulk load: compiled optimized at the first call, not after a tier-up (docs/benchmarks.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int? IndexOf(string column)
    {
        var known = Volatile.Read(ref _byReference);
        // A mapper asks in the same order row after row: start where the last answer was found, so the usual lookup
        // is one comparison. The hint is only a starting point (a stale one from another thread costs a longer scan).
        var start = _hint;
        for (var n = 0; n < known.Length; n++)
        {
            var at = start + n;
            if (at >= known.Length) at -= known.Length;
            if (ReferenceEquals(known[at].Column, column))
            {
                _hint = at + 1 < known.Length ? at + 1 : 0;
                return known[at].Index;
            }
        }
        return Remember(known, column);
    }

    private int _hint;

    private int? Remember((string Column, int? Index)[] known, string column)
    {
        int? index = Columns.TryGetValue(column, out var i) ? i : null;
        // Names built at run time would each be a new instance: stop remembering past a bound rather than grow.
        if (known.Length < MaxRemembered) Volatile.Write(ref _byReference, [.. known, (column, index)]);
        return index;
    }

    private const int MaxRemembered = 64;
}

/// <summary>Recognises a file's kind from its header row (never from its name). A header cell matches a contract column as
/// <see cref="HeaderNames"/> says (English or Chinese name, any case, spaces or underscores, or both names).</summary>
public static class HeaderMatcher
{
    public static HeaderMatch Match(IReadOnlyList<string> header)
    {
        var normalised = header.Select(HeaderNames.Normalise).ToArray();
        HeaderMatch? best = null;
        var bestScore = 0;
        foreach (var schema in KindSchemas.All)
        {
            var found = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var column in schema.Columns)
            {
                var index = Array.FindIndex(normalised, cell => HeaderNames.Names(cell, column));
                if (index >= 0 && !found.ContainsValue(index)) found[column.Name] = index;
            }
            var required = schema.RequiredColumns.ToArray();
            var presentRequired = required.Count(c => found.ContainsKey(c.Name));
            // A complete match beats any partial one; among equals, more matched columns win (checks vs check_deductions).
            var score = (presentRequired == required.Length ? 1000 : 0) + presentRequired * 10 + found.Count;
            if (presentRequired < 2 || score <= bestScore) continue;
            bestScore = score;
            var missing = required.Where(c => !found.ContainsKey(c.Name)).Select(c => $"{c.Name} ({c.ChineseName})").ToArray();
            var repeated = Repeated(schema, normalised, found);
            var unknown = header.Where((_, i) => !found.ContainsValue(i) && !repeated.Any(r => r.Indices.Contains(i)) && !string.IsNullOrWhiteSpace(header[i])).ToArray();
            best = new HeaderMatch(schema.Kind, found, missing, unknown, repeated) { Width = NamedWidth(header), Written = Written(schema, header, found) };
        }
        // Blank cells are no columns (an exported title row ends in empty cells), as for a header that matches.
        return best ?? new HeaderMatch(null, new Dictionary<string, int>(), [], header.Where(c => !string.IsNullOrWhiteSpace(c)).ToArray(), []);
    }

    /// <summary>The header cells of the matched fields as written. A cell is kept only when it reads back to its own field
    /// (<see cref="FieldNames.Key"/>): a cell naming two fields ("customer/note" beside "customer") that the matcher gave
    /// to the second is recorded by the field's English name instead, so the recorded column always has the right key.</summary>
    private static Dictionary<string, string> Written(KindSchema schema, IReadOnlyList<string> header, Dictionary<string, int> found)
    {
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, index) in found)
        {
            var cell = HeaderNames.AsWritten(header[index]);
            if (HeaderNames.FieldOf(schema, cell)?.Name == field) written[field] = cell;
        }
        return written;
    }

    private static int NamedWidth(IReadOnlyList<string> header)
    {
        var width = header.Count;
        while (width > 0 && string.IsNullOrWhiteSpace(header[width - 1])) width--;
        return width;
    }

    /// <summary>The fields that more than one cell names (cells another field took aside): "customer" and "客户名称", or
    /// "投诉编号" twice. Only the first would be read, so the other's values would be lost.</summary>
    private static RepeatedColumn[] Repeated(KindSchema schema, string[] normalised, Dictionary<string, int> found) =>
        schema.Columns.Where(c => found.ContainsKey(c.Name))
            .Select(c => (Column: c, Indices: Enumerable.Range(0, normalised.Length)
                .Where(i => i == found[c.Name] || (!found.ContainsValue(i) && HeaderNames.Names(normalised[i], c))).ToArray()))
            .Where(r => r.Indices.Length > 1)
            .Select(r => new RepeatedColumn(r.Column.Name, r.Column.ChineseName, r.Indices))
            .ToArray();

}

/// <summary>A field of the contract that a header gives more than one column (<paramref name="Indices"/>, 0-based, in order).</summary>
public sealed record RepeatedColumn(string Column, string ChineseName, IReadOnlyList<int> Indices)
{
    /// <summary>The field and its cells as a spreadsheet names them: <c>customer (客户名称): F1 "customer", G1 "客户名称"</c>.</summary>
    public string Describe(int headerLine, IReadOnlyList<string> header) =>
        $"{Column} ({ChineseName}): " + string.Join(", ", Indices.Select(i =>
            $"{ColumnLetters(i)}{headerLine.ToString(System.Globalization.CultureInfo.InvariantCulture)} \"{header[i]}\""));

    /// <summary>A, B, … Z, AA, AB…: the column as Excel (and Excel opening a CSV) shows it.</summary>
    public static string ColumnLetters(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }
}
