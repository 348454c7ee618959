using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Warehouse.Scoring;

/// <summary>优秀 / 合格 / 不合格 / 未考核 (policy §4, §5).</summary>
public enum Grade { Excellent, Pass, Fail, Withheld }

/// <summary>
/// The lineage of one number: <paramref name="Component"/> (S, V, C, K, T, Grade, Amount), the arithmetic written out with
/// the row ids that fed it, and those ids.
/// </summary>
public sealed record ScoreLine(string Component, string Formula, IReadOnlyList<string> SourceIds);

/// <summary>
/// The assessment of one department in one quarter. Grain: one row per department per quarter.
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
    IReadOnlyList<ScoreLine> Explanation);
