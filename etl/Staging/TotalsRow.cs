using System.Runtime.CompilerServices;
using QualityAnalytics.Warehouse.Contract;

namespace QualityAnalytics.Etl.Staging;

/// <summary>A totals row under a table (合计, 总计, 小计, 平均, Total…), as departments' ledgers end: a sum, not a record.
/// It was quarantined as a record missing its values (four or five reasons for one line, or a complaint whose id is
/// 合计), which sent the working group looking for a record to fix. It is still quarantined — the data contract skips
/// only wholly blank rows and quarantines every other row that is not a valid record, and a row read is counted — but
/// with the one reason that says what it is, so it is recognised at a glance. A row is taken for one only when its
/// first non-blank cell is the label itself (合计, 合　计, 合计：, 合计：3 条) — never an id, a code or a date. The
/// sign-off lines under a Chinese form (制表人：张三, 审核人：李四, 填报日期：…, 注：…) are taken the same way, only
/// with their colon: a label alone (审核) could be a value.</summary>
public static class TotalsRow
{
    private static readonly string[] Labels =
        ["合计", "总计", "小计", "共计", "总合计", "平均", "平均值", "平均分", "均值", "汇总", "total", "totals", "grandtotal", "subtotal", "sum", "average"];

    /// <summary>Labels of a form's sign-off lines, taken only before a colon.</summary>
    private static readonly string[] SignOffLabels =
        ["制表人", "制表", "制表日期", "填表人", "填表日期", "填报人", "填报日期", "审核人", "审核", "审批人", "复核人", "负责人", "部门负责人",
         "单位负责人", "经办人", "联系人", "联系电话", "备注", "说明", "注"];

    /// <summary>The reason recorded for a totals or sign-off row; <paramref name="label"/> is the cell as written.</summary>
    public static string Reason(string label) => IsTotals(label)
        ? $"a totals row ({label}), not a record"
        : $"a sign-off line ({label}), not a record";

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
        // The first character of a label (合计, 总计, 小计, 制表人, 审核人…, Total, Sum…): anything else is no label.
        if (!"合总小共平均汇制填审复负部单经联备说注tTsSaAgG".Contains(cell[0], StringComparison.Ordinal)) return false;
        return IsTotals(cell) || (cell.AsSpan().IndexOfAny(ColonChars) > 0 && LabelIn(cell, SignOffLabels));
    }

    private const string ColonChars = ":：";

    /// <summary>A totals label, then nothing or a colon and whatever it says (合计：3 条); white space inside it ignored (合　计).</summary>
    private static bool IsTotals(string cell) => LabelIn(cell, Labels);

    /// <summary>Whether the cell up to its first colon, white space left out and lower-cased, is one of
    /// <paramref name="labels"/>. Without allocating: ids starting with T, S or A (TS-2026-000001) reach it on every row of
    /// a bulk load.</summary>
    private static bool LabelIn(string cell, string[] labels)
    {
        var end = cell.AsSpan().IndexOfAny(ColonChars);
        var head = end < 0 ? cell.AsSpan() : cell.AsSpan(0, end);
        Span<char> compact = stackalloc char[LongestLabel];
        var length = 0;
        foreach (var c in head)
        {
            if (char.IsWhiteSpace(c)) continue;
            if (length == compact.Length) return false; // longer than any label
            compact[length++] = char.ToLowerInvariant(c);
        }
        foreach (var label in labels)
        {
            if (compact[..length].SequenceEqual(label)) return true;
        }
        return false;
    }

    /// <summary>Room for the longest label, white space left out ("grandtotal").</summary>
    private const int LongestLabel = 16;

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
