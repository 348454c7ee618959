using System.Text;
using QualityAnalytics.Etl.Reading;
using Xunit;

namespace QualityAnalytics.Etl.Tests.Reading;

public sealed class RepeatedCellsTests
{
    private static int s_decoded;

    /// <summary>The decoding a file's reading uses, counted.</summary>
    private static string CountedDecode(ReadOnlySpan<byte> utf8, ref char[] chars)
    {
        s_decoded++;
        return CellText.Trimmed(CsvSource.Decode(utf8, ref chars));
    }

    private static string Text(RepeatedCells cells, int column, string value, ref char[] chars) =>
        cells.Text(column, Encoding.UTF8.GetBytes(value), ref chars);

    [Fact]
    public void A_short_cell_a_column_repeats_is_decoded_once_and_handed_out_again_as_the_same_text()
    {
        var cells = new RepeatedCells(CountedDecode);
        var chars = new char[16];
        s_decoded = 0;
        string[] values = ["LOG", "电话", "是", "润丰印务有限公司", "服务态度", "基本满意", "　满意　"];
        var first = values.Select((v, i) => Text(cells, i, v, ref chars)).ToList();
        for (var round = 0; round < 100; round++)
        {
            for (var i = 0; i < values.Length; i++) Assert.Same(first[i], Text(cells, i, values[i], ref chars));
        }
        Assert.Equal(values.Length, s_decoded);
        // What a fresh decoding gives: trimmed (the ideographic spaces), nothing else changed.
        Assert.Equal(["LOG", "电话", "是", "润丰印务有限公司", "服务态度", "基本满意", "满意"], first);
    }

    [Fact]
    public void The_same_bytes_in_another_column_and_different_bytes_with_the_same_text_are_kept_apart()
    {
        var cells = new RepeatedCells(CountedDecode);
        var chars = new char[16];
        Assert.Equal("是", Text(cells, 0, "是", ref chars));
        Assert.Equal("是", Text(cells, 3, "是", ref chars));
        Assert.Equal("是", Text(cells, 0, "是\u3000", ref chars)); // other bytes, trimmed to the same text
        Assert.Equal("否", Text(cells, 0, "否", ref chars));
        Assert.Equal(string.Empty, cells.Text(0, [], ref chars));
        Assert.True(cells.Keeps(0) && cells.Keeps(3));
    }

    [Fact]
    public void Free_text_is_decoded_every_time_and_never_kept()
    {
        var cells = new RepeatedCells(CountedDecode);
        var chars = new char[16];
        var description = "账单金额与实际用量不符，退费流程过于繁琐"; // 60 bytes: longer than a code or a name
        Assert.True(Encoding.UTF8.GetByteCount(description) > RepeatedCells.MaxCellBytes);
        s_decoded = 0;
        var first = Text(cells, 0, description, ref chars);
        var second = Text(cells, 0, description, ref chars);
        Assert.Equal(description, second);
        Assert.NotSame(first, second);
        Assert.Equal(2, s_decoded);
    }

    [Fact]
    public void A_column_that_mostly_differs_stops_being_looked_up_and_every_cell_still_reads_as_written()
    {
        var cells = new RepeatedCells(CountedDecode);
        var chars = new char[16];
        s_decoded = 0;
        // Ids in column 0, four departments in column 1, as a complaint file has them.
        for (var row = 0; row < 3 * RepeatedCells.TrialLookups; row++)
        {
            var id = $"TS{row:D10}";
            Assert.Equal(id, Text(cells, 0, id, ref chars));
            Assert.Equal("D0" + row % 4, Text(cells, 1, "D0" + row % 4, ref chars));
        }
        Assert.False(cells.Keeps(0));
        Assert.True(cells.Keeps(1));
        Assert.Equal(3 * RepeatedCells.TrialLookups + 4, s_decoded); // every id, each department once
    }

    [Fact]
    public void A_column_with_more_values_than_it_keeps_reads_every_one_as_written()
    {
        var cells = new RepeatedCells(CountedDecode);
        var chars = new char[16];
        // 64 more customers than a column keeps, over and over: the column repeats enough to stay looked up, the
        // values beyond the first MaxEntries are decoded each time, and no two are mixed up (colliding hashes are
        // told apart by their bytes).
        var customers = Enumerable.Range(0, RepeatedCells.MaxEntries + 64).Select(i => $"客户{i}有限公司").ToArray();
        for (var round = 0; round < 20; round++)
        {
            foreach (var customer in customers) Assert.Equal(customer, Text(cells, 2, customer, ref chars));
        }
        Assert.True(cells.Keeps(2));
    }

    [Fact]
    public void A_csv_file_reads_the_same_whether_its_cells_repeat_or_not()
    {
        using var folder = new TempFolder();
        var lines = Enumerable.Range(0, 10_000).Select(i => $"TS{i:D6},{(i % 3 == 0 ? "\"　是　\"" : "否")},D0{i % 5},{(i % 7 == 0 ? "" : "客户" + i % 11)}");
        var source = Assert.Single(TabularFile.Open(folder.WriteText("data.csv", "id,valid,department,customer\n" + string.Join("\n", lines) + "\n")));
        var rows = source.ReadRows().ToList();

        Assert.Equal(10_000, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal([$"TS{i:D6}", i % 3 == 0 ? "是" : "否", $"D0{i % 5}", i % 7 == 0 ? "" : "客户" + i % 11], rows[i].Cells);
        }
    }
}
