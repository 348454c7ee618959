using QualityAnalytics.TestSupport;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>A sheet hidden in Excel (hidden or very hidden) is a sheet like any other: the data contract reads every
/// sheet of a workbook, and hiding a sheet is how Excel users tidy a workbook, not how they withdraw data. (A helper's
/// probe proposed skipping them; the contract says otherwise: to keep a sheet out, delete it from the workbook.)</summary>
public sealed class HiddenSheetTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public HiddenSheetTests() => _w.Load(_w.Write("base/departments.csv", Samples.Departments));

    public void Dispose() => _w.Dispose();

    private static Dictionary<string, object?> Callback(string id, DateTime on, string finding, double? points) =>
        new() { ["回访编号"] = id, ["部门编码"] = "LOG", ["回访日期"] = on, ["回访问题"] = finding, ["扣分"] = points };

    [Fact]
    public void Hidden_sheets_load_like_every_sheet_of_a_workbook()
    {
        var path = Path.Combine(_w.Inbox, "回访.xlsx");
        MiniExcelLibs.MiniExcel.SaveAs(path, new Dictionary<string, object>
        {
            ["回访"] = new[] { Callback("B-1", new DateTime(2026, 5, 20), "记录不全", null), Callback("B-2", new DateTime(2026, 5, 21), "无", null) },
            ["补录"] = new[] { Callback("B-3", new DateTime(2026, 5, 22), "与实际不符", 1) },
            ["代码表"] = new[] { new Dictionary<string, object?> { ["部门编码"] = "LOG", ["部门名称"] = "物流业务部" } },
        });
        WorkbookSheetState.Hide(path, "补录");
        WorkbookSheetState.Hide(path, "代码表", veryHidden: true);

        var result = _w.Load(path);

        Assert.Equal(
        [
            ("回访", "callbacks", false, 2, null),
            ("补录", "callbacks", false, 1, null),
            ("代码表", "departments", false, 0, null),
        ], result.Files.Select(f => (f.Sheet, f.Kind, f.Rejected, f.Loaded, f.Reason)).OrderBy(f => f.Kind).ThenBy(f => f.Sheet, StringComparer.Ordinal));
        Assert.Equal("mismatch", _w.Scalar("SELECT finding FROM fact_callback WHERE callback_id = 'B-3'"));
        Assert.Equal(0L, _w.Integer("SELECT COUNT(*) FROM quarantined_row"));
    }
}
