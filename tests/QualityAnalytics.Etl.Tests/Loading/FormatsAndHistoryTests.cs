using System.Text;
using MiniExcelLibs;

namespace QualityAnalytics.Etl.Tests.Loading;

public sealed class FormatsAndHistoryTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    [Fact]
    public void A_GB18030_file_with_Chinese_headers_loads()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        _w.Write("departments.csv", Samples.Departments, new UTF8Encoding(true));
        _w.Write("checks.csv", Samples.Checks, Encoding.GetEncoding("GB18030"));
        var result = _w.Load(_w.Inbox);
        var checks = result.Files.Single(f => f.Kind == "checks");
        Assert.Equal(("gb18030", 4, 0), (checks.Encoding, checks.Loaded, checks.Quarantined));
        Assert.Equal("utf-8-bom", result.Files.Single(f => f.Kind == "departments").Encoding);
    }

    [Fact]
    public void A_tab_separated_UTF16_file_loads()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("callbacks.txt", Samples.Callbacks.Replace(',', '\t'), new UnicodeEncoding(false, true));
        var result = _w.Load(_w.Inbox);
        Assert.Equal(2, result.Files.Single(f => f.Kind == "callbacks").Loaded);
    }

    [Fact]
    public void Every_sheet_of_a_workbook_loads_with_its_own_kind_and_excel_dates()
    {
        var path = Path.Combine(_w.Inbox, "workbook.xlsx");
        Directory.CreateDirectory(_w.Inbox);
        var sheets = new Dictionary<string, object>
        {
            ["回访"] = new[]
            {
                new Dictionary<string, object?> { ["回访编号"] = "B-1", ["部门编码"] = "LOG", ["回访日期"] = new DateTime(2026, 5, 20), ["回访问题"] = "记录不全", ["扣分"] = 0.5 },
            },
            ["部门"] = new[]
            {
                new Dictionary<string, object?> { ["部门编码"] = "LOG", ["部门名称"] = "物流业务部", ["负责人"] = "张伟" },
            },
            ["说明"] = new[] { new Dictionary<string, object?> { ["说明"] = "本工作簿由储运中心提供", ["日期"] = "2026-07-01" } },
        };
        MiniExcel.SaveAs(path, sheets);

        var result = _w.Load(path);

        Assert.Equal(["departments", "callbacks", null], result.Files.Select(f => f.Kind));
        Assert.All(result.Files, f => Assert.False(f.Rejected));
        Assert.Equal("部门", result.Files[0].Sheet);
        Assert.Equal(20260520L, _w.Integer("SELECT called_on_key FROM fact_callback"));
        Assert.Equal("0.5", _w.Scalar("SELECT CAST(deduction AS TEXT) FROM fact_callback"));
    }

    [Fact]
    public void A_renamed_department_keeps_history_and_facts_point_at_the_version_valid_on_their_date()
    {
        var departments = _w.Write("departments.csv", Samples.Departments);
        _w.Load(departments);
        // The clock says 2026-07-02 09:00 in Shanghai: the rename is effective from that business date.
        File.WriteAllText(departments, "部门编码,部门名称,负责人\nLOG,物流事业部,王芳\nSTO,储运中心,李娜\n");
        var result = _w.Load(departments);
        Assert.Equal((1, 1), (result.Files[0].Updated, result.Files[0].Unchanged));

        Assert.Equal(3, _w.Count("dim_department"));
        Assert.Equal("2026-07-02", _w.Scalar("SELECT CAST(valid_to AS TEXT) FROM dim_department WHERE code = 'LOG' AND is_current = FALSE"));
        Assert.Equal("2026-07-02", _w.Scalar("SELECT CAST(valid_from AS TEXT) FROM dim_department WHERE code = 'LOG' AND is_current = TRUE"));

        _w.Write("complaints.csv", "complaint_id,department,received_at,channel,valid\nC-1,LOG,2026-06-30 10:00,电话,是\nC-2,物流事业部,2026-07-03 10:00,电话,是\nC-3,物流业务部,2026-07-03 10:00,电话,是\n");
        var complaints = _w.Load(Path.Combine(_w.Inbox, "complaints.csv")).Files.Single();
        Assert.Equal("物流业务部", _w.Scalar("SELECT d.name FROM fact_complaint f JOIN dim_department d USING (department_key) WHERE complaint_id = 'C-1'"));
        Assert.Equal("物流事业部", _w.Scalar("SELECT d.name FROM fact_complaint f JOIN dim_department d USING (department_key) WHERE complaint_id = 'C-2'"));
        // The old name is no longer the department's current name: a file that still uses it is told so.
        Assert.Equal(1, complaints.Quarantined);
        Assert.Contains("\"manager\":\"张伟\"", (string)_w.Scalar("SELECT old_values FROM row_change WHERE table_name = 'dim_department'")!);
    }

    [Fact]
    public void A_missing_file_is_rejected_with_its_path()
    {
        var result = _w.Load(Path.Combine(_w.Inbox, "nope.csv"));
        Assert.True(result.Files.Single().Rejected);
        Assert.Contains("no such file", result.Files.Single().Reason);
    }

    [Fact]
    public void An_undecodable_file_is_rejected_whole_and_recorded()
    {
        var path = Path.Combine(_w.Inbox, "bad.csv");
        Directory.CreateDirectory(_w.Inbox);
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("code,name\nLOG,"), 0xFF, 0xFF, 0x81]);
        var result = _w.Load(path);
        var file = result.Files.Single();
        Assert.True(file.Rejected);
        Assert.Contains("bad.csv", file.Reason);
        Assert.Equal(1, _w.Count("source_file", "rejected = TRUE"));
        Assert.Equal(0, _w.Count("dim_department"));
    }
}
