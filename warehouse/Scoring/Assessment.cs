using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Warehouse.Scoring;

/// <summary>优秀 / 合格 / 不合格 / 未考核 (policy §4, §5).</summary>
public enum Grade { Excellent, Pass, Fail, Withheld }

/// <summary>
/// The lineage of one number: <paramref name="Component"/> (S, V, C, K, T, Grade, Amount), the arithmetic written out with
/// the row ids that fed it (<paramref name="Formula"/> in English, <paramref name="FormulaZh"/> in Chinese; null in
/// lines scored before both were kept), and those ids.
/// </summary>
public sealed record ScoreLine(string Component, string Formula, IReadOnlyList<string> SourceIds, string? FormulaZh = null)
{
    public static ScoreLine Of(string component, Phrase formula, IReadOnlyList<string> sourceIds) => new(component, formula.En, sourceIds, formula.Zh);

    /// <summary>The formula in <paramref name="culture"/>'s language (English where no Chinese was kept).</summary>
    public string FormulaIn(System.Globalization.CultureInfo culture) => Phrase.IsChinese(culture) && FormulaZh is not null ? FormulaZh : Formula;
}

/// <summary>
/// The assessment of one department in one quarter. <paramref name="Warnings"/> are in English, <paramref name="WarningsZh"/>
/// the same in Chinese (null in assessments stored before both were kept). Grain: one row per department per quarter.
/// Components are rounded to 2 decimals; a null component is missing (no data), never zero.
/// </summary>
public sealed record Assessment(
    string DepartmentCode,
    string DepartmentName,
    Quarter Quarter,
    string PolicyVersion,
    decimal? SelfCheckBase,
    decimal ConsistencyPenalty,
    decimal? SelfCheck,
    decimal? Survey,
    decimal Complaint,
    decimal CallbackDeduction,
    decimal? Total,
    Grade Grade,
    decimal Amount,
    bool Complete,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<ScoreLine> Explanation,
    IReadOnlyList<string>? WarningsZh = null)
{
    /// <summary>The data warnings in <paramref name="culture"/>'s language (English where no Chinese was kept).</summary>
    public IReadOnlyList<string> WarningsIn(System.Globalization.CultureInfo culture) =>
        Phrase.IsChinese(culture) && WarningsZh is not null ? WarningsZh : Warnings;
}
