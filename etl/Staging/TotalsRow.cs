using System.Runtime.CompilerServices;
using QualityAnalytics.Warehouse.Contract;

namespace QualityAnalytics.Etl.Staging;

/// <summary>A totals row under a table (合计, 总计, 小计, 平均, Total…), as departments' ledgers end: a sum, not a record.
/// It was quarantined as a record missing its values (four or five reasons for one line, or a complaint whose id is
/// 合计), so every file with one showed quarantined rows to fix where there was nothing to fix, and the working group's
/// home page and mail flagged it each night. It is not loaded and is recorded as a load warning on its line instead
/// (the row is not counted among the rows read, as a blank row is not): visible on the data desk and in a dry run, and
/// nothing that was data is dropped, since a row is taken for one only when its first non-blank cell is the label
/// itself (合计, 合　计, 合计：, 合计：3 条) — never an id, a code or a date.</summary>
public static class TotalsRow
{
    private static readonly string[] Labels =
        ["合计", "总计", "小计", "共计", "总合计", "平均", "平均值", "平均分", "均值", "汇总", "total", "totals", "grandtotal", "subtotal", "sum", "average"];

    /// <summary>The reason recorded for a totals row; <paramref name="label"/> as the cell wrote it.</summary>
    public static string Reason(string label) => $"a totals row ({label}), not a record: not loaded";

    /// <summary>The index of the row's totals label, or −1 when the row is not a totals row.</summary>
    // Per row of a bulk load: most rows start with an id, rejected at its first character.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int LabelAt(IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            if (cell.Length == 0) continue;
            return IsLabel(cell) ? i : -1;
        }
        return -1;
    }

    private static bool IsLabel(string cell)
    {
        var first = cell[0];
        // 合 总 小 共 平 均 汇, or a Latin letter of total/sum/subtotal/average: anything else is no label.
        if (first is not ('合' or '总' or '小' or '共' or '平' or '均' or '汇' or 't' or 'T' or 's' or 'S' or 'a' or 'A' or 'g' or 'G')) return false;
        // The label, then nothing or a colon and whatever it says (合计：3 条); white space inside it ignored (合　计).
        var end = cell.IndexOfAny([':', '：']);
        var label = string.Concat((end < 0 ? cell : cell[..end]).Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
        return Labels.Contains(label, StringComparer.Ordinal);
    }

    /// <summary>The column to name for the label at <paramref name="index"/>: its field (recorded as the header wrote it),
    /// else the header cell as written, else its place (column 8, column H).</summary>
    public static string Column(HeaderMatch match, IReadOnlyList<string> header, int index, bool workbook)
    {
        foreach (var (field, at) in match.Columns)
        {
            if (at == index) return field;
        }
        if (index < header.Count && header[index].Length > 0) return HeaderNames.AsWritten(header[index]);
        return FieldNames.Position(workbook ? RepeatedColumn.ColumnLetters(index) : (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
