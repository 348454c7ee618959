using System.Globalization;
using QualityAnalytics.TestSupport;
using static QualityAnalytics.TestSupport.HandWrittenXlsx;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>Workbooks as departments send them, with formulas: a formula's stored result loads as the value; an Excel error
/// value (#N/A, #DIV/0!…) is never loaded as text, and a formula saved without its result never as an empty cell — the row
/// is quarantined with one reason that says what the cell is, in whatever field it stands, free text included.</summary>
public sealed class ExcelFormulaCellsTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public ExcelFormulaCellsTests() => _w.Load(_w.Write("base/departments.csv", Samples.Departments));

    public void Dispose() => _w.Dispose();

    private static readonly object[] Header = ["投诉编号", "部门编码", "受理时间", "投诉渠道", "是否有效", "投诉内容", "主业直接扣分", "处理人", "备注"];

    /// <summary>A valid complaint as a department's ledger holds it, its cells computed by formulas where ledgers compute them.</summary>
    private static object[] Complaint(string id) =>
    [
        id, "LOG", new Cell(null, "DATE(2026,4,3)+TIME(14,5,0)", "46115.586805555555", 22), "电话",
        new Cell("b", null, "1"), new Cell("str", "CONCAT(\"送货\",\"延误\")", "送货延误"), new Cell(null, "1+1", "2"), "张三", "",
    ];

    private const string Uncalculated = "a formula whose result was never computed (the file was saved by a program that does not calculate formulas); " +
        "open the file in Excel or WPS and save it, so that its values are computed, then send it again";

    private static object[] With(object[] cells, int index, object cell)
    {
        var copy = (object[])cells.Clone();
        copy[index] = cell;
        return copy;
    }

    private List<string> Quarantined(long sourceFileId)
    {
        using var db = _w.Db.CreateContext();
        return [.. db.QuarantinedRows.Where(q => q.SourceFileId == sourceFileId).OrderBy(q => q.Line).ThenBy(q => q.Id).ToList()
            .Select(q => $"{q.Line}|{q.Column}|{q.Value}|{q.Reason}")];
    }

    [Fact]
    public void Stored_results_load_as_values_and_error_values_and_uncalculated_formulas_quarantine_their_rows_with_one_reason_each()
    {
        var path = Path.Combine(_w.Inbox, "投诉台账.xlsx");
        Directory.CreateDirectory(_w.Inbox);
        Write(path, "投诉", new Dictionary<int, object[]>
        {
            [1] = Header,
            [2] = Complaint("C-1"),
            [3] = With(Complaint("C-2"), 5, Cell.Error("#N/A", "VLOOKUP(A3,明细!A:B,2,FALSE)")), // optional free text
            [4] = With(Complaint("C-3"), 6, Cell.Error("#DIV/0!", "A4/0")),                      // a number
            [5] = With(Complaint("C-4"), 2, Cell.Error("#VALUE!", "DATEVALUE(\"昨天\")")),        // a required date
            [6] = With(Complaint("C-5"), 1, Cell.Error("#REF!", "#REF!")),                       // a required text
            [7] = With(Complaint("C-6"), 7, Cell.Error("#NAME?", "处理人名单()")),                // an optional text
            [8] = With(With(Complaint("C-7"), 2, new Cell(null, "DATE(2026,4,3)", null, 22)), 6, new Cell(null, "1+1", null)),
            [9] = With(Complaint("C-8"), 8, Cell.Error("#N/A")),                                 // a column of no field: not loaded
        });

        var file = _w.Load(path).Files.Single();

        Assert.Equal(("complaints", 8, 2, 6), (file.Kind, file.Read, file.Loaded, file.Quarantined));
        Assert.Equal([
            "3|投诉内容|#N/A|Excel error value #N/A (a formula that failed), not a value",
            "4|主业直接扣分|#DIV/0!|Excel error value #DIV/0! (a formula that failed), not a value",
            "5|受理时间|#VALUE!|Excel error value #VALUE! (a formula that failed), not a value",
            "6|部门编码|#REF!|Excel error value #REF! (a formula that failed), not a value",
            "7|处理人|#NAME?|Excel error value #NAME? (a formula that failed), not a value",
            "8|受理时间|=DATE(2026,4,3)|" + Uncalculated,
            "8|主业直接扣分|=1+1|" + Uncalculated,
        ], Quarantined(file.SourceFileId!.Value));
        Assert.Equal("2026-04-03 14:05:00", _w.Scalar("SELECT CAST(received_at AS TEXT) FROM fact_complaint WHERE complaint_id = 'C-1'"));
        Assert.Equal("送货延误", _w.Scalar("SELECT description FROM fact_complaint WHERE complaint_id = 'C-1'"));
        Assert.Equal(2m, Convert.ToDecimal(_w.Scalar("SELECT direct_deduction FROM fact_complaint WHERE complaint_id = 'C-1'"), CultureInfo.InvariantCulture));
        Assert.Equal(["C-1", "C-8"], Ids());
        Assert.Equal(0L, _w.Count("fact_complaint", "description LIKE '#%' OR handler LIKE '#%'"));
    }

    private List<string> Ids()
    {
        using var db = _w.Db.CreateContext();
        return [.. db.Complaints.Select(c => c.ComplaintId).OrderBy(c => c)];
    }

    [Fact]
    public void A_number_stored_as_text_loads_as_the_number_and_a_yes_no_cell_as_its_value()
    {
        var path = Path.Combine(_w.Inbox, "自查.xlsx");
        Directory.CreateDirectory(_w.Inbox);
        Write(path, "自查", new Dictionary<int, object[]>
        {
            [1] = ["检查编号", "部门编码", "月份", "检查类型", "得分"],
            [2] = ["K-1", "LOG", "2026-04", "自查", "85"],                                           // text with Excel's green triangle
            [3] = ["K-2", "LOG", new Cell(null, "DATE(2026,5,1)", "46143", 57), "自查", new Cell(null, "100-SUM(0,6)", "94")],
        });
        var surveys = Path.Combine(_w.Inbox, "问卷.xlsx");
        _w.Load(_w.Write("base/questions.csv", Samples.Questions));
        Write(surveys, "问卷", new Dictionary<int, object[]>
        {
            [1] = ["问卷编号", "部门编码", "季度", "客户名称", "题号", "评分", "是否剔除"],
            [2] = ["R-1", "LOG", "2026Q2", "甲公司", "Q1", "5", new Cell("b", null, "0")],
            [3] = ["R-1", "LOG", "2026Q2", "甲公司", "Q2", Cell.Error("#N/A", "VLOOKUP(E3,评分!A:B,2,0)"), new Cell("b", null, "0")],
        });

        var files = _w.Load(path, surveys).Files;

        Assert.Equal((2, 2, 0), (files[0].Read, files[0].Loaded, files[0].Quarantined));
        Assert.Equal([85m, 94m], ((IEnumerable<object?>)[_w.Scalar("SELECT score FROM fact_check WHERE check_id = 'K-1'"), _w.Scalar("SELECT score FROM fact_check WHERE check_id = 'K-2'")])
            .Select(s => Convert.ToDecimal(s, CultureInfo.InvariantCulture)));
        // A survey file is read once into a spool before its rows are judged: the error value survives the spool.
        Assert.Equal(("surveys", 1), (files[1].Kind, files[1].Quarantined));
        Assert.Equal(["3|评分|#N/A|Excel error value #N/A (a formula that failed), not a value"], Quarantined(files[1].SourceFileId!.Value));
    }

    [Fact]
    public void In_a_CSV_an_error_value_exported_as_text_is_named_in_a_column_that_must_parse_and_is_text_in_a_text_column()
    {
        var file = _w.Load(_w.Write("complaints.csv",
            "complaint_id,department,received_at,channel,valid,description,direct_deduction\n" +
            "C-1,LOG,2026-04-03 14:05,电话,是,#N/A,\n" +
            "C-2,LOG,#VALUE!,电话,是,,#DIV/0!\n")).Files.Single();

        Assert.Equal((2, 1, 1), (file.Read, file.Loaded, file.Quarantined));
        Assert.Equal([
            "3|received_at|#VALUE!|Excel error value #VALUE! (a formula that failed), not a value",
            "3|direct_deduction|#DIV/0!|Excel error value #DIV/0! (a formula that failed), not a value",
        ], Quarantined(file.SourceFileId!.Value));
        // A CSV holds text only: #N/A there may be what the sender typed, and the contract reads a CSV's text as written.
        Assert.Equal("#N/A", _w.Scalar("SELECT description FROM fact_complaint WHERE complaint_id = 'C-1'"));
    }
}
