using QualityAnalytics.TestSupport;
using System.Text;
using QualityAnalytics.Etl.Audit;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Etl.Tests.Reading;
using QualityAnalytics.Warehouse.Contract;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>A quarantined row (and a warning) names its column as the department's file heads it — 得分 where the file
/// says 得分, score where it says score — since the working group looks for that column in their own file; the
/// contract's name stays readable as the column's key (<see cref="FieldNames.Key"/>, the CSV export's column_key).
/// Reasons that name another column name it the same way, and a cell past the header keeps its place (column H).</summary>
public sealed class ColumnAsWrittenTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public ColumnAsWrittenTests() => _w.Load(_w.Write("base/departments.csv", Samples.Departments));

    public void Dispose() => _w.Dispose();

    /// <summary>The latest batch's quarantined rows: line, column as recorded, its key, value and reason.</summary>
    private List<string> Quarantined()
    {
        using var db = _w.Db.CreateContext();
        var batch = QuarantineExport.LatestBatch(db)!.Value;
        return [.. QuarantineExport.Rows(db, batch).Select(l => $"{l.Row.Line}|{l.Row.Column}|{l.ColumnKey}|{l.Row.Value}|{l.Row.Reason}")];
    }

    private List<string> Warnings()
    {
        using var db = _w.Db.CreateContext();
        return [.. db.LoadWarnings.OrderBy(w => w.Id).ToList().Select(w => $"{w.Line}|{w.Column}|{w.Value}|{w.Message}")];
    }

    [Fact]
    public void A_checks_file_with_Chinese_headers_quarantines_naming_得分_and_one_with_English_headers_naming_score()
    {
        _w.Load(_w.Write("自查.csv", "检查编号,部门编码,月份,检查类型,得分\nK-1,LOG,2026-04,自查,九十六\n"));
        Assert.Equal(["2|得分|score|九十六|is not a number"], Quarantined());

        _w.Load(_w.Write("checks.csv", "check_id,department,month,kind,score\nK-2,LOG,2026-04,self,ninety\n"));
        Assert.Equal(["2|score|score|ninety|is not a number"], Quarantined());
    }

    [Fact]
    public void A_header_written_another_way_is_named_as_written_trimmed_to_one_line()
    {
        // A wrapped header cell (a line break inside it, as Excel's "wrap text" exports) and surrounding spaces.
        _w.Load(_w.Write("complaints.csv", "Complaint ID,部门编码,\" Received At \",\"投诉渠道\n(channel)\",是否有效\nC-1,LOG,yesterday,传真,是\n"));

        Assert.Equal([
            "3|Received At|received_at|yesterday|is not a date and time (e.g. 2026-04-03 14:05)", // line 3: the header takes two
            "3|投诉渠道 (channel)|channel|传真|must be one of phone/电话, email/邮件, web/网站, suggestion box/意见箱, other/其他",
        ], Quarantined());
    }

    [Fact]
    public void A_Chinese_header_cell_wrapped_in_Excel_names_its_field()
    {
        // Excel's "wrap text" (Alt+Enter) inside a Chinese header: the file was refused for lacking 投诉编号.
        var file = _w.Load(_w.Write("投诉.csv", "\"投诉\r\n编号\",部门编码,\"受理\n时间\",投诉渠道,是否有效\r\nC-1,LOG,2026-04-03 14:05,电话,是\r\nC-2,LOG,昨天,电话,是\r\n"))
            .Files.Single();

        Assert.Equal(("complaints", false, 1, 1), (file.Kind, file.Rejected, file.Loaded, file.Quarantined));
        Assert.Equal(["5|受理 时间|received_at|昨天|is not a date and time (e.g. 2026-04-03 14:05)"], Quarantined());
    }

    [Fact]
    public void A_reason_that_names_another_column_names_it_as_the_file_heads_it()
    {
        _w.Load(_w.Write("投诉.csv", "投诉编号,部门编码,受理时间,投诉渠道,是否有效,解决时间\nC-1,LOG,2026-04-03 14:05,电话,是,2026-04-02 09:00\n"));
        Assert.Equal(["2|解决时间|resolved_at|2026-04-02 09:00|is before 受理时间"], Quarantined());

        _w.Load(_w.Write("complaints.csv", "complaint_id,department,received_at,channel,valid,resolved_at\nC-2,LOG,2026-04-03 14:05,电话,是,2026-04-02 09:00\n"));
        Assert.Equal(["2|resolved_at|resolved_at|2026-04-02 09:00|is before received_at"], Quarantined());
    }

    [Fact]
    public void A_repeated_composite_key_names_both_columns_as_the_file_heads_them()
    {
        _w.Load(_w.Write("检查.csv", "检查编号,部门编码,月份,检查类型,得分\nCK-T,LOG,2026-04,自查,98\n"));
        _w.Load(_w.Write("扣分.csv", "检查编号,考核项目,扣分\nCK-T,服务态度,1\nCK-T,服务态度,1\n"));

        Assert.Equal(["3|检查编号|check_id|CK-T|duplicate key: an earlier line of this file has the same 检查编号 and 考核项目 (CK-T, 服务态度)"], Quarantined());
    }

    [Fact]
    public void A_questionnaire_rule_names_the_columns_as_the_file_heads_them()
    {
        _w.Load(_w.Write("q.csv", Samples.Questions));
        _w.Load(_w.Write("问卷.csv", "问卷编号,部门编码,季度,客户名称,题号,评分\nR-1,LOG,2026Q2,甲,Q1,5\nR-1,LOG,2026Q2,乙,Q2,4\n"));

        Assert.Equal(["3|客户名称|customer|乙|differs from the first row of questionnaire R-1 (line 2: 甲); the rows of a 问卷编号 must share 部门编码, 季度 and 客户名称"],
            Quarantined());
    }

    [Fact]
    public void Warnings_name_their_column_as_the_file_heads_it()
    {
        _w.Load(_w.Write("扣分.csv", "检查编号,考核项目,扣分\nCK-NONE,服务态度,1\n"));
        _w.Load(_w.Write("投诉.csv", "投诉编号,部门编码,受理时间,投诉渠道,是否有效,处理满意度\nC-1,LOG,2026-04-03 14:05,电话,是,还行\n"));
        _w.Load(_w.Write("部门.csv", "部门编码,部门名称,上级部门编码\nSUB,分部,NOPE\n"));

        Assert.Equal([
            "2|检查编号|CK-NONE|no check with this 检查编号 yet; the deduction is kept and compared with the check's score when it arrives",
            "2|处理满意度|还行|is not a satisfaction the loader knows (满意, 基本满意, 不满意, 未回访); the complaint is loaded with satisfaction empty",
            "2|上级部门编码|NOPE|names no department (neither in the warehouse nor in this file); the department is loaded with this 上级部门编码 as given",
        ], Warnings());
    }

    [Fact]
    public void A_workbook_sheet_with_Chinese_headers_names_its_columns_as_written_and_a_cell_past_the_header_by_its_letter()
    {
        HandWrittenXlsx.Write(Path.Combine(_w.Inbox, "台账.xlsx"), "投诉台账", new Dictionary<int, string[]>
        {
            [1] = ["投诉编号", "部门编码", "受理时间", "投诉渠道", "是否有效"],
            [2] = ["X-1", "LOG", "2026-04-03", "电话", "也许"],
            [3] = ["X-2", "LOG", "2026-04-03", "电话", "是", "", "", "备注写错了列"],
        });

        _w.Load(Path.Combine(_w.Inbox, "台账.xlsx"));

        Assert.Equal([
            "2|是否有效|valid|也许|is not a yes/no value (是/否, Y/N, 1/0, 有效/无效)",
            "3|column H|column H|备注写错了列|the row has a value beyond the header's 5 columns, in column H (\"备注写错了列\"); its cells may be shifted (an unquoted comma?)",
        ], Quarantined());
    }

    [Fact]
    public void The_CSV_export_gives_the_column_as_written_and_its_key_last()
    {
        _w.Load(_w.Write("自查.csv", "检查编号,部门编码,月份,检查类型,得分\nK-1,LOG,2026-04,自查,九十六\n"));
        using var db = _w.Db.CreateContext();
        var writer = new StringWriter();

        QuarantineExport.WriteCsv(QuarantineExport.Rows(db, QuarantineExport.LatestBatch(db)!.Value), writer, path => Path.GetFileName(path));

        var lines = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("batch,file,sheet,line,column,value,reason,path,column_key", lines[0]);
        Assert.Equal("2,自查.csv,,2,得分,九十六,is not a number,自查.csv,score", lines[1]);
    }

    [Fact]
    public void A_dry_run_lists_the_values_it_would_quarantine_by_the_column_as_written()
    {
        var path = _w.Write("自查.csv", "检查编号,部门编码,月份,检查类型,得分\nK-1,LOG,2026-04,自查,九十六\n", new UTF8Encoding(true));

        var columns = new FileLoader(_w.Db, _w.Clock).Check([path], (result, rows) => rows.All().Select(q => (q.Column, FieldNames.Key(result.Files[0].Kind, q.Column))).ToList());

        Assert.Equal([("得分", "score")], columns);
    }
}
