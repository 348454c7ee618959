using System.Globalization;

namespace QualityAnalytics.Warehouse.Semantic;

/// <summary>A dimension a query may group or filter by, and the column that holds it in each mart that has it.</summary>
public sealed record DimensionDef(string Name, string LabelZh, string LabelEn);

/// <summary>A measure: aggregates over one mart, written by us (never by the caller). The database sums and counts;
/// the division and the rounding (half away from zero) happen here, in decimal, because the engines differ there:
/// SQLite has no decimal type (it averages in binary floating point, so 88.175 may round down) and PostgreSQL's
/// numeric is exact. Done in C#, the same data gives the same number on both.</summary>
/// <param name="Numerator">An aggregate: a count, or a sum.</param>
/// <param name="Denominator">An aggregate the numerator is divided by (null: none); a zero or null one gives no value.</param>
/// <param name="Decimals">The places the value is rounded to; null for a count, which is a whole number as it stands.</param>
public sealed record MeasureDef(string Name, string Mart, string Numerator, string? Denominator, int? Decimals, string LabelZh, string LabelEn, string Format)
{
    /// <summary>A count or a sum: its parts add up to its total, so a part's share of the total means something (an
    /// average's or a rate's does not).</summary>
    public bool Additive => Denominator is null;

    /// <summary>The measure's value from what the database returned for its aggregates (DBNull already made null).</summary>
    public object? Value(object? numerator, object? denominator)
    {
        if (numerator is null) return null;
        if (Decimals is not { } places) return Convert.ToInt64(numerator, CultureInfo.InvariantCulture);
        var value = Number(numerator);
        if (Denominator is not null)
        {
            if (denominator is null || Number(denominator) == 0m) return null;
            value /= Number(denominator);
        }
        return Model.Decimals.Trimmed(Math.Round(value, places, MidpointRounding.AwayFromZero));
    }

    /// <summary>A sum as a decimal. PostgreSQL gives numeric (exact). SQLite gives a double when the summed text held
    /// decimals: its binary error sits far below the 15 significant digits the conversion keeps, so the decimal that
    /// was summed comes back.</summary>
    private static decimal Number(object value) => value switch
    {
        decimal d => d,
        double d => Convert.ToDecimal(d, CultureInfo.InvariantCulture),
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };
}

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

    // CAST(… AS NUMERIC): a no-op on PostgreSQL; on SQLite it turns the text a decimal is stored as into a number.
    public static readonly IReadOnlyList<MeasureDef> Measures =
    [
        Average("total", "assessment", "total", "总分", "Total score"),
        Average("self_check", "assessment", "self_check", "自查得分", "Self-check"),
        Average("survey", "assessment", "survey", "问卷得分", "Survey"),
        Average("complaint_score", "assessment", "complaint", "投诉得分", "Complaint score"),
        Sum("callback_deduction", "assessment", "callback_deduction", "回访扣分", "Callback deductions", "0.00"),
        Sum("amount", "assessment", "amount", "奖惩金额", "Reward / penalty (yuan)", "#,0.00"),
        Count("departments", "assessment", "COUNT(*)", "部门数", "Departments"),
        Count("excellent", "assessment", "SUM(CASE WHEN grade = 'excellent' THEN 1 ELSE 0 END)", "优秀", "Excellent"),
        Count("passed", "assessment", "SUM(CASE WHEN grade = 'pass' THEN 1 ELSE 0 END)", "合格", "Pass"),
        Count("failed", "assessment", "SUM(CASE WHEN grade = 'fail' THEN 1 ELSE 0 END)", "不合格", "Fail"),
        Count("withheld", "assessment", "SUM(CASE WHEN grade = 'withheld' THEN 1 ELSE 0 END)", "未考核", "Not assessed"),
        Count("complaints", "complaints", "SUM(complaints)", "投诉数", "Complaints"),
        Count("valid_complaints", "complaints", "SUM(valid_complaints)", "有效投诉", "Valid complaints"),
        Sum("direct_deduction", "complaints", "direct_deduction", "主业直接扣分", "Direct deductions", "0.00"),
        Count("replied_late", "complaints", "SUM(replied_late)", "超24小时回复", "Replies over 24 h"),
        Count("reply_overdue", "complaints", "SUM(reply_overdue)", "逾期未回复", "Unanswered past 24 h"),
        // As the report's compliance: on time over those done plus those still open past their deadline (an overdue
        // complaint is a miss already; one still within its deadline counts neither way).
        Rate("reply_on_time_rate", "complaints", "SUM(replied) - SUM(replied_late)", "SUM(replied) + SUM(reply_overdue)", "按时回复率", "On-time reply rate"),
        Count("resolved_late", "complaints", "SUM(resolved_late)", "超3个工作日解决", "Solutions over 3 working days"),
        Count("resolve_overdue", "complaints", "SUM(resolve_overdue)", "逾期未解决", "Unsolved past 3 working days"),
        Rate("resolve_on_time_rate", "complaints", "SUM(resolved) - SUM(resolved_late)", "SUM(resolved) + SUM(resolve_overdue)", "按时解决率", "On-time solution rate"),
        Rate("satisfaction_rate", "complaints", "SUM(satisfied) + SUM(neutral)", "SUM(satisfied) + SUM(neutral) + SUM(dissatisfied)", "处理满意率", "Satisfaction"),
        Count("checks", "checks", "SUM(checks)", "检查次数", "Checks"),
        new("check_score", "checks", "SUM(CAST(score_sum AS NUMERIC))", "SUM(checks)", 2, "检查平均分", "Average check score", "0.00"),
    ];

    /// <summary>The mean of a decimal column over the rows that have it (as AVG: nulls left out), to 2 places.</summary>
    private static MeasureDef Average(string name, string mart, string column, string zh, string en) =>
        new(name, mart, $"SUM(CAST({column} AS NUMERIC))", $"COUNT({column})", 2, zh, en, "0.00");

    private static MeasureDef Sum(string name, string mart, string column, string zh, string en, string format) =>
        new(name, mart, $"SUM(CAST({column} AS NUMERIC))", null, 2, zh, en, format);

    private static MeasureDef Count(string name, string mart, string sql, string zh, string en) => new(name, mart, sql, null, null, zh, en, "0");

    /// <summary>A share of whole counts, to 4 places (0.0% shown).</summary>
    private static MeasureDef Rate(string name, string mart, string part, string whole, string zh, string en) => new(name, mart, part, whole, 4, zh, en, "0.0%");

    public static MeasureDef? Measure(string name) => Measures.FirstOrDefault(m => m.Name == name);
    public static MartDef Mart(string name) => Marts.First(m => m.Name == name);
}
