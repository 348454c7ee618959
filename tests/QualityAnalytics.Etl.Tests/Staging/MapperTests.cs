using QualityAnalytics.Etl.Staging;
using QualityAnalytics.Etl.Staging.Mappers;
using QualityAnalytics.Warehouse.Contract;

namespace QualityAnalytics.Etl.Tests.Staging;

/// <summary>Each staging mapper on its own: one raw row in, a staged row or the row's every error out.</summary>
public sealed class MapperTests
{
    private static (StagedRow? Row, IReadOnlyList<RowError> Errors) Stage(DataKind kind, string header, string cells)
    {
        var match = HeaderMatcher.Match(header.Split(','));
        var reader = new RowReader(match, cells.Split(','));
        var row = StagingMappers.For(kind, new StagingRules()).Stage(reader, 7);
        return (row, reader.Errors);
    }

    [Theory]
    [InlineData("自查", "self")]
    [InlineData("self", "self")]
    [InlineData("抽查", "spot")]
    [InlineData("SPOT", "spot")]
    public void A_check_kind_is_read_in_either_language(string text, string kind)
    {
        var (row, errors) = Stage(DataKind.Checks, "check_id,department,month,kind,score", $"K-1,LOG,2026-04,{text},96.5");
        Assert.Empty(errors);
        var check = Assert.IsType<StagedCheck>(row);
        Assert.Equal((kind, 96.5m, new DateOnly(2026, 4, 1), 7), (check.Kind, check.Score, check.Month, check.Line));
    }

    [Theory]
    [InlineData("满意", "satisfied")]
    [InlineData("较满意", "satisfied")]
    [InlineData("比较满意", "satisfied")]
    [InlineData("一般", "neutral")]
    [InlineData("基本满意", "neutral")]
    [InlineData("较不满意", "dissatisfied")]
    [InlineData("非常不满意", "dissatisfied")]
    [InlineData("未回访", null)]
    [InlineData("未评价", null)]
    [InlineData("无", null)]
    public void A_complaints_satisfaction_is_read_in_its_common_forms_without_a_warning(string text, string? level)
    {
        var match = HeaderMatcher.Match("complaint_id,department,received_at,channel,valid,satisfaction".Split(','));
        var reader = new RowReader(match, $"C-1,LOG,2026-04-03,电话,是,{text}".Split(','));
        var complaint = Assert.IsType<StagedComplaint>(StagingMappers.For(DataKind.Complaints, new StagingRules()).Stage(reader, 7));
        Assert.Equal(level, complaint.Satisfaction);
        Assert.Empty(reader.Errors);
        Assert.Null(reader.Warnings);
    }

    [Fact]
    public void An_unknown_satisfaction_stages_the_complaint_without_it_and_warns()
    {
        var match = HeaderMatcher.Match("complaint_id,department,received_at,channel,valid,satisfaction".Split(','));
        var reader = new RowReader(match, "C-1,LOG,2026-04-03,电话,是,abc".Split(','));
        var complaint = Assert.IsType<StagedComplaint>(StagingMappers.For(DataKind.Complaints, new StagingRules()).Stage(reader, 7));
        Assert.Null(complaint.Satisfaction);
        Assert.Empty(reader.Errors);
        var warning = Assert.Single(reader.Warnings!);
        Assert.Equal(("satisfaction", "abc"), (warning.Column, warning.Value));
    }

    [Fact]
    public void Every_problem_of_a_row_is_reported_at_once()
    {
        var (row, errors) = Stage(DataKind.Checks, "check_id,department,month,kind,score", "K-1,,2026-13,复查,105");
        Assert.Null(row);
        Assert.Equal(["department: required value is missing", "month: is not a month (e.g. 2026-04)", "kind: must be self/自查 or spot/抽查",
            "score: must be between 0 and 100"], errors.Select(e => $"{e.Column}: {e.Reason}"));
    }

    [Fact]
    public void Values_typed_in_full_width_parse_as_their_ascii_forms()
    {
        var (row, errors) = Stage(DataKind.Complaints, "complaint_id,department,received_at,channel,valid,direct_deduction",
            "C-1,LOG,２０２６年４月３日　１４：０５,电话,Ｙ,０．５");
        Assert.Empty(errors);
        var complaint = Assert.IsType<StagedComplaint>(row);
        Assert.Equal((new DateTime(2026, 4, 3, 14, 5, 0), true, 0.5m), (complaint.ReceivedAt, complaint.Valid, complaint.DirectDeduction));

        var (check, checkErrors) = Stage(DataKind.Checks, "check_id,department,month,kind,score", "K-1,LOG,２０２６－０４,自查,９６");
        Assert.Empty(checkErrors);
        Assert.Equal((new DateOnly(2026, 4, 1), 96m), (Assert.IsType<StagedCheck>(check).Month, ((StagedCheck)check!).Score));
    }

    [Fact]
    public void A_value_no_form_reads_is_an_error_that_shows_it_as_written()
    {
        var (row, errors) = Stage(DataKind.Surveys, "response_id,department,quarter,customer,question,score", "R-1,LOG,１０２６Ｑ２,客户,Q1,５");
        Assert.Null(row);
        Assert.Equal(["quarter: １０２６Ｑ２: is not a quarter (e.g. 2026Q2)"], errors.Select(e => $"{e.Column}: {e.Value}: {e.Reason}"));
    }

