using System.Text;
using QualityAnalytics.Etl.Reading;
using Xunit;

namespace QualityAnalytics.Etl.Tests.Reading;

public sealed class StreamingTests
{
    private const int RowCount = 200_000;

    private static string WriteLargeCsv(TempFolder folder)
    {
        var path = folder.File("large.csv");
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
        writer.Write("complaint_id,department,received_at,channel,valid,description\n");
        for (var i = 1; i <= RowCount; i++)
        {
            writer.Write($"TS-{i},Q{i % 17},2026-04-03 14:05,电话,是,\"line one, with comma\"\n");
        }

        return path;
    }

    [Fact]
    public void All_rows_of_a_large_file_are_read_with_their_line_numbers()
    {
        using var folder = new TempFolder();
        using var source = Assert.Single(TabularFile.Open(WriteLargeCsv(folder)));

        var count = 0;
        var lastLine = 0;
        foreach (var row in source.ReadRows())
        {
            count++;
            Assert.Equal(lastLine == 0 ? 2 : lastLine + 1, row.Line);
            lastLine = row.Line;
        }

        Assert.Equal(RowCount, count);
        Assert.Equal(RowCount + 1, lastLine);
    }

    [Fact]
    public void Rows_are_produced_lazily_while_the_file_is_being_read()
    {
        using var folder = new TempFolder();
        var path = WriteLargeCsv(folder);
        using var source = Assert.Single(TabularFile.Open(path));

        using var rows = source.ReadRows().GetEnumerator();
        Assert.True(rows.MoveNext());
        Assert.Equal(["TS-1", "Q1", "2026-04-03 14:05", "电话", "是", "line one, with comma"], rows.Current.Cells);

        // The first row is in hand while the file is still being read: a row appended now is still seen, which
        // it could not be had the rows been read into memory before the first one was returned.
        File.AppendAllText(path, "TS-appended,Q1,2026-04-03,电话,是,x\n");
        var last = rows.Current;
        while (rows.MoveNext())
        {
            last = rows.Current;
        }

        Assert.Equal("TS-appended", last.Cells[0]);
    }
}
