using System.Text;
using QualityAnalytics.Etl.Staging;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>A totals row under a department's table (合计, 小计, 平均…) is a sum, not a record: it is quarantined, as the
/// contract quarantines every row that is not a valid record, but with the one reason that says what it is, where it used
/// to carry four or five reasons of a record missing its values (or load as a complaint whose id is 合计).</summary>
public sealed class TotalsRowTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    static TotalsRowTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public TotalsRowTests() => _w.Load(_w.Write("base/departments.csv", Samples.Departments));

    public void Dispose() => _w.Dispose();

    private List<string> Quarantined(long sourceFileId)
    {
        using var db = _w.Db.CreateContext();
        return [.. db.QuarantinedRows.Where(q => q.SourceFileId == sourceFileId).OrderBy(q => q.Line).ToList().Select(q => $"{q.Line}|{q.Column}|{q.Value}|{q.Reason}")];
    }

    [Theory]
    [InlineData("合计", true)]
    [InlineData("合　计", true)]
    [InlineData("合计：", true)]
    [InlineData("合计：3 条", true)]
    [InlineData("Total", true)]
    [InlineData("Grand Total", true)]
    [InlineData("平均分", true)]
    [InlineData("制表人：张三", true)]
    [InlineData("审核人: 李四", true)]
    [InlineData("注：本表由各部门填报", true)]
    [InlineData("审核", false)]      // a sign-off label only with its colon: alone it could be a value
    [InlineData("说明书-01", false)]
    [InlineData("合计投诉", false)]   // a word that starts like a label is no label
    [InlineData("C-101", false)]
    [InlineData("总部", false)]
    [InlineData("sumitomo", false)]
    public void A_row_is_a_totals_row_when_its_first_non_blank_cell_is_the_label(string cell, bool totals)
    {
        Assert.Equal(totals ? 2 : -1, TotalsRow.LabelAt(["", "", cell, "12"]));
        Assert.Equal(-1, TotalsRow.LabelAt(["C-1", cell])); // a label after the row's first value is a value
    }

    [Fact]
    public void A_GB18030_export_s_totals_and_sign_off_rows_are_quarantined_each_with_the_one_reason_that_says_what_it_is()
    {
        var text = "投诉编号,部门编码,受理时间,投诉渠道,是否有效,,\r\n" +
                   "G-1,物流业务部,2026/4/3 14:05,电话,是,,\r\n" +
                   "G-2,LOG,2026/4/4 9:00,意见箱,否,,\r\n" +
                   "合计,,,,2,,\r\n" +
                   "制表人：张三,,审核人：李四,,,,\r\n" +
                   ",,,,,,\r\n";
        var file = _w.Load(_w.Write("投诉.csv", text, Encoding.GetEncoding("GB18030"))).Files.Single();

        Assert.Equal((4, 2, 2, 0), (file.Read, file.Loaded, file.Quarantined, file.Warnings));
        Assert.Equal([
            "4|投诉编号|合计|a totals row (合计), not a record",
            "5|投诉编号|制表人：张三|a sign-off line (制表人：张三), not a record",
        ], Quarantined(file.SourceFileId!.Value));
        Assert.Equal(0L, _w.Integer("SELECT COUNT(*) FROM fact_complaint WHERE complaint_id = '合计'"));
    }

    [Fact]
    public void A_workbook_s_totals_and_average_rows_under_a_title_are_said_by_the_column_they_are_in()
    {
        var path = Path.Combine(_w.Inbox, "自查.xlsx");
        Directory.CreateDirectory(_w.Inbox);
        MiniExcelLibs.MiniExcel.SaveAs(path, new[]
        {
            new Dictionary<string, object?> { ["A"] = "物流业务部2026年第二季度自查表", ["B"] = null, ["C"] = null, ["D"] = null, ["E"] = null, ["F"] = null },
            new Dictionary<string, object?> { ["A"] = "序号", ["B"] = "检查编号", ["C"] = "部门编码", ["D"] = "月份", ["E"] = "检查类型", ["F"] = "得分" },
            new Dictionary<string, object?> { ["A"] = 1, ["B"] = "K-1", ["C"] = "LOG", ["D"] = "2026-04", ["E"] = "自查", ["F"] = 96 },
            new Dictionary<string, object?> { ["A"] = 2, ["B"] = "K-2", ["C"] = "LOG", ["D"] = "2026-05", ["E"] = "自查", ["F"] = 94 },
            new Dictionary<string, object?> { ["A"] = "合  计", ["B"] = null, ["C"] = null, ["D"] = null, ["E"] = null, ["F"] = 190 },
            new Dictionary<string, object?> { ["A"] = null, ["B"] = null, ["C"] = null, ["D"] = null, ["E"] = "平均", ["F"] = 95 },
        }, printHeader: false);

        var file = _w.Load(path).Files.Single();

        Assert.Equal(("checks", 4, 2, 2, 0), (file.Kind, file.Read, file.Loaded, file.Quarantined, file.Warnings));
        Assert.Equal([
            "5|序号|合  计|a totals row (合  计), not a record",
            "6|检查类型|平均|a totals row (平均), not a record",
        ], Quarantined(file.SourceFileId!.Value));
    }
}