    [Theory]
    [InlineData("无", "", "none", "0")]
    [InlineData("记录不全", "", "incomplete", null)]
    [InlineData("与实际不符", "1", "mismatch", "1")]
    [InlineData("incomplete", "0.5", "incomplete", "0.5")]
    public void A_callback_finding_and_its_deduction(string finding, string deduction, string expected, string? stored)
    {
        var (row, errors) = Stage(DataKind.Callbacks, "callback_id,department,called_on,finding,deduction", $"B-1,LOG,2026-05-20,{finding},{deduction}");
        Assert.Empty(errors);
        var callback = Assert.IsType<StagedCallback>(row);
        Assert.Equal(expected, callback.Finding);
        Assert.Equal(stored is null ? null : decimal.Parse(stored, System.Globalization.CultureInfo.InvariantCulture), callback.Deduction);
    }

    [Theory]
    [InlineData("记录不全", "0.4")]
    [InlineData("与实际不符", "1.5")]
    [InlineData("无", "0.5")]
    public void A_callback_deduction_outside_its_rule_is_an_error(string finding, string deduction)
    {
        var (row, errors) = Stage(DataKind.Callbacks, "callback_id,department,called_on,finding,deduction", $"B-1,LOG,2026-05-20,{finding},{deduction}");
        Assert.Null(row);
        Assert.Equal("deduction", Assert.Single(errors).Column);
    }

    [Fact]
    public void A_complaint_maps_every_column()
    {
        var (row, errors) = Stage(DataKind.Complaints,
            "complaint_id,department,received_at,channel,valid,customer,category,description,replied_at,resolved_at,direct_deduction,handler,satisfaction",
            "C-1,LOG,2026-04-03 14:05,意见箱,有效,客户甲,响应不及时,迟到,2026-04-03 16:00,2026-04-07 10:00,3,李四,基本满意");
        Assert.Empty(errors);
        var c = Assert.IsType<StagedComplaint>(row);
        Assert.Equal((4, true, "客户甲", "响应不及时", 3m, "李四", "neutral"), (c.ChannelKey, c.Valid, c.Customer, c.Category, c.DirectDeduction, c.Handler, c.Satisfaction));
        Assert.Equal(new DateTime(2026, 4, 7, 10, 0, 0), c.ResolvedAt);
    }

    [Fact]
    public void A_questionnaire_answer_with_exclusion_keeps_who_and_why()
    {
        var (row, errors) = Stage(DataKind.Surveys, "问卷编号,部门编码,季度,客户名称,题号,评分,是否剔除,剔除人,剔除原因",
            "R-1,LOG,2026年第2季度,客户甲,Q1,4,是,王主任,持异议");
        Assert.Empty(errors);
        var a = Assert.IsType<StagedSurveyAnswer>(row);
        Assert.Equal((true, "王主任", "持异议", "2026Q2"), (a.Excluded, a.ExcludedBy, a.ExcludedReason, a.Quarter.ToString()));
    }

    [Fact]
    public void A_question_needs_a_positive_weight_and_scale()
    {
        var (row, errors) = Stage(DataKind.SurveyQuestions, "question,text,weight,scale", "Q1,服务态度,0,5");
        Assert.Null(row);
        Assert.Equal("weight", Assert.Single(errors).Column);
    }

    [Theory]
    [InlineData("C-1,LOG,2026-04-03,电话,是,王海燕", true)]      // as wide as the header
    [InlineData("C-1,LOG,2026-04-03,电话,是", true)]             // narrower: the missing optional cell is empty
    [InlineData("C-1,LOG,2026-04-03,电话,是,王海燕,,,", true)]   // empty cells past it, as Excel exports them
    [InlineData("C-1,LOG,2026-04-03,电话,是,王海燕, ,x", false)] // a value past it: quarantined
    public void A_row_is_judged_by_the_cells_past_the_header_only_when_one_holds_a_value(string cells, bool loads)
    {
        var (row, errors) = Stage(DataKind.Complaints, "complaint_id,department,received_at,channel,valid,handler", cells);
        Assert.Equal(loads, row is not null);
        if (!loads) Assert.Equal(("column 8", "x"), (Assert.Single(errors).Column, errors[0].Value));
    }

    [Fact]
    public void A_workbook_row_names_the_cell_past_the_header_by_its_column_letter()
    {
        var match = HeaderMatcher.Match(["complaint_id", "department", "received_at", "channel", "valid", "", ""]);
        Assert.Equal(5, match.Width);
        var reader = new RowReader(match, ["C-1", "LOG", "2026-04-03", "电话", "是", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "溢出"], workbook: true);
        Assert.Equal(("column AB", "溢出"), (Assert.Single(reader.Errors).Column, reader.Errors[0].Value));
        reader.MoveTo(["C-2", "LOG", "2026-04-03", "电话", "是"]);
        Assert.False(reader.HasErrors);
    }

    [Theory]
    [InlineData("ＬＯＧ", "LOG")]
    [InlineData("ｌｏｇ", "log")]
    [InlineData("LOG", "LOG")]
    public void A_department_code_typed_in_full_width_is_its_ascii_code(string written, string code)
    {
        var (row, errors) = Stage(DataKind.Departments, "code,name,parent_code", $"{written},物流业务部,Ｈ Ｑ");
        Assert.Empty(errors);
        var d = Assert.IsType<StagedDepartment>(row);
        Assert.Equal((code, "H Q"), (d.Code, d.ParentCode));
    }
}
