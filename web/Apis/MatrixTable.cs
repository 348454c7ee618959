using QualityAnalytics.Warehouse.Semantic;

namespace QualityAnalytics.Web.Apis;

/// <summary>A matrix laid out flat as the page shows it, for a file: the rows' dimension, then a column for each column
/// value and measure ("电话 · 投诉数"; the value alone when there is one measure), then the line's totals ("合计 · 投诉数"),
/// and a last line of totals. Values read as on the page: coded ones in words, departments by name.</summary>
internal sealed class MatrixTable(MatrixResult matrix, ShownValues shown, IReadOnlyDictionary<string, string> departmentNames, string total)
{
    public IReadOnlyList<string> Header()
    {
        var header = new List<string> { Exports.Label(matrix.RowDimension.LabelZh, matrix.RowDimension.LabelEn) };
        var measures = matrix.Measures.Select(m => Exports.Label(m.LabelZh, m.LabelEn)).ToList();
        if (matrix.ColumnDimension is not { } across) return [.. header, .. measures];
        foreach (var group in matrix.ColumnValues.Select(v => Shown(across.Name, v)).Append(total))
        {
            header.AddRange(measures.Count == 1 ? [group] : measures.Select(m => $"{group} · {m}"));
        }
        // A spreadsheet's columns are keyed by their heading: two departments of one name would collide.
        return header.Select((h, i) => header.IndexOf(h) == i ? h : $"{h} ({i})").ToList();
    }

    public IEnumerable<object?[]> Lines()
    {
        foreach (var row in matrix.Rows) yield return Line(Shown(matrix.RowDimension.Name, row.Value), row);
        yield return Line(total, matrix.Total);
    }

    private object?[] Line(string label, MatrixRow row)
    {
        var measures = matrix.Measures.Count;
        var line = new object?[1 + (row.Cells.Count + 1) * measures];
        line[0] = label;
        for (var c = 0; c < row.Cells.Count; c++)
        {
            if (row.Cells[c] is { } cell) Array.Copy(cell, 0, line, 1 + c * measures, measures);
        }
        Array.Copy(row.Total, 0, line, 1 + row.Cells.Count * measures, measures);
        return line;
    }

    private string Shown(string dimension, object? value) => dimension == "department" && value is string code
        ? departmentNames.GetValueOrDefault(code, code)
        : Convert.ToString(shown.Of(dimension, value), System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
