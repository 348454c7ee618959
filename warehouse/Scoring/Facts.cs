using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Warehouse.Scoring;

// The inputs of the scoring stage: plain facts, already staged and loaded (one record per row of the warehouse fact tables).

/// <summary>自查 (the department's own monthly check) or 抽查 (the working group's spot check), 第十条.</summary>
public enum CheckKind { Self, Spot }

/// <summary>What the working group found when auditing one phone callback record (第八条 4).</summary>
public enum CallbackFinding { None, Incomplete, Mismatch }

/// <summary>An assessed unit (第四条). Departments are data, not code.</summary>
public sealed record DepartmentRef(string Code, string Name);

/// <summary>One check score 0–100. Grain: one row per check. <paramref name="Month"/> is the 1st of the month checked.</summary>
public sealed record CheckFact(string CheckId, string DepartmentCode, DateOnly Month, CheckKind Kind, decimal Score);

/// <summary>A question of the 《服务满意度》 questionnaire: its weight and the maximum of its answer scale.</summary>
public sealed record SurveyQuestionFact(string Question, decimal Weight, decimal Scale);

/// <summary>One answer to one question. Grain: one row per question per questionnaire (<paramref name="ResponseId"/>).</summary>
public sealed record SurveyAnswerFact(
    string ResponseId, string DepartmentCode, Quarter Quarter, string Question, decimal Score,
    bool Excluded, string? ExcludedBy = null, string? ExcludedReason = null);

/// <summary>One complaint (附件4). <paramref name="ReceivedAt"/> is Asia/Shanghai wall time.</summary>
public sealed record ComplaintFact(string ComplaintId, string DepartmentCode, DateTime ReceivedAt, bool Valid, decimal? DirectDeduction);

/// <summary>One audited callback. A null <paramref name="Deduction"/> means "the policy default for the finding".</summary>
public sealed record CallbackFact(string CallbackId, string DepartmentCode, DateOnly CalledOn, CallbackFinding Finding, decimal? Deduction);

/// <summary>
/// Everything the engine needs for one quarter. The lists may hold facts of other quarters: the engine keeps
/// only those inside <paramref name="Quarter"/>.
/// </summary>
public sealed record QuarterFacts(
    Quarter Quarter,
    IReadOnlyList<DepartmentRef> Departments,
    IReadOnlyList<CheckFact> Checks,
    IReadOnlyList<SurveyQuestionFact> Questions,
    IReadOnlyList<SurveyAnswerFact> Answers,
    IReadOnlyList<ComplaintFact> Complaints,
    IReadOnlyList<CallbackFact> Callbacks);
