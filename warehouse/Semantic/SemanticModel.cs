namespace QualityAnalytics.Warehouse.Semantic;

/// <summary>A dimension a query may group or filter by, and the column that holds it in each mart that has it.</summary>
public sealed record DimensionDef(string Name, string LabelZh, string LabelEn);

/// <summary>A measure: an aggregate over one mart, written by us (never by the caller).</summary>
public sealed record MeasureDef(string Name, string Mart, string Sql, string LabelZh, string LabelEn, string Format);

/// <summary>A mart as the query API sees it: its table, and the column of each dimension it carries.</summary>
public sealed record MartDef(string Name, string Table, IReadOnlyDictionary<string, string> Dimensions, string? RowFilter = null);

/// <summary>The whitelist behind /api/query: every measure, dimension and mart by name. Nothing the caller sends
/// becomes SQL except through these names; values always go in as parameters. Row-level security is applied in
/// <see cref="SemanticQuery"/>, on the department column every mart has.</summary>
public static class SemanticModel
{
    public static readonly IReadOnlyList<DimensionDef> Dimensions =
    [
        new("quarter", "季度", "Quarter"),
        new("month", "月份", "Month"),
        new("department", "部门", "Department"),
        new("grade", "等次", "Grade"),
        new("channel", "投诉渠道", "Channel"),
        new("category", "投诉类别", "Category"),
        new("kind", "检查类型", "Check kind"),
    ];

    public static readonly IReadOnlyList<MartDef> Marts =
    [
        new("assessment", "mart_assessment", new Dictionary<string, string>
        {
            ["quarter"] = "quarter_key", ["department"] = "department_code", ["grade"] = "grade",
        }, RowFilter: "is_current = TRUE"),
        new("complaints", "mart_complaint_summary", new Dictionary<string, string>
        {
            ["quarter"] = "quarter_key", ["month"] = "month_key", ["department"] = "department_code", ["channel"] = "channel", ["category"] = "category",
        }),
        new("checks", "mart_check_monthly", new Dictionary<string, string>
        {
            ["quarter"] = "quarter_key", ["month"] = "month_key", ["department"] = "department_code", ["kind"] = "kind",
        }),
    ];

    public static readonly IReadOnlyList<MeasureDef> Measures =
    [
        new("total", "assessment", "ROUND(AVG(CAST(total AS DOUBLE PRECISION)), 2)", "总分", "Total score", "0.00"),
        new("self_check", "assessment", "ROUND(AVG(CAST(self_check AS DOUBLE PRECISION)), 2)", "自查得分", "Self-check", "0.00"),
        new("survey", "assessment", "ROUND(AVG(CAST(survey AS DOUBLE PRECISION)), 2)", "问卷得分", "Survey", "0.00"),
        new("complaint_score", "assessment", "ROUND(AVG(CAST(complaint AS DOUBLE PRECISION)), 2)", "投诉得分", "Complaint score", "0.00"),
        new("callback_deduction", "assessment", "ROUND(SUM(CAST(callback_deduction AS DOUBLE PRECISION)), 2)", "回访扣分", "Callback deductions", "0.00"),
        new("amount", "assessment", "ROUND(SUM(CAST(amount AS DOUBLE PRECISION)), 2)", "奖惩金额", "Reward / penalty (yuan)", "#,0.00"),
        new("departments", "assessment", "COUNT(*)", "部门数", "Departments", "0"),
        new("excellent", "assessment", "SUM(CASE WHEN grade = 'excellent' THEN 1 ELSE 0 END)", "优秀", "Excellent", "0"),
        new("passed", "assessment", "SUM(CASE WHEN grade = 'pass' THEN 1 ELSE 0 END)", "合格", "Pass", "0"),
        new("failed", "assessment", "SUM(CASE WHEN grade = 'fail' THEN 1 ELSE 0 END)", "不合格", "Fail", "0"),
        new("withheld", "assessment", "SUM(CASE WHEN grade = 'withheld' THEN 1 ELSE 0 END)", "未考核", "Withheld", "0"),
        new("complaints", "complaints", "SUM(complaints)", "投诉数", "Complaints", "0"),
        new("valid_complaints", "complaints", "SUM(valid_complaints)", "有效投诉", "Valid complaints", "0"),
        new("direct_deduction", "complaints", "ROUND(SUM(CAST(direct_deduction AS DOUBLE PRECISION)), 2)", "主业直接扣分", "Direct deductions", "0.00"),
        new("replied_late", "complaints", "SUM(replied_late)", "超24小时回复", "Replies over 24 h", "0"),
        new("reply_on_time_rate", "complaints", "ROUND(1.0 - SUM(replied_late) * 1.0 / NULLIF(SUM(replied), 0), 4)", "24小时回复率", "Replied within 24 h", "0.0%"),
        new("resolved_late", "complaints", "SUM(resolved_late)", "超3个工作日解决", "Solutions over 3 working days", "0"),
        new("resolve_on_time_rate", "complaints", "ROUND(1.0 - SUM(resolved_late) * 1.0 / NULLIF(SUM(resolved), 0), 4)", "3个工作日解决率", "Solved within 3 working days", "0.0%"),
        new("satisfaction_rate", "complaints", "ROUND((SUM(satisfied) + SUM(neutral)) * 1.0 / NULLIF(SUM(satisfied) + SUM(neutral) + SUM(dissatisfied), 0), 4)", "处理满意率", "Satisfaction", "0.0%"),
        new("checks", "checks", "SUM(checks)", "检查次数", "Checks", "0"),
        new("check_score", "checks", "ROUND(SUM(CAST(score_sum AS DOUBLE PRECISION)) / NULLIF(SUM(checks), 0), 2)", "检查平均分", "Average check score", "0.00"),
    ];

    public static MeasureDef? Measure(string name) => Measures.FirstOrDefault(m => m.Name == name);
    public static MartDef Mart(string name) => Marts.First(m => m.Name == name);
}
