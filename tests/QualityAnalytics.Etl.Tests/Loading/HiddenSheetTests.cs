using QualityAnalytics.TestSupport;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>A sheet hidden in Excel (hidden or very hidden) is not loaded: it holds what the workbook keeps out of sight
/// (the lists behind drop-downs, an old copy), and loaded it overwrote what the visible sheets sent. It is skipped with a
/// line saying so, naming the kind its header looks like.</summary>
public sealed class HiddenSheetTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public HiddenSheetTests() => _w.Load(_w.Write("base/departments.csv", Samples.Departments));

    public void Dispose() => _w.Dispose();

    private static Dictionary<string, object?> Callback(string id, DateTime on, string finding, double? points) =>
        new() { ["回访编号"] = id, ["部门编码"] = "LOG", ["回访日期"] = on, ["回访问题"] = finding, ["扣分"] = points };

    [Fact]
    public void Hidden_sheets_are_skipped_and_said_so_while_the_visible_ones_load()
    {
        var path = Path.Combine(_w.Inbox, "回访.xlsx");
        MiniExcelLibs.MiniExcel.SaveAs(path, new Dictionary<string, object>
        {
            // What the department's workbook kept out of sight: last version's callbacks, the drop-down's list of departments.
            ["旧版回访"] = new[] { Callback("B-1", new DateTime(2026, 5, 20), "与实际不符", 1) },
            ["回访"] = new[] { Callback("B-1", new DateTime(2026, 5, 20), "记录不全", null), Callback("B-2", new DateTime(2026, 5, 21), "无", null) },
            ["代码表"] = new[] { new Dictionary<string, object?> { ["部门编码"] = "LOG", ["部门名称"] = "物流业务部（旧）" } },
        });
        WorkbookSheetState.Hide(path, "旧版回访");
        WorkbookSheetState.Hide(path, "代码表", veryHidden: true);

        var result = _w.Load(path);

        Assert.Equal(
        [
            ("代码表", null, false, 0, "回访.xlsx [代码表]: a hidden sheet (departments) is not loaded; unhide it in Excel to load it"),
            ("旧版回访", null, false, 0, "回访.xlsx [旧版回访]: a hidden sheet (callbacks) is not loaded; unhide it in Excel to load it"),
            ("回访", "callbacks", false, 2, null),
        ], result.Files.Select(f => (f.Sheet, f.Kind, f.Rejected, f.Loaded, f.Reason)).OrderBy(f => f.Kind).ThenBy(f => f.Sheet, StringComparer.Ordinal));
        Assert.Equal("incomplete", _w.Scalar("SELECT finding FROM fact_callback WHERE callback_id = 'B-1'"));
        Assert.Equal("物流业务部", _w.Scalar("SELECT name FROM dim_department WHERE code = 'LOG' AND is_current = TRUE"));
        Assert.Equal(0L, _w.Integer("SELECT COUNT(*) FROM quarantined_row"));
    }
}
