using QualityAnalytics.TestSupport;
using MiniExcelLibs;
using QualityAnalytics.Etl.Reading;
using Xunit;

namespace QualityAnalytics.Etl.Tests.Reading;

public sealed class XlsxReadingTests
{
    private static List<Dictionary<string, object?>> Rows(params Dictionary<string, object?>[] rows) => [.. rows];

    private static string SaveWorkbook(TempFolder folder, Dictionary<string, object> sheets)
    {
        var path = folder.File("book.xlsx");
        MiniExcel.SaveAs(path, sheets);
        return path;
    }

    [Fact]
    public void Each_sheet_with_a_header_is_its_own_source_and_empty_sheets_are_omitted()
    {
        using var folder = new TempFolder();
        var path = SaveWorkbook(folder, new()
        {
            ["部门"] = Rows(new Dictionary<string, object?> { ["部门编码"] = "Q1", ["部门名称"] = "质量部" }),
            ["empty"] = new List<Dictionary<string, object?>>(),
            ["complaints"] = Rows(new Dictionary<string, object?> { ["complaint_id"] = "TS-1", ["department"] = "Q1" }, new Dictionary<string, object?> { ["complaint_id"] = "TS-2", ["department"] = "Q2" }),
        });

        var sources = TabularFile.Open(path);
        try
        {
            Assert.Equal(["部门", "complaints"], sources.Select(s => s.Sheet));
            Assert.All(sources, s => Assert.Null(s.EncodingName));
            Assert.All(sources, s => Assert.Equal(path, s.FilePath));
            Assert.Equal(["部门编码", "部门名称"], sources[0].Header);
            Assert.Equal(["Q1", "质量部"], Assert.Single(sources[0].ReadRows()).Cells);
            Assert.Equal(["complaint_id", "department"], sources[1].Header);
            Assert.Equal([2, 3], sources[1].ReadRows().Select(r => r.Line));
        }
        finally
        {
            foreach (var source in sources)
            {
                source.Dispose();
            }
        }
    }

    [Fact]
    public void Dates_numbers_and_booleans_become_invariant_text()
    {
        using var folder = new TempFolder();
        var path = SaveWorkbook(folder, new()
        {
            ["checks"] = Rows(
                new Dictionary<string, object?> { ["date"] = new DateTime(2026, 4, 3), ["time"] = new DateTime(2026, 4, 3, 14, 5, 30), ["score"] = 96.5, ["int"] = 100, ["ok"] = true, ["sum"] = 0.1 + 0.2, ["text"] = "  padded  " },
                new Dictionary<string, object?> { ["date"] = new DateTime(2026, 12, 31), ["time"] = null, ["score"] = 96.5m, ["int"] = -5, ["ok"] = false, ["sum"] = 1234567.25, ["text"] = null }),
        });

        using var source = Assert.Single(TabularFile.Open(path));
        var rows = source.ReadRows().ToList();

        Assert.Equal(["date", "time", "score", "int", "ok", "sum", "text"], source.Header);
        Assert.Equal(["2026-04-03", "2026-04-03 14:05:30", "96.5", "100", "true", "0.3", "padded"], rows[0].Cells);
        // Trailing empty cells are dropped, as a CSV export would end the line early.
        Assert.Equal(["2026-12-31", "", "96.5", "-5", "false", "1234567.25"], rows[1].Cells);
    }

    [Fact]
    public void Blank_rows_are_skipped_and_rows_keep_their_excel_row_numbers()
    {
        using var folder = new TempFolder();
        var path = SaveWorkbook(folder, new()
        {
            ["data"] = Rows(
                new Dictionary<string, object?> { ["code"] = "Q1", ["name"] = "Quality" },
                new Dictionary<string, object?> { ["code"] = null, ["name"] = null },
                new Dictionary<string, object?> { ["code"] = "  ", ["name"] = "" },
                new Dictionary<string, object?> { ["code"] = "Q2", ["name"] = "Service" }),
        });

        using var source = Assert.Single(TabularFile.Open(path));
        var rows = source.ReadRows().ToList();

        Assert.Equal(1, source.HeaderLine);
        Assert.Equal([2, 5], rows.Select(r => r.Line));
        Assert.Equal(["Q2", "Service"], rows[1].Cells);
    }

    [Fact]
    public void Rows_absent_from_the_sheet_file_still_count_towards_the_row_numbers()
    {
        using var folder = new TempFolder();
        var path = folder.File("gaps.xlsx");
        HandWrittenXlsx.Write(path, "gaps", new Dictionary<int, string[]>
        {
            [3] = ["code", "name"],
            [4] = ["Q1", "Quality"],
            [9] = ["Q2", "Service"],
        });

        using var source = Assert.Single(TabularFile.Open(path));

        Assert.Equal("gaps", source.Sheet);
        Assert.Equal(3, source.HeaderLine);
        Assert.Equal(["code", "name"], source.Header);
        Assert.Equal([4, 9], source.ReadRows().Select(r => r.Line));
    }

    [Fact]
    public void A_date_time_cell_formatted_to_show_only_its_time_keeps_its_date()
    {
        // MiniExcel gives a cell in a time format (20: h:mm) as a TimeSpan of its whole serial; it was written as
        // "46115.14:05:00", which no date column reads.
        using var folder = new TempFolder();
        var path = folder.File("times.xlsx");
        HandWrittenXlsx.Write(path, "complaints", new Dictionary<int, object[]>
        {
            [1] = ["received_at", "time"],
            [2] = [HandWrittenXlsx.Number.Date(new DateTime(2026, 4, 3, 14, 5, 0), 20), new HandWrittenXlsx.Number(0.5, 20)],
        });

        using var source = Assert.Single(TabularFile.Open(path));

        Assert.True(source.NumbersMayBeDates);
        Assert.Equal(["2026-04-03 14:05:00", "12:00:00"], Assert.Single(source.ReadRows()).Cells);
    }
}
