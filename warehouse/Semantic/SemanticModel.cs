using System.Globalization;

namespace QualityAnalytics.Warehouse.Semantic;

/// <summary>A dimension a query may group or filter by, and the column that holds it in each mart that has it. Its
/// label is the resource's (SemanticText.resx, zh-CN, and SemanticText.en.resx).</summary>
public sealed record DimensionDef(string Name)
{
    public string LabelZh => SemanticText.Of("dimension." + Name).Zh;
    public string LabelEn => SemanticText.Of("dimension." + Name).En;
}

/// <summary>A measure: aggregates over one mart, written by us (never by the caller). The database sums and counts;
/// the division and the rounding (half away from zero) happen here, in decimal, because the engines differ there:
/// SQLite has no decimal type (it averages in binary floating point, so 88.175 may round down) and PostgreSQL's
/// numeric is exact. Done in C#, the same data gives the same number on both.</summary>
/// <param name="Numerator">An aggregate: a count, or a sum.</param>
/// <param name="Denominator">An aggregate the numerator is divided by (null: none); a zero or null one gives no value.</param>
/// <param name="Decimals">The places the value is rounded to; null for a count, which is a whole number as it stands.</param>
/// <param name="Target">The service target (policy §7) whose deadline the measure counts against, if any: its label
/// names the deadline the quarters asked about are judged by (<see cref="MeasureLabels"/>).</param>
public sealed record MeasureDef(string Name, string Mart, string Numerator, string? Denominator, int? Decimals, string Format, ServiceTarget Target = ServiceTarget.None)
{
    /// <summary>The label with no deadline named (the neutral one of a deadline's measure), from the resources.</summary>
    public string LabelZh => SemanticText.Of("measure." + Name).Zh;
    public string LabelEn => SemanticText.Of("measure." + Name).En;

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
        new("quarter"), new("month"), new("department"), new("grade"), new("channel"), new("category"), new("kind"),
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
        Average("total", "assessment", "total"),
        Average("self_check", "assessment", "self_check"),
        Average("survey", "assessment", "survey"),
        Average("complaint_score", "assessment", "complaint"),
        Sum("callback_deduction", "assessment", "callback_deduction", "0.00"),
        Sum("amount", "assessment", "amount", "#,0.00"),
        Count("departments", "assessment", "COUNT(*)"),
        Count("excellent", "assessment", "SUM(CASE WHEN grade = 'excellent' THEN 1 ELSE 0 END)"),
        Count("passed", "assessment", "SUM(CASE WHEN grade = 'pass' THEN 1 ELSE 0 END)"),
        Count("failed", "assessment", "SUM(CASE WHEN grade = 'fail' THEN 1 ELSE 0 END)"),
        Count("withheld", "assessment", "SUM(CASE WHEN grade = 'withheld' THEN 1 ELSE 0 END)"),
        Count("complaints", "complaints", "SUM(complaints)"),
        Count("valid_complaints", "complaints", "SUM(valid_complaints)"),
        Sum("direct_deduction", "complaints", "direct_deduction", "0.00"),
        Count("replied_late", "complaints", "SUM(replied_late)", ServiceTarget.Reply),
        Count("reply_overdue", "complaints", "SUM(reply_overdue)", ServiceTarget.Reply),
        // As the report's compliance: on time over those done plus those still open past their deadline (an overdue
        // complaint is a miss already; one still within its deadline counts neither way).
        Rate("reply_on_time_rate", "complaints", "SUM(replied) - SUM(replied_late)", "SUM(replied) + SUM(reply_overdue)"),
        Count("resolved_late", "complaints", "SUM(resolved_late)", ServiceTarget.Solution),
        Count("resolve_overdue", "complaints", "SUM(resolve_overdue)", ServiceTarget.Solution),
        Rate("resolve_on_time_rate", "complaints", "SUM(resolved) - SUM(resolved_late)", "SUM(resolved) + SUM(resolve_overdue)"),
        Rate("satisfaction_rate", "complaints", "SUM(satisfied) + SUM(neutral)", "SUM(satisfied) + SUM(neutral) + SUM(dissatisfied)"),
        Count("checks", "checks", "SUM(checks)"),
        new("check_score", "checks", "SUM(CAST(score_sum AS NUMERIC))", "SUM(checks)", 2, "0.00"),
    ];

    /// <summary>The mean of a decimal column over the rows that have it (as AVG: nulls left out), to 2 places.</summary>
    private static MeasureDef Average(string name, string mart, string column) =>
        new(name, mart, $"SUM(CAST({column} AS NUMERIC))", $"COUNT({column})", 2, "0.00");

    private static MeasureDef Sum(string name, string mart, string column, string format) =>
        new(name, mart, $"SUM(CAST({column} AS NUMERIC))", null, 2, format);

    private static MeasureDef Count(string name, string mart, string sql, ServiceTarget target = ServiceTarget.None) => new(name, mart, sql, null, null, "0", target);

    /// <summary>A share of whole counts, to 4 places (0.0% shown).</summary>
    private static MeasureDef Rate(string name, string mart, string part, string whole) => new(name, mart, part, whole, 4, "0.0%");

    public static MeasureDef? Measure(string name) => Measures.FirstOrDefault(m => m.Name == name);
    public static MartDef Mart(string name) => Marts.First(m => m.Name == name);
}
