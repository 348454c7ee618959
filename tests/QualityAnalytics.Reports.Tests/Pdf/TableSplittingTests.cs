using System.Globalization;
using QualityAnalytics.Reports.Pdf;

namespace QualityAnalytics.Reports.Tests.Pdf;

public partial class TableSplittingTests
{
    [System.Text.RegularExpressions.GeneratedRegex(@"R\d{3}")]
    private static partial System.Text.RegularExpressions.Regex RowIdPattern();

    private static string RowId(int i) => $"R{i.ToString("000", CultureInfo.InvariantCulture)}";

    private static TableBlock Table(int rows) => new(
        [
            new TableColumn("编号", ColumnWidth.Fixed(50)),
            new TableColumn("部门名称", ColumnWidth.Relative(2)),
            new TableColumn("服务得分", ColumnWidth.Relative(1)),
        ],
        Enumerable.Range(1, rows)
            .Select(i => (IReadOnlyList<string>)[RowId(i), $"第{i}部门", (90 + i % 10 * 0.5).ToString("0.0", CultureInfo.InvariantCulture)])
            .ToList());

    [Fact]
    public void A_120_row_table_spans_several_pages_with_the_header_on_each()
    {
        var pages = PdfTestKit.PageTexts(PdfTestKit.Generate([new HeadingBlock("部门得分表"), Table(120)]));

        Assert.True(pages.Count >= 3, $"expected several pages, got {pages.Count}");
        Assert.All(pages, page =>
        {
            Assert.Contains("部门名称", page, StringComparison.Ordinal);
            Assert.Contains("服务得分", page, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Every_row_appears_once_and_in_order()
    {
        var text = string.Concat(PdfTestKit.PageTexts(PdfTestKit.Generate([Table(120)])));

        var previous = -1;
        for (var i = 1; i <= 120; i++)
        {
            var at = text.IndexOf(RowId(i), StringComparison.Ordinal);
            Assert.True(at > previous, $"{RowId(i)} is missing or out of order");
            Assert.Equal(at, text.LastIndexOf(RowId(i), StringComparison.Ordinal));
            previous = at;
        }
    }

    /// <summary>How many rows of <see cref="Table"/> each page holds.</summary>
    private static int[] RowsPerPage(IReadOnlyList<Block> blocks) =>
        PdfTestKit.PageTexts(PdfTestKit.Generate(blocks)).Select(page => RowIdPattern().Matches(page).Count).ToArray();

    [Fact]
    public void A_short_table_is_never_split_wherever_the_page_ends()
    {
        // The content area is ~700 pt high; a five-row table is ~110 pt, so a space of 480–690 pt above it moves its
        // page end through every row (the English summary's table of changes split two and three over two pages).
        for (var above = 480; above <= 690; above += 10)
        {
            var rows = RowsPerPage([new SpacerBlock(above), Table(5)]);
            Assert.True(rows.Count(n => n > 0) == 1, $"{above} pt above: rows per page {string.Join("/", rows)}");
        }
    }

    [Fact]
    public void A_long_table_leaves_no_row_alone_at_the_top_or_the_foot_of_a_page()
    {
        // A 30-row table (~560 pt): 130–230 pt above it moves its last rows across the page end, 630–700 pt its first.
        foreach (var above in Enumerable.Range(0, 18).Select(i => 130 + 6 * i).Concat(Enumerable.Range(0, 12).Select(i => 630 + 6 * i)))
        {
            var rows = RowsPerPage([new SpacerBlock(above), Table(30)]);
            Assert.Equal(30, rows.Sum());
            Assert.True(rows.All(n => n is 0 or >= 2), $"{above} pt above: rows per page {string.Join("/", rows)}");
        }
    }

    [Fact]
    public void A_short_table_taller_than_half_a_page_may_still_split()
    {
        // Kept whole, six rows of long text (over half a page) would leave most of a page blank: they split as a long table does.
        var tall = string.Concat(Enumerable.Repeat("回访记录不完整需要整改", 40));
        var table = new TableBlock([new TableColumn("编号", ColumnWidth.Fixed(50)), new TableColumn("说明", ColumnWidth.Relative())],
            Enumerable.Range(1, 6).Select(i => (IReadOnlyList<string>)[RowId(i), tall]).ToList());

        var rows = RowsPerPage([new SpacerBlock(300), table]);

        Assert.True(rows.Count(n => n > 0) > 1, $"rows per page {string.Join("/", rows)}");
        Assert.True(rows.All(n => n is 0 or >= 2), $"rows per page {string.Join("/", rows)}");
    }

    [Fact]
    public void Long_cell_text_wraps_inside_its_column_instead_of_running_over()
    {
        var longText = string.Concat(Enumerable.Repeat("回访记录不完整需要整改", 8));
        var table = new TableBlock(
            [new TableColumn("说明", ColumnWidth.Relative()), new TableColumn("得分", ColumnWidth.Fixed(60))],
            [["甲" + longText, "88.5"]]);

        var pages = PdfTestKit.PageTexts(PdfTestKit.Generate([table]));

        Assert.Single(pages);
        Assert.Contains("88.5", pages[0], StringComparison.Ordinal);
        Assert.Contains("甲回访记录", pages[0], StringComparison.Ordinal);
    }
}
