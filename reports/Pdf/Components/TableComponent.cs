using System.Text.RegularExpressions;
using QualityAnalytics.Reports.Pdf.Layout;
using SkiaSharp;

namespace QualityAnalytics.Reports.Pdf.Components;

/// <summary>
/// A table is a header fragment kept with the first rows, then one fragment per row; each row carries the header
/// so the paginator repeats it on every page the table reaches. Cell text wraps with the paragraph breaker.
/// A short table is never split (<see cref="KeptWholeRows"/>), and a long one never leaves a single row alone at
/// either end of a page: a table of five changes split two and three over two pages, and the quarantined rows'
/// last row took a page of its own.
/// </summary>
internal static partial class TableComponent
{
    /// <summary>A table of at most this many rows stays on one page whole, moving to the next page if need be —
    /// unless it is taller than <see cref="KeptWholeShare"/> of a page, which would leave too much of a page blank.</summary>
    internal const int KeptWholeRows = 6;

    internal const float KeptWholeShare = 0.5f;

    public static IEnumerable<Fragment> Layout(TableBlock block, LayoutContext context)
    {
        var columns = block.Columns;
        if (columns.Count == 0)
        {
            yield break;
        }
        var widths = ColumnWidths(block, context);
        var alignments = columns.Select((c, i) => Resolve(c.Alignment, block.Rows, i)).ToArray();

        var header = Row(columns.Select(c => c.Header).ToList(), widths, alignments, Typography.TableHeader, context,
            background: Palette.Primary, spaceBefore: Spacing.BlockGap, keepWithNext: true, repeatedHeader: null);
        yield return header;

        var rows = new List<Fragment>(block.Rows.Count);
        for (var r = 0; r < block.Rows.Count; r++)
        {
            var cells = block.Rows[r];
            if (cells.Count > columns.Count)
            {
                throw new ArgumentException($"Table row {r} has {cells.Count} cells but the table has {columns.Count} columns.", nameof(block));
            }
            var shaded = block.Zebra && r % 2 == 1;
            rows.Add(Row(cells, widths, alignments, Typography.TableCell, context,
                background: shaded ? Palette.Zebra : null, spaceBefore: 0, keepWithNext: false, repeatedHeader: header));
        }
        var keptWhole = rows.Count <= KeptWholeRows && header.Height + rows.Sum(r => r.Height) <= context.ContentHeight * KeptWholeShare;
        for (var r = 0; r < rows.Count; r++)
        {
            // Kept whole: each row with the next. Otherwise the first row with the second (the header already keeps
            // with the first), so at least two rows open the table, and the second-to-last with the last.
            var keep = r < rows.Count - 1 && (keptWhole || r == 0 || r == rows.Count - 2);
            yield return keep ? KeptWithNext(rows[r]) : rows[r];
        }
    }

    private static Fragment KeptWithNext(Fragment row) => new()
    {
        Height = row.Height,
        SpaceBefore = row.SpaceBefore,
        KeepWithNext = true,
        RepeatedHeader = row.RepeatedHeader,
        Draw = row.Draw,
    };

    private static Fragment Row(IReadOnlyList<string> cells, float[] widths, SKTextAlign[] alignments, TextStyle style,
        LayoutContext context, SKColor? background, float spaceBefore, bool keepWithNext, Fragment? repeatedHeader)
    {
        var baseline = context.Baseline(style);
        var wrapped = new IReadOnlyList<string>[widths.Length];
        var lineCount = 1;
        for (var c = 0; c < widths.Length; c++)
        {
            var text = c < cells.Count ? cells[c] ?? string.Empty : string.Empty;
            wrapped[c] = context.Wrap(text, style, Math.Max(1, widths[c] - 2 * Spacing.TableCellPaddingX));
            lineCount = Math.Max(lineCount, wrapped[c].Count);
        }
        var height = lineCount * style.LineHeight + 2 * Spacing.TableCellPaddingY;
        var totalWidth = widths.Sum();
        return new Fragment
        {
            Height = height,
            SpaceBefore = spaceBefore,
            KeepWithNext = keepWithNext,
            RepeatedHeader = repeatedHeader,
            Draw = (d, x, y) =>
            {
                if (background is { } fill)
                {
                    d.FillRect(SKRect.Create(x, y, totalWidth, height), fill);
                }
                var cellX = x;
                for (var c = 0; c < widths.Length; c++)
                {
                    var textX = alignments[c] switch
                    {
                        SKTextAlign.Right => cellX + widths[c] - Spacing.TableCellPaddingX,
                        SKTextAlign.Center => cellX + widths[c] / 2,
                        _ => cellX + Spacing.TableCellPaddingX,
                    };
                    for (var l = 0; l < wrapped[c].Count; l++)
                    {
                        var lineBaseline = y + Spacing.TableCellPaddingY + l * style.LineHeight + baseline;
                        d.DrawText(wrapped[c][l], textX, lineBaseline, style, alignments[c]);
                    }
                    cellX += widths[c];
                }
                d.Line(x, y + height, x + totalWidth, y + height, Palette.Rule, Spacing.TableRuleWidth);
            },
        };
    }

