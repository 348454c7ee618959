using System.Text.Json;
using MiniExcelLibs;

namespace QualityAnalytics.Web.Tests.Cli;

/// <summary>`qa load` of a file whose header gives one field two columns (the English and the Chinese name, or one name
/// twice, as happens when two departments' sheets are pasted together): the file (a workbook's sheet) is refused whole,
/// naming the file, the sheet, the header line and the columns, rather than loading the first column and listing the
/// second as unknown — which lost the second column's data without a clear error.</summary>
public sealed class RepeatedColumnCliTests : IDisposable
{
    private readonly CliRun _qa = new();

    public void Dispose() => _qa.Dispose();

    private List<JsonElement> LoadJson(out int exit)
    {
        var (code, output, error) = _qa.Run("load", "inbox", "--format", "json");
        exit = code;
        Assert.True(output.Length > 0, error);
        using var json = JsonDocument.Parse(output);
        return json.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    [Fact]
    public void A_CSV_with_a_field_in_two_columns_is_refused_whole_naming_the_line_and_both_columns()
    {
        _qa.Write("inbox/departments.csv", "code,name\nLOG,物流业务部\n");
        _qa.Write("inbox/complaints.csv",
            "complaint_id,department,received_at,channel,valid,customer,客户名称\n" +
            "C-1,LOG,2026-04-01 10:00,电话,是,,上海某公司\n");

        var files = LoadJson(out var exit);

        Assert.Equal(1, exit);
        var complaints = files.Single(f => f.GetProperty("file").GetString()!.EndsWith("complaints.csv", StringComparison.Ordinal));
        Assert.True(complaints.GetProperty("rejected").GetBoolean());
        Assert.Equal(0, complaints.GetProperty("loaded").GetInt32());
        Assert.Equal("complaints.csv: header line 1 has more than one column for a field [customer (客户名称): F1 \"customer\", G1 \"客户名称\"]; keep one column per field",
            complaints.GetProperty("reason").GetString());
        Assert.Equal(0, complaints.GetProperty("unknown_columns").GetArrayLength());
        // The other file of the load is taken as usual.
        Assert.Equal(1, files.Single(f => f.GetProperty("kind").GetString() == "departments").GetProperty("loaded").GetInt32());

        var (_, text, _) = _qa.Run("load", "inbox");
        Assert.Contains("REJECTED", text, StringComparison.Ordinal);
        Assert.Contains("F1 \"customer\", G1 \"客户名称\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workbook_sheet_with_one_name_twice_is_refused_naming_the_sheet_and_its_header_line_and_the_other_sheets_load()
    {
        Directory.CreateDirectory(Path.Combine(_qa.Folder, "inbox"));
        static Dictionary<string, object?> Row(params object?[] cells) =>
            cells.Select((c, i) => (Key: ((char)('A' + i)).ToString(), c)).ToDictionary(p => p.Key, p => p.c);
        MiniExcel.SaveAs(Path.Combine(_qa.Folder, "inbox", "投诉台账.xlsx"), new Dictionary<string, object>
        {
            ["部门"] = new[] { Row("部门编码", "部门名称"), Row("LOG", "物流业务部") },
            ["投诉"] = new[]
            {
                Row("2026年第二季度客户投诉台账", null, null, null, null, null),
                Row("投诉编号", "部门编码", "受理时间", "投诉渠道", "是否有效", "投诉编号"),
                Row("C-1", "LOG", "2026-04-01 10:00", "电话", "是", "C-9"),
            },
        }, printHeader: false);

        var files = LoadJson(out var exit);

        Assert.Equal(1, exit);
        var sheet = files.Single(f => f.GetProperty("sheet").GetString() == "投诉");
        Assert.True(sheet.GetProperty("rejected").GetBoolean());
        Assert.Equal("投诉台账.xlsx [投诉]: header line 2 has more than one column for a field [complaint_id (投诉编号): A2 \"投诉编号\", F2 \"投诉编号\"]; keep one column per field",
            sheet.GetProperty("reason").GetString());
        Assert.Equal(1, files.Single(f => f.GetProperty("sheet").GetString() == "部门").GetProperty("loaded").GetInt32());
    }
}
