using System.Globalization;
using QualityAnalytics.Reports.Pdf;

namespace QualityAnalytics.Reports.Tests.Pdf;

public class TableSplittingTests
{
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
