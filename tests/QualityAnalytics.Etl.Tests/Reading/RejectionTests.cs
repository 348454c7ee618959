using System.Text;
using QualityAnalytics.Etl.Reading;
using Xunit;

namespace QualityAnalytics.Etl.Tests.Reading;

public sealed class RejectionTests
{
    static RejectionTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static FileRejectedException Rejected(string path)
    {
        var e = Assert.Throws<FileRejectedException>(() => TabularFile.Open(path));
        Assert.Equal(path, e.FilePath);
        Assert.StartsWith(Path.GetFileName(path) + ":", e.Message);
        Assert.EndsWith(".", e.Message);
        return e;
    }

    [Fact]
    public void A_byte_0xFF_that_neither_utf8_nor_gb18030_decodes_rejects_the_csv()
    {
        using var folder = new TempFolder();
        byte[] bytes = [.. Encoding.GetEncoding(54936).GetBytes("投诉编号,部门编码\r\nTS-1,"), 0xFF, .. "Q1\r\n"u8];
        var path = folder.WriteBytes("complaints.csv", bytes);

        var e = Rejected(path);

        Assert.Null(e.Sheet);
        Assert.Contains("cannot be decoded as UTF-8, UTF-16 or GB18030", e.Reason);
        Assert.Contains($"invalid byte 0xFF on line 2, at offset {bytes.Length - 5}", e.Message);
    }

    [Fact]
    public void A_lone_gb18030_lead_byte_at_the_end_of_the_file_rejects_the_csv()
    {
        using var folder = new TempFolder();
        byte[] bytes = [.. Encoding.GetEncoding(54936).GetBytes("部门编码,部门名称\r\nQ1,质量部\r\n"), 0x81];
        var path = folder.WriteBytes("departments.csv", bytes);

        var e = Rejected(path);

        Assert.Contains($"invalid byte 0x81 on line 3, at offset {bytes.Length - 1}", e.Message);
    }

    [Fact]
    public void A_decoding_failure_names_the_line_of_the_bad_byte_in_UTF16_too()
    {
        // 上 is 0A 4E in UTF-16LE: a 0x0A byte that is no line feed. The bad unit is a lone low surrogate on line 3.
        using var folder = new TempFolder();
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("部门编码,部门名称\n上,质量部\nX,"), 0x00, 0xDC, .. Encoding.Unicode.GetBytes("\n")];
        var path = folder.WriteBytes("departments.csv", bytes);

        var e = Rejected(path);

        Assert.Contains("on line 3, at offset", e.Message);
    }

    [Fact]
    public void Invalid_utf8_after_a_utf8_byte_order_mark_rejects_the_csv()
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("bom.csv", [0xEF, 0xBB, 0xBF, .. "a,b\n1,"u8, 0xC3, 0x28, .. "\n"u8]);

        var e = Rejected(path);

        Assert.Contains("cannot be decoded as UTF-8", e.Reason);
        Assert.Contains("offset 9", e.Reason);
    }

    [Fact]
    public void A_lone_surrogate_in_utf16_rejects_the_csv()
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("utf16.csv", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("a,b\n1,"), 0x00, 0xD8, .. Encoding.Unicode.GetBytes("x\n")]);

        var e = Rejected(path);

        Assert.Contains("cannot be decoded as UTF-16LE", e.Reason);
    }

    [Fact]
    public void A_corrupt_xlsx_is_rejected()
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("checks.xlsx", [0x50, 0x4B, 0x03, 0x04, .. "this is not really a zip archive"u8]);

        var e = Rejected(path);

        Assert.Contains("is not a readable .xlsx workbook", e.Reason);
    }

    [Fact]
    public void A_csv_file_renamed_to_xlsx_is_rejected()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText("renamed.xlsx", "code,name\nQ1,Quality\n");

        Rejected(path);
    }

    [Fact]
    public void An_unsupported_extension_is_rejected_without_reading_the_file()
    {
        using var folder = new TempFolder();
        var path = folder.File("report.pdf"); // never written: the extension alone decides

        var e = Rejected(path);

        Assert.Contains("not a supported file type", e.Reason);
        Assert.False(TabularFile.IsSupported(path));
    }

    [Fact]
    public void A_csv_with_nothing_but_blank_lines_is_rejected_for_having_no_header()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText("blank.csv", "\r\n  \r\n,,\r\n");

        var e = Rejected(path);

        Assert.Contains("no header", e.Reason);
    }

    [Fact]
    public void A_quote_that_is_never_closed_rejects_the_csv_instead_of_swallowing_the_rest()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText("checks.csv", "id,note\n1,ok\n2,\"never closed\n3,x\n4,y\n");
        using var source = Assert.Single(TabularFile.Open(path));

        var e = Assert.Throws<FileRejectedException>(() => source.ReadRows().ToList());

        Assert.Equal(path, e.FilePath);
        Assert.Contains("starting on line 3 that is never closed", e.Message);
    }

    [Fact]
    public void A_stray_quote_inside_a_value_is_kept_as_text()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText("checks.csv", "id,note\n1,5\" screen\n2,ok\n");
        using var source = Assert.Single(TabularFile.Open(path));

        var rows = source.ReadRows().ToList();

        Assert.Equal(["1", "5\" screen"], rows[0].Cells);
        Assert.Equal(["2", "ok"], rows[1].Cells);
    }

    [Theory]
    [InlineData("a.csv", true)]
    [InlineData("a.CSV", true)]
    [InlineData("a.tsv", true)]
    [InlineData("a.Txt", true)]
    [InlineData("dir/a.XLSX", true)]
    [InlineData("a.xls", false)]
    [InlineData("a.csv.bak", false)]
    [InlineData("csv", false)]
    public void Supported_extensions_are_csv_tsv_txt_and_xlsx_in_any_case(string path, bool supported) =>
        Assert.Equal(supported, TabularFile.IsSupported(path));
}
