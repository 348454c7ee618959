using QualityAnalytics.Etl.Reading;
using Xunit;

namespace QualityAnalytics.Etl.Tests.Reading;

public sealed class CsvParsingTests
{
    private static (ITabularSource Source, List<RawRow> Rows) Read(TempFolder folder, string text, string name = "data.csv")
    {
        var source = Assert.Single(TabularFile.Open(folder.WriteText(name, text)));
        return (source, source.ReadRows().ToList());
    }

    [Fact]
    public void A_cell_is_decoded_in_one_pass_exactly_as_GetString_decodes_it_however_long_or_broken()
    {
        // Empty, ASCII, Chinese, a four-byte character, one character longer than the scratch, invalid and cut sequences.
        byte[][] cells =
        [
            [], "TS0000000001"u8.ToArray(), "账单金额与实际用量不符，退费流程过于繁琐"u8.ToArray(), "𠮷野家"u8.ToArray(),
            System.Text.Encoding.UTF8.GetBytes(new string('描', 700)), [0x41, 0xFF, 0x42], [0xE6, 0x8F], [0xC0, 0xAF, 0x41],
        ];
        var chars = new char[16];
        foreach (var cell in cells) Assert.Equal(System.Text.Encoding.UTF8.GetString(cell), CsvSource.Decode(cell, ref chars));
        Assert.True(chars.Length >= 2100); // grew for the long one, and is kept
    }

    [Fact]
    public void Chinese_cells_longer_than_the_decoding_scratch_read_back_whole()
    {
        using var folder = new TempFolder();
        var longText = string.Concat(Enumerable.Repeat("客户反映营业厅排队时间过长，", 100)); // 1,400 characters, 4,200 bytes
        var (_, rows) = Read(folder, $"id,note\n1,{longText}\n2,短\n");

        Assert.Equal(["1", longText], rows[0].Cells);
        Assert.Equal(["2", "短"], rows[1].Cells);
    }

    [Fact]
    public void Comma_separated_values_are_split_on_commas()
    {
        using var folder = new TempFolder();
        var (source, rows) = Read(folder, "code,name,manager\nQ1,Quality,Li\n");

        Assert.Equal(["code", "name", "manager"], source.Header);
        Assert.Equal(["Q1", "Quality", "Li"], Assert.Single(rows).Cells);
    }

    [Fact]
    public void Tab_separated_values_are_split_on_tabs_and_commas_stay_in_the_value()
    {
        using var folder = new TempFolder();
        var (source, rows) = Read(folder, "code\tname\tnote\nQ1\tQuality\tone, two\n", "data.tsv");

        Assert.Equal(["code", "name", "note"], source.Header);
        Assert.Equal(["Q1", "Quality", "one, two"], Assert.Single(rows).Cells);
    }

    [Fact]
    public void Quoted_fields_keep_their_commas_and_doubled_quotes_become_one()
    {
        using var folder = new TempFolder();
        var (_, rows) = Read(folder, "id,note\n1,\"late, again\"\n2,\"he said \"\"no\"\"\"\n");

        Assert.Equal(["1", "late, again"], rows[0].Cells);
        Assert.Equal(["2", "he said \"no\""], rows[1].Cells);
    }

    [Fact]
    public void A_multi_line_quoted_field_is_one_value_and_later_records_keep_their_physical_line()
    {
        using var folder = new TempFolder();
        var (source, rows) = Read(folder, "id,note\r\n1,\"first line\r\nsecond line\r\nthird\"\r\n2,after\r\n3,\"x\ny\"\r\n4,end\r\n");

        Assert.Equal(1, source.HeaderLine);
        Assert.Equal([2, 5, 6, 8], rows.Select(r => r.Line));
        Assert.Equal("first line\r\nsecond line\r\nthird", rows[0].Cells[1]);
        Assert.Equal(["2", "after"], rows[1].Cells);
        Assert.Equal("x\ny", rows[2].Cells[1]);
    }

    [Fact]
    public void Blank_lines_and_rows_of_empty_cells_are_skipped_and_line_numbers_count_them()
    {
        using var folder = new TempFolder();
        var (source, rows) = Read(folder, "\n  \ncode,name\n\nQ1,Quality\n , ,\n   \nQ2,Service\n,,\n");

        Assert.Equal(3, source.HeaderLine);
        Assert.Equal(["code", "name"], source.Header);
        Assert.Equal([5, 8], rows.Select(r => r.Line));
        Assert.Equal(["Q2", "Service"], rows[1].Cells);
    }

    [Fact]
    public void Spaces_around_values_and_header_names_are_trimmed_inside_and_outside_quotes()
    {
        using var folder = new TempFolder();
        var (source, rows) = Read(folder, "  code , name\t\n  Q1  ,\"  Quality \"\n\u3000Q2\u3000, Service\n");

        Assert.Equal(["code", "name"], source.Header);
        Assert.Equal(["Q1", "Quality"], rows[0].Cells);
        Assert.Equal(["Q2", "Service"], rows[1].Cells);
    }

    [Fact]
    public void Rows_shorter_or_longer_than_the_header_are_returned_as_they_are()
    {
        using var folder = new TempFolder();
        var (_, rows) = Read(folder, "a,b,c\n1\n1,2,3,4,5\n1,,\n");

        Assert.Equal(["1"], rows[0].Cells);
        Assert.Equal(["1", "2", "3", "4", "5"], rows[1].Cells);
        Assert.Equal(["1", "", ""], rows[2].Cells);
    }

    [Fact]
    public void A_file_without_a_final_line_break_returns_its_last_row()
    {
        using var folder = new TempFolder();
        var (_, rows) = Read(folder, "a,b\n1,2\n3,4");

        Assert.Equal(["3", "4"], rows[^1].Cells);
        Assert.Equal(3, rows[^1].Line);
    }

    [Fact]
    public void Reading_the_rows_twice_gives_the_same_rows()
    {
        using var folder = new TempFolder();
        var (source, first) = Read(folder, "a,b\n1,2\n3,4\n");

        Assert.Equal(first, source.ReadRows().ToList(), (x, y) => x.Line == y.Line && x.Cells.SequenceEqual(y.Cells));
    }

    [Fact]
    public void Csv_sources_have_no_sheet_and_keep_the_path_they_were_opened_with()
    {
        using var folder = new TempFolder();
        var (source, _) = Read(folder, "a\n1\n", "Data.TXT");

        Assert.Null(source.Sheet);
        Assert.Equal(folder.File("Data.TXT"), source.FilePath);
    }
}
