using System.Text.RegularExpressions;
using QualityAnalytics.Reports.Pdf.Layout;
using SkiaSharp;

namespace QualityAnalytics.Reports.Pdf.Components;

/// <summary>
/// A table is a header fragment kept with the first row, then one fragment per row; each row carries the header
/// so the paginator repeats it on every page the table reaches. Cell text wraps with the paragraph breaker.
/// </summary>
internal static partial class TableComponent
{
    public static IEnumerable<Fragment> Layout(TableBlock block, LayoutContext context)
    {
        var columns = block.Columns;
        if (columns.Count == 0)
        {
            yield break;
        }
        var widths = ColumnWidths(columns, context.ContentWidth);
        var alignments = columns.Select((c, i) => Resolve(c.Alignment, block.Rows, i)).ToArray();

        var header = Row(columns.Select(c => c.Header).ToList(), widths, alignments, Typography.TableHeader, context,
            background: Palette.Primary, spaceBefore: Spacing.BlockGap, keepWithNext: true, repeatedHeader: null);
        yield return header;

        for (var r = 0; r < block.Rows.Count; r++)
        {
            var cells = block.Rows[r];
            if (cells.Count > columns.Count)
            {
                throw new ArgumentException($"Table row {r} has {cells.Count} cells but the table has {columns.Count} columns.", nameof(block));
            }
            var shaded = block.Zebra && r % 2 == 1;
            yield return Row(cells, widths, alignments, Typography.TableCell, context,
                background: shaded ? Palette.Zebra : null, spaceBefore: 0, keepWithNext: false, repeatedHeader: header);
        }
    }

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

    /// <summary>Fixed columns get their points; relative ones share what is left in proportion.</summary>
    private static float[] ColumnWidths(IReadOnlyList<TableColumn> columns, float available)
    {
        var fixedTotal = columns.Where(c => c.Width.IsFixed).Sum(c => c.Width.Value);
        var relativeTotal = columns.Where(c => !c.Width.IsFixed).Sum(c => c.Width.Value);
        var left = Math.Max(0, available - fixedTotal);
        return columns
            .Select(c => c.Width.IsFixed ? c.Width.Value : relativeTotal > 0 ? left * c.Width.Value / relativeTotal : 0)
            .ToArray();
    }

    /// <summary>Auto: a column whose filled cells are all numbers aligns right, header included.</summary>
    private static SKTextAlign Resolve(CellAlignment alignment, IReadOnlyList<IReadOnlyList<string>> rows, int column) => alignment switch
    {
        CellAlignment.Left => SKTextAlign.Left,
        CellAlignment.Center => SKTextAlign.Center,
        CellAlignment.Right => SKTextAlign.Right,
        _ => IsNumericColumn(rows, column) ? SKTextAlign.Right : SKTextAlign.Left,
    };

    private static bool IsNumericColumn(IReadOnlyList<IReadOnlyList<string>> rows, int column)
    {
        var filled = rows.Where(r => column < r.Count && !string.IsNullOrWhiteSpace(r[column])).Select(r => r[column].Trim()).ToList();
        return filled.Count > 0 && filled.All(IsNumber);
    }

    internal static bool IsNumber(string text) => NumberPattern().IsMatch(text);

    [GeneratedRegex(@"^[+\-−±]?[¥$€£]?\d[\d,]*(\.\d+)?\s*[%‰]?$")]
    private static partial Regex NumberPattern();
}
