using QualityAnalytics.Etl.Staging;
using QualityAnalytics.Warehouse.Contract;

namespace QualityAnalytics.Etl.Tests.Staging;

public sealed class HeaderMatcherTests
{
    [Theory]
    [InlineData("code,name,manager", DataKind.Departments)]
    [InlineData("部门编码,部门名称,负责人,上级部门编码", DataKind.Departments)]
    [InlineData("检查编号,部门编码,月份,检查类型,得分,检查人", DataKind.Checks)]
    [InlineData("check_id,item,points", DataKind.CheckDeductions)]
    [InlineData("检查编号,考核项目,扣分,备注", DataKind.CheckDeductions)]
    [InlineData("题号,题目,权重,满分", DataKind.SurveyQuestions)]
    [InlineData("score,question,customer,quarter,department,response_id", DataKind.Surveys)]
    [InlineData("投诉编号,部门编码,受理时间,投诉渠道,是否有效,投诉类别", DataKind.Complaints)]
    [InlineData("回访编号,部门编码,回访日期,回访问题,扣分", DataKind.Callbacks)]
    [InlineData(" Complaint_ID , DEPARTMENT ,received_at,channel,valid", DataKind.Complaints)]
    [InlineData("complaint_id (投诉编号),department (部门编码),received_at (受理时间),channel (投诉渠道),valid (是否有效)", DataKind.Complaints)]
    // As departments' workbooks head them: a cell wrapped in Excel (Alt+Enter), spaced out with the ideographic space or a
    // tab, padded; a unit in brackets after the name.
    [InlineData("投诉\n编号,部门\r\n编码,受理时间\n（年月日）,投诉　渠道,\t是否\t有效 ", DataKind.Complaints)]
    [InlineData("检查编号,部 门 编 码,月　　份,检查类型,得分\n(分)", DataKind.Checks)]
    public void The_kind_is_recognised_from_the_header_in_either_language_and_any_order(string header, DataKind kind)
    {
        var match = HeaderMatcher.Match(header.Replace("\\r", "\r", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal)
            .Replace("\\t", "\t", StringComparison.Ordinal).Split(','));
        Assert.Equal(kind, match.Kind);
        Assert.True(match.IsComplete, string.Join(", ", match.MissingRequired));
    }

    [Fact]
    public void A_header_of_no_kind_lists_its_named_cells_only()
    {
        // An exported title row ends in empty cells; they were listed as unknown columns ("", "", "").
        var match = HeaderMatcher.Match(["2026年第二季度客户投诉台账", "", " ", ""]);
        Assert.Null(match.Kind);
        Assert.Equal(["2026年第二季度客户投诉台账"], match.UnknownColumns);
    }

