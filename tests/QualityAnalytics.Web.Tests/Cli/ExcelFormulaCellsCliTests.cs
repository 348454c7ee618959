using System.Text.Json;
using QualityAnalytics.TestSupport;
using static QualityAnalytics.TestSupport.HandWrittenXlsx;

namespace QualityAnalytics.Web.Tests.Cli;

/// <summary>`qa load` of a department's workbook with formulas, end to end: what Excel stored as a formula's result loads;
/// an error value and a formula saved without its result quarantine their rows, and `qa quarantine` says what each is.</summary>
public sealed class ExcelFormulaCellsCliTests : IDisposable
{
    private readonly CliRun _qa = new();

    public void Dispose() => _qa.Dispose();

    [Fact]
    public void Load_quarantines_error_values_and_uncalculated_formulas_with_their_reason_and_exits_0()
    {
        _qa.Write("inbox/departments.csv", "code,name\nLOG,物流业务部\n");
        Write(Path.Combine(_qa.Folder, "inbox", "投诉台账.xlsx"), "投诉", new Dictionary<int, object[]>
        {
            [1] = ["投诉编号", "部门编码", "受理时间", "投诉渠道", "是否有效", "客户名称", "主业直接扣分"],
            [2] = ["C-1", "LOG", new Cell(null, "DATE(2026,4,3)", "46115", 14), "电话", "是", new Cell("str", "VLOOKUP(A2,客户!A:B,2,0)", "甲公司"), new Cell(null, "1+1", "2")],
            [3] = ["C-2", "LOG", new Cell(null, "DATE(2026,4,4)", "46116", 14), "电话", "是", Cell.Error("#N/A", "VLOOKUP(A3,客户!A:B,2,0)"), "1"],
            [4] = ["C-3", "LOG", new Cell(null, "DATE(2026,4,5)", "46117", 14), "电话", "是", "乙公司", new Cell(null, "1+1", null)],
        });

        var (exit, output, _) = _qa.Run("load", "inbox", "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var workbook = json.RootElement.EnumerateArray().Single(f => f.GetProperty("sheet").GetString() == "投诉");
        Assert.Equal(("complaints", 3, 1, 2, false), (workbook.GetProperty("kind").GetString(), workbook.GetProperty("read").GetInt32(),
            workbook.GetProperty("loaded").GetInt32(), workbook.GetProperty("quarantined").GetInt32(), workbook.GetProperty("rejected").GetBoolean()));

        var (listed, listing, _) = _qa.Run("quarantine");

        Assert.Equal(0, listed);
        var lines = listing.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "batch 1: 2 quarantined value(s)",
            $"{Path.Combine("inbox", "投诉台账.xlsx")} [投诉] line 3, 客户名称 (customer) = '#N/A': Excel error value #N/A (a formula that failed), not a value",
            $"{Path.Combine("inbox", "投诉台账.xlsx")} [投诉] line 4, 主业直接扣分 (direct_deduction) = '=1+1': a formula whose result was never computed (the file was saved by a program " +
            "that does not calculate formulas); open the file in Excel or WPS and save it, so that its values are computed, then send it again",
        ], lines);
        using var db = _qa.Warehouse.CreateContext();
        Assert.Equal(["C-1"], db.Complaints.Select(c => c.ComplaintId).ToList());
        Assert.DoesNotContain(db.Customers.Select(c => c.Name).ToList(), name => name.StartsWith('#'));
    }
}
