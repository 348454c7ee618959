using MiniExcelLibs;
using QualityAnalytics.Etl.Reading;
using Xunit;

namespace QualityAnalytics.Etl.Tests.Reading;

/// <summary>
/// A sheet's rows continue from where the search for its header stopped (MiniExcel scans a whole sheet without a
/// dimension before its first row, so reading the sheet again from the top cost a full extra pass). These pin what the
/// rows must still be: every non-blank row after the header, whichever rows the header search had already read.
/// </summary>
public sealed class XlsxHeaderPassTests
{
    private static string SaveSheet(TempFolder folder, IEnumerable<object?[]> rows)
    {
        var path = folder.File("book.xlsx");
        var table = rows.Select(cells => cells.Select((value, i) => (Key: ((char)('A' + i)).ToString(), value))
            .ToDictionary(c => c.Key, c => c.value)).ToList();
        MiniExcel.SaveAs(path, new Dictionary<string, object> { ["s"] = table }, printHeader: false);
        return path;
    }

    private static void WithSource(string path, Func<IReadOnlyList<string>, bool>? isHeader, Action<ITabularSource> check)
    {
        var sources = TabularFile.Open(path, isHeader: isHeader);
        try
        {
            check(Assert.Single(sources));
        }
        finally
        {
            foreach (var source in sources) source.Dispose();
        }
    }

    [Fact]
    public void Rows_read_while_looking_for_a_header_that_never_came_are_still_the_sheets_rows()
    {
        using var folder = new TempFolder();
        // 15 rows, none a header to the caller: the search reads past row 11 and falls back to row 1.
        var path = SaveSheet(folder, Enumerable.Range(1, 15).Select(i => new object?[] { $"r{i}", "x" }));

        WithSource(path, _ => false, source =>
        {
            Assert.Equal(1, source.HeaderLine);
            Assert.Equal(["r1", "x"], source.Header);
            Assert.Equal(Enumerable.Range(2, 14), source.ReadRows().Select(r => r.Line));
            Assert.Equal(Enumerable.Range(2, 14).Select(i => $"r{i}"), source.ReadRows().Select(r => r.Cells[0]));
        });
    }

    [Fact]
    public void Title_rows_above_the_header_are_not_data_and_the_rows_after_it_all_are()
    {
        using var folder = new TempFolder();
        var path = SaveSheet(folder, [["2026年第二季度客户投诉台账", null], [null, null], ["complaint_id", "department"], ["TS-1", "Q1"], [null, null], ["TS-2", "Q2"]]);

        WithSource(path, cells => cells.Contains("complaint_id"), source =>
        {
            Assert.Equal(3, source.HeaderLine);
            var rows = source.ReadRows().ToList();
            Assert.Equal([4, 6], rows.Select(r => r.Line));
            Assert.Equal(["TS-2", "Q2"], rows[1].Cells);
        });
    }

    [Fact]
    public void Each_enumeration_of_the_rows_reads_the_sheet_again_from_the_start()
    {
        using var folder = new TempFolder();
        var path = SaveSheet(folder, [["id"], ["a"], ["b"], ["c"]]);

        WithSource(path, null, source =>
        {
            var rows = source.ReadRows();
            Assert.Equal(["a"], rows.Take(1).Select(r => r.Cells[0]));
            Assert.Equal(["a", "b", "c"], rows.Select(r => r.Cells[0]));
            Assert.Equal(["a", "b", "c"], source.ReadRows().Select(r => r.Cells[0]));
        });
    }

    [Fact]
    public void More_sheets_than_are_held_open_after_their_header_search_all_read_their_rows()
    {
        using var folder = new TempFolder();
        var path = folder.File("book.xlsx");
        var sheets = Enumerable.Range(1, 6).ToDictionary(i => $"s{i}", i => (object)Enumerable.Range(1, i)
            .Select(r => new Dictionary<string, object?> { ["id"] = $"{i}-{r}" }).ToList());
        MiniExcel.SaveAs(path, sheets);

        var sources = TabularFile.Open(path);
        try
        {
            Assert.Equal(6, sources.Count);
            Assert.All(sources, (source, i) => Assert.Equal(
                Enumerable.Range(1, i + 1).Select(r => $"{i + 1}-{r}"), source.ReadRows().Select(r => Assert.Single(r.Cells))));
        }
        finally
        {
            foreach (var source in sources) source.Dispose();
        }
    }

    [Fact]
    public void A_source_disposed_before_its_rows_are_read_refuses_to_read_them()
    {
        using var folder = new TempFolder();
        var path = SaveSheet(folder, [["id"], ["a"]]);
        var source = Assert.Single(TabularFile.Open(path));

        source.Dispose();

        Assert.Throws<ObjectDisposedException>(() => source.ReadRows());
    }
}
