using System.Text;
using QualityAnalytics.Etl.Reading;
using Xunit;

namespace QualityAnalytics.Etl.Tests.Reading;

public sealed class EncodingDetectionTests
{
    private const string ChineseCsv = "投诉编号,部门编码,受理时间\r\nTS-001,质量部,2026年4月3日 14:05\r\nTS-002,客服中心,2026/4/3\r\n";

    static EncodingDetectionTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string, byte[]> EncodedFiles() => new()
    {
        { "utf-8", new UTF8Encoding(false).GetBytes(ChineseCsv) },
        { "utf-8-bom", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(ChineseCsv)] },
        { "utf-16le", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(ChineseCsv)] },
        { "utf-16be", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(ChineseCsv)] },
        { "gb18030", Encoding.GetEncoding(54936).GetBytes(ChineseCsv) },
    };

    [Theory]
    [MemberData(nameof(EncodedFiles))]
    public void Chinese_header_and_values_come_back_intact_and_the_encoding_is_named(string expectedEncoding, byte[] bytes)
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("complaints.csv", bytes);

        using var source = Assert.Single(TabularFile.Open(path));
        var rows = source.ReadRows().ToList();

        Assert.Equal(expectedEncoding, source.EncodingName);
        Assert.Equal(["投诉编号", "部门编码", "受理时间"], source.Header);
        Assert.Equal(1, source.HeaderLine);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["TS-001", "质量部", "2026年4月3日 14:05"], rows[0].Cells);
        Assert.Equal(["TS-002", "客服中心", "2026/4/3"], rows[1].Cells);
        Assert.Equal([2, 3], rows.Select(r => r.Line));
    }

    [Fact]
    public void A_gb18030_file_whose_chinese_text_starts_deep_in_the_file_is_still_detected()
    {
        // The UTF-8 check must look at the whole file, not at its first buffer.
        var text = new StringBuilder("code,name\r\n");
        for (var i = 0; i < 20_000; i++)
        {
            text.Append("D").Append(i).Append(",plain ascii\r\n");
        }

        text.Append("D-last,质量部\r\n");
        using var folder = new TempFolder();
        var path = folder.WriteBytes("departments.csv", Encoding.GetEncoding(54936).GetBytes(text.ToString()));

        using var source = Assert.Single(TabularFile.Open(path));

        Assert.Equal("gb18030", source.EncodingName);
        Assert.Equal(["D-last", "质量部"], source.ReadRows().Last().Cells);
    }

    [Fact]
    public void Utf8_characters_cut_by_a_buffer_boundary_are_still_valid_utf8()
    {
        // Three-byte characters from offset 1 onwards: some buffer boundary falls inside one of them.
        var text = "a\n" + string.Concat(Enumerable.Repeat("质", 100_000)) + "\n";
        using var folder = new TempFolder();
        var path = folder.WriteText("long.csv", text);

        using var source = Assert.Single(TabularFile.Open(path));

        Assert.Equal("utf-8", source.EncodingName);
        Assert.Equal(100_000, Assert.Single(source.ReadRows()).Cells[0].Length);
    }
}
