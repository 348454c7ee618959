using QualityAnalytics.TestSupport;
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
    public void A_title_above_the_table_is_skipped_and_lines_keep_their_numbers()
    {
        // Departments' workbooks open with a title (and the CSV exported from them with the same line): the first
        // non-blank row was taken for the header, so the sheet "matched no kind" and was skipped (the load still exited
        // 0) and the CSV was refused.
        _w.Write("departments.csv", Samples.Departments);
        HandWrittenXlsx.Write(Path.Combine(_w.Inbox, "ledger.xlsx"), "投诉台账", new Dictionary<int, string[]>
        {
            [1] = ["2026年第二季度客户投诉台账"],
            [2] = ["填报单位：物流业务部", "", "填报日期：2026-07-01"],
            [4] = ["投诉编号", "部门编码", "受理时间", "投诉渠道", "是否有效"],
            [5] = ["C-1", "LOG", "2026-04-03 10:00", "电话", "是"],
            [6] = ["C-2", "LOG", "2026-04-31", "电话", "是"],
        });
        _w.Write("ledger.csv", "2026年第二季度客户投诉台账,,,,\n,,,,\n投诉编号,部门编码,受理时间,投诉渠道,是否有效\nC-3,LOG,2026-04-03 10:00,电话,是\nC-4,LOG,2026-04-31,电话,是\n");

        var result = _w.Load(_w.Inbox);

        Assert.All(result.Files, f => Assert.False(f.Rejected));
        Assert.Equal([("complaints", null, 2, 1, 1), ("complaints", "投诉台账", 2, 1, 1)],
            result.Files.Where(f => f.Kind != "departments").Select(f => (f.Kind, f.Sheet, f.Read, f.Loaded, f.Quarantined)));
        Assert.All(result.Files, f => Assert.Empty(f.UnknownColumns));
        var rows = _w.Db.CreateContext().QuarantinedRows.OrderBy(q => q.File).Select(q => $"{q.File}|{q.Line}|{q.Column}").ToList();
        Assert.Equal(["ledger.csv|5|受理时间", "ledger.xlsx|6|受理时间"], rows); // the column as the ledger heads it
    }

    [Fact]
    public void A_sheet_of_notes_is_still_skipped_and_a_csv_of_no_kind_still_refused()
    {
        _w.Write("notes.csv", "本目录说明,,\n各部门每月5日前报送,,\n");
        HandWrittenXlsx.Write(Path.Combine(_w.Inbox, "notes.xlsx"), "说明", new Dictionary<int, string[]>
        {
            [1] = ["填表说明"],
            [2] = ["1. 受理时间精确到分钟"],
        });

        var result = _w.Load(_w.Inbox);

        Assert.Equal([(true, "notes.csv: the header row matches no kind of the data contract (本目录说明)"),
            (false, "notes.xlsx [说明]: the header row matches no kind of the data contract (填表说明)")],
            result.Files.Select(f => (f.Rejected, f.Reason)));
    }

    [Fact]
    public void Excel_date_cells_load_whatever_their_number_format()
    {
        // Chinese Excel refers to its own date formats by built-in id (31: 2026年4月3日, 57: 2026年4月) and MiniExcel knows
        // neither, nor 17 (mmm-yy) as a date: it gives their serial numbers, and every such row was quarantined as
        // "46115 is not a date". A time format (20: h:mm) on a date-time came as a TimeSpan of the serial.
        _w.Write("departments.csv", Samples.Departments);
        var april3 = new DateTime(2026, 4, 3);
        HandWrittenXlsx.Write(Path.Combine(_w.Inbox, "checks.xlsx"), "自查", new Dictionary<int, object[]>
        {
            [1] = ["检查编号", "部门编码", "月份", "检查类型", "得分", "检查日期"],
            [2] = ["K-1", "LOG", HandWrittenXlsx.Number.Date(new DateTime(2026, 4, 1), 57), "自查", "96", HandWrittenXlsx.Number.Date(april3, 31)],
            [3] = ["K-2", "LOG", HandWrittenXlsx.Number.Date(new DateTime(2026, 5, 1), 17), "自查", "94", HandWrittenXlsx.Number.Date(april3, 14)],
        });
        HandWrittenXlsx.Write(Path.Combine(_w.Inbox, "complaints.xlsx"), "投诉", new Dictionary<int, object[]>
        {
            [1] = ["投诉编号", "部门编码", "受理时间", "投诉渠道", "是否有效", "回复时间"],
            [2] = ["C-1", "LOG", HandWrittenXlsx.Number.Date(april3, 31), "电话", "是", HandWrittenXlsx.Number.Date(april3.AddHours(16), 20)],
            [3] = ["C-2", "LOG", HandWrittenXlsx.Number.Date(new DateTime(2026, 6, 30, 23, 59, 59), 22), "电话", "是", "2026-07-01 09:00"],
        });
        // A number is a date in a workbook only: in a CSV it is what it says.
        _w.Write("complaints.csv", "complaint_id,department,received_at,channel,valid\nC-3,LOG,46115,电话,是\n");

        var result = _w.Load(_w.Inbox);

        Assert.Equal([("checks", 2, 0), ("complaints", 0, 1), ("complaints", 2, 0)],
            result.Files.Where(f => f.Kind != "departments").Select(f => (f.Kind, f.Loaded, f.Quarantined)));
        Assert.Equal([20260401L, 20260501L], [_w.Integer("SELECT month_key FROM fact_check WHERE check_id = 'K-1'"), _w.Integer("SELECT month_key FROM fact_check WHERE check_id = 'K-2'")]);
        Assert.Equal(20260403L, _w.Integer("SELECT checked_on_key FROM fact_check WHERE check_id = 'K-1'"));
        Assert.Equal("2026-04-03 00:00:00", _w.Scalar("SELECT CAST(received_at AS TEXT) FROM fact_complaint WHERE complaint_id = 'C-1'"));
        Assert.Equal("2026-04-03 16:00:00", _w.Scalar("SELECT CAST(replied_at AS TEXT) FROM fact_complaint WHERE complaint_id = 'C-1'"));
        Assert.Equal(20262L, _w.Integer("SELECT quarter_key FROM fact_complaint WHERE complaint_id = 'C-2'"));
        Assert.Equal("46115", _w.Scalar("SELECT value FROM quarantined_row WHERE file = 'complaints.csv'"));
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