    /// <summary>Each cell's piece (word, number, code) that is wider than its column and so must be cut across lines.</summary>
    internal static IEnumerable<string> WordsCut(TableBlock block, LayoutContext context)
    {
        var widths = ColumnWidths(block, context);
        for (var c = 0; c < block.Columns.Count; c++)
        {
            var room = widths[c] - 2 * Spacing.TableCellPaddingX;
            foreach (var (text, style) in Cells(block, c))
            {
                foreach (var word in Words(text).Where(w => context.Measure(w, style) > room))
                {
                    yield return $"{block.Columns[c].Header}: {word}";
                }
            }
        }
    }

    /// <summary>A column's header and cells, each with the style it is drawn in.</summary>
    private static IEnumerable<(string Text, TextStyle Style)> Cells(TableBlock block, int column) =>
        block.Rows.Where(r => column < r.Count && !string.IsNullOrEmpty(r[column])).Select(r => (r[column], Typography.TableCell))
            .Prepend((block.Columns[column].Header, Typography.TableHeader));

    /// <summary>The pieces a line never breaks inside, without their trailing spaces (a short bracketed Chinese name,
    /// [电话回访] or （部门编码）, is one: a column is widened to keep it whole where the others have room).</summary>
    private static IEnumerable<string> Words(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').SelectMany(p => LineBreaker.Segments(p, keepGroups: true)).Select(s => s.TrimEnd()).Where(s => s.Length > 0);

    /// <summary>
    /// The widths the columns ask for (<see cref="RequestedWidths"/>), then each column widened to its widest word, number or
    /// code where the other columns have room to spare above theirs: a width chosen for the Chinese headers ("自查 S") cut
    /// the English one ("Self-che / ck S"), and a share of the page cut a complaint number ("TS-2026Q3- / MKT-03"). When the
    /// columns have too little room between them, each narrow one gets the same share of what there is.
    /// </summary>
    internal static float[] ColumnWidths(TableBlock block, LayoutContext context)
    {
        var widths = RequestedWidths(block.Columns, context.ContentWidth);
        var minimum = Enumerable.Range(0, widths.Length)
            .Select(c => Cells(block, c).SelectMany(cell => Words(cell.Text).Select(w => context.Measure(w, cell.Style))).DefaultIfEmpty(0).Max()
                + 2 * Spacing.TableCellPaddingX)
            .ToArray();
        var deficit = widths.Select((w, c) => Math.Max(0, minimum[c] - w)).Sum();
        var slack = widths.Select((w, c) => Math.Max(0, w - minimum[c])).Sum();
        if (deficit <= 0 || slack <= 0)
        {
            return widths;
        }
        var moved = Math.Min(deficit, slack);
        return widths.Select((w, c) => w < minimum[c]
                ? w + (minimum[c] - w) * moved / deficit
                : w - (w - minimum[c]) * moved / slack)
            .ToArray();
    }

    /// <summary>Fixed columns get their points; relative ones share what is left in proportion.</summary>
    private static float[] RequestedWidths(IReadOnlyList<TableColumn> columns, float available)
    {
        var fixedTotal = columns.Where(c => c.Width.IsFixed).Sum(c => c.Width.Value);
        var relativeTotal = columns.Where(c => !c.Width.IsFixed).Sum(c => c.Width.Value);
        var left = Math.Max(0, available - fixedTotal);
        return columns
            .Select(c => c.Width.IsFixed ? c.Width.Value : relativeTotal > 0 ? left * c.Width.Value / relativeTotal : 0)
            .ToArray();
    }

    /// <summary>Auto: a column whose filled cells are all numbers (or dashes) aligns right, header included.</summary>
    internal static SKTextAlign Resolve(CellAlignment alignment, IReadOnlyList<IReadOnlyList<string>> rows, int column) => alignment switch
    {
        CellAlignment.Left => SKTextAlign.Left,
        CellAlignment.Center => SKTextAlign.Center,
        CellAlignment.Right => SKTextAlign.Right,
        _ => IsNumericColumn(rows, column) ? SKTextAlign.Right : SKTextAlign.Left,
    };

    /// <summary>Every filled cell is a number; a dash (no value: a company row, a rate with nothing to count) does not
    /// count against it, or one "—" moved a whole column of scores to the left.</summary>
    private static bool IsNumericColumn(IReadOnlyList<IReadOnlyList<string>> rows, int column)
    {
        var filled = rows.Where(r => column < r.Count && !string.IsNullOrWhiteSpace(r[column])).Select(r => r[column].Trim())
            .Where(cell => cell != NoValue).ToList();
        return filled.Count > 0 && filled.All(IsNumber);
    }

    /// <summary>The dash both languages' resources write for "no value".</summary>
    private const string NoValue = "—";

    internal static bool IsNumber(string text) => NumberPattern().IsMatch(text);

    [GeneratedRegex(@"^[+\-−±]?[¥$€£]?\d[\d,]*(\.\d+)?\s*[%‰]?$")]
    private static partial Regex NumberPattern();
}
