using QualityAnalytics.Warehouse.Calendar;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Reports.Analysis;

/// <summary>A department as the analysed quarter names it.</summary>
public sealed record DepartmentInfo(string Code, string Name);

/// <summary>Grain: one row per department and quarter, from the assessment mart (scores stay decimal, as scored).</summary>
public sealed record QuarterScore(Quarter Quarter, string DepartmentCode, decimal? SelfCheck, decimal? Survey, decimal Complaint, decimal? Total, string Grade, decimal Amount);

/// <summary>Grain: one row per department, month and kind ("self" or "spot"): the mean of that month's check records.</summary>
public sealed record MonthlyCheck(string DepartmentCode, DateOnly Month, string Kind, decimal Mean, int Records);

/// <summary>Grain: one row per complaint. Times are local wall time, Asia/Shanghai. Satisfaction: satisfied, neutral,
/// dissatisfied or null (not asked yet). Channel: the contract's channel word (电话…), null where a test does not say.</summary>
public sealed record ComplaintRecord(
    string ComplaintId, string DepartmentCode, Quarter Quarter, DateTime ReceivedAt, DateTime? RepliedAt, DateTime? ResolvedAt,
    bool Valid, string Category, decimal? DirectDeduction, string? Satisfaction, string? Channel = null);

/// <summary>A survey question with its scale maximum.</summary>
public sealed record QuestionInfo(string Question, string Text, decimal Scale);

/// <summary>Grain: one answer (one question of one questionnaire). Questionnaires the committee excluded are not here.</summary>
public sealed record SurveyAnswerRecord(string ResponseId, string DepartmentCode, Quarter Quarter, string Question, decimal Score);

/// <summary>Everything the analysis reads, gathered by <see cref="AnalysisInputReader"/> (or built by hand in tests).
/// <paramref name="AsOf"/> is the local time the analysed quarter's complaints are judged at (an open complaint past its
/// deadline by then is overdue; one due later is pending, whenever the analysis is run): the rule of
/// <see cref="OpenComplaintsAsOf"/>; other quarters of the history are judged as of their own (<see cref="QuarterAsOf"/>).
/// <paramref name="DataFrom"/> is the first month with any fact: charts start there, not before the warehouse's history.</summary>
public sealed record AnalysisInput(
    Quarter Quarter,
    DateTime AsOf,
    IReadOnlyList<Quarter> History,
    IReadOnlyList<DepartmentInfo> Departments,
    IReadOnlyList<QuarterScore> Scores,
    IReadOnlyList<MonthlyCheck> Checks,
    IReadOnlyList<ComplaintRecord> Complaints,
    IReadOnlyList<QuestionInfo> Questions,
    IReadOnlyList<SurveyAnswerRecord> SurveyAnswers,
    WorkdayCalendar Calendar,
    DateOnly? DataFrom = null)
{
    /// <summary>pass_at of the policy version in force for <see cref="Quarter"/>: a fail is a total below it (第十三条). The
    /// findings name it; 95 is the default policy's value, not a rule of the analysis.</summary>
    public decimal PassAt { get; init; } = 95m;

    /// <summary>Each quarter's own as-of moment (<see cref="OpenComplaintsAsOf"/>); a quarter not listed is judged as of
    /// <see cref="AsOf"/> (inputs built by hand in tests list none).</summary>
    public IReadOnlyDictionary<Quarter, DateTime> QuarterAsOf { get; init; } = new Dictionary<Quarter, DateTime>();

    /// <summary>The moment the open complaints of <paramref name="quarter"/> are judged at.</summary>
    public DateTime AsOfFor(Quarter quarter) => QuarterAsOf.TryGetValue(quarter, out var asOf) ? asOf : AsOf;

    /// <summary>The service targets of the policy version in force for <see cref="Quarter"/> (<see cref="PolicySet.ServiceTargetsFor"/>,
    /// the lookup the complaint mart uses too); policy §7's by default (inputs built by hand in tests).</summary>
    public ServiceTargetRules Targets { get; init; } = ServiceTargetRules.Default;

    /// <summary>Each quarter's own targets, for a history that spans policy versions; a quarter not listed is judged by
    /// <see cref="Targets"/>.</summary>
    public IReadOnlyDictionary<Quarter, ServiceTargetRules> QuarterTargets { get; init; } = new Dictionary<Quarter, ServiceTargetRules>();

    /// <summary>The targets the complaints of <paramref name="quarter"/> are judged by.</summary>
    public ServiceTargetRules TargetsFor(Quarter quarter) => QuarterTargets.TryGetValue(quarter, out var targets) ? targets : Targets;
}