    [Fact]
    public void A_column_is_found_by_its_name_whichever_string_instance_asks_and_as_often_as_asked()
    {
        var match = HeaderMatcher.Match(["received_at", "complaint_id", "department", "channel", "valid"]);
        // The literal (one interned instance), then the same name built at run time (another instance), repeatedly:
        // IndexOf remembers answers by reference, and a new instance must get the dictionary's answer, not a stale one.
        var built = string.Concat("complaint", "_id");
        Assert.False(ReferenceEquals(built, "complaint_id"));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(1, match.IndexOf("complaint_id"));
            Assert.Equal(1, match.IndexOf(built));
            Assert.Equal(0, match.IndexOf("received_at"));
            Assert.Null(match.IndexOf("customer"));
        }
        // Past the bound of remembered names every answer still comes from the dictionary.
        for (var i = 0; i < 200; i++) Assert.Equal(4, match.IndexOf(string.Concat("val", "id")));
        Assert.Null(match.IndexOf(string.Concat("no", "such")));
    }

    [Fact]
    public void Unknown_extra_columns_are_listed()
    {
        var match = HeaderMatcher.Match(["callback_id", "department", "called_on", "finding", "录入人"]);
        Assert.Equal(["录入人"], match.UnknownColumns);
    }

    [Fact]
    public void A_header_lacking_a_required_column_names_it()
    {
        var match = HeaderMatcher.Match(["complaint_id", "department", "received_at", "valid"]);
        Assert.Equal(DataKind.Complaints, match.Kind);
        Assert.False(match.IsComplete);
        Assert.Equal(["channel (投诉渠道)"], match.MissingRequired);
    }

    [Fact]
    public void A_parent_department_column_is_not_taken_for_the_department()
    {
        var match = HeaderMatcher.Match(["code", "name", "parent_code"]);
        Assert.Equal(2, match.IndexOf("parent_code"));
        Assert.Equal(0, match.IndexOf("code"));
    }

    [Fact]
    public void Two_columns_for_one_field_are_named_with_their_positions_and_neither_is_taken_for_unknown()
    {
        // 市场部 writes the customer in English, 客服部 in Chinese, and the merged sheet keeps both: taking the first
        // and listing the second as unknown lost the second department's customers without a word.
        var match = HeaderMatcher.Match(["complaint_id", "department", "received_at", "channel", "valid", "customer", "客户名称", "录入人"]);
        Assert.Equal(DataKind.Complaints, match.Kind);
        var repeated = Assert.Single(match.RepeatedColumns);
        Assert.Equal("customer", repeated.Column);
        Assert.Equal("客户名称", repeated.ChineseName);
        Assert.Equal([5, 6], repeated.Indices);
        Assert.Equal(["录入人"], match.UnknownColumns); // a genuinely unknown column is still listed
        Assert.Equal("customer (客户名称): F3 \"customer\", G3 \"客户名称\"", repeated.Describe(3, ["complaint_id", "department", "received_at", "channel", "valid", "customer", "客户名称", "录入人"]));
    }

    [Fact]
    public void The_same_name_twice_is_two_columns_for_one_field()
    {
        var header = new[] { "投诉编号", "部门编码", "受理时间", "投诉渠道", "是否有效", "投诉编号" };
        var match = HeaderMatcher.Match(header);
        var repeated = Assert.Single(match.RepeatedColumns);
        Assert.Equal("complaint_id", repeated.Column);
        Assert.Equal([0, 5], repeated.Indices);
        Assert.Empty(match.UnknownColumns);
    }

    [Fact]
    public void Column_letters_go_past_Z_as_Excel_names_them()
    {
        var header = Enumerable.Range(0, 27).Select(i => "x" + i).Concat(["callback_id", "department", "called_on", "finding", "回访编号"]).ToArray();
        var repeated = Assert.Single(HeaderMatcher.Match(header).RepeatedColumns);
        Assert.Equal("callback_id (回访编号): AB1 \"callback_id\", AF1 \"回访编号\"", repeated.Describe(1, header));
    }

    [Fact]
    public void A_header_with_each_field_once_repeats_nothing() =>
        Assert.Empty(HeaderMatcher.Match(["code", "name", "manager", "parent_code"]).RepeatedColumns);

    [Fact]
    public void A_header_of_nothing_known_has_no_kind() => Assert.Null(HeaderMatcher.Match(["说明", "内容"]).Kind);

    [Fact]
    public void Each_field_keeps_its_header_as_written()
    {
        var match = HeaderMatcher.Match(["检查编号", " Department ", "月份", "kind (检查类型)", "得分"]);

        Assert.Equal(["检查编号", "Department", "月份", "kind (检查类型)", "得分"],
            new[] { "check_id", "department", "month", "kind", "score" }.Select(match.HeaderOf));
        Assert.Equal("note", match.HeaderOf("note")); // a field the file lacks: by its contract name
    }

    [Fact]
    public void A_header_cell_that_would_read_back_as_another_field_is_kept_by_its_contract_name()
    {
        // "customer/note" names both fields; the matcher gave it to note (customer took the cell before it), but read
        // back alone it would name customer: the row's column would have the wrong key, so note is recorded as note.
        var match = HeaderMatcher.Match(["response_id", "department", "quarter", "customer", "question", "score", "customer/note"]);

        Assert.Equal(6, match.Columns["note"]);
        Assert.Equal("note", match.HeaderOf("note"));
        Assert.Equal("customer", match.HeaderOf("customer"));
    }
}
