using QualityAnalytics.Reports.Analysis.Statistics;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Reports.Resources;

namespace QualityAnalytics.Reports.Analysis;

/// <summary>Everything the quality meeting (第十五条) sees about one quarter: the one record the report and the dashboard
/// read. Quarters are written "2026Q2", months "2026-05".</summary>
public sealed record QuarterAnalysis(
    string Quarter,
    DateTime AsOf,
    IReadOnlyList<string> History,
    AnalysisOptions Options,
    IReadOnlyList<DepartmentTrends> Trends,
    ControlChartSection ControlCharts,
    ParetoSection Pareto,
    SurveySection Survey,
    ServiceTargetSection ServiceTargets,
    InflationSection Inflation,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<string> Notes)
{
    /// <summary>The moment each quarter of the history (and the quarter) has its open complaints judged at, Asia/Shanghai
    /// wall time (OpenComplaintsAsOf): the history's service targets go by these, each quarter by its own.</summary>
    public IReadOnlyDictionary<string, DateTime> QuarterAsOf { get; init; } = new Dictionary<string, DateTime>();
}

// ---------- trends ----------

/// <summary>One quarter's value of a metric.</summary>
public sealed record SeriesPoint(string Quarter, decimal Value);

/// <summary>A next-quarter forecast with its prediction interval (bounds null when the fit has no degrees of freedom).</summary>
public sealed record Forecast(string Quarter, decimal Value, decimal? Lower, decimal? Upper, double Confidence);

/// <summary>Change of the analysed quarter against another (环比: previous quarter; 同比: same quarter last year).
/// Relative is the difference over the earlier value (null when that is 0).</summary>
public sealed record Change(string Against, decimal Previous, decimal Current, decimal Difference, decimal? Relative);

/// <summary>
/// A metric's trend over the history: least-squares slope per quarter with inference, the verdict at α, a forecast, 环比 and 同比.
/// Direction is improving, declining, no_significant_change or undefined (no p-value: see <see cref="Reason"/>); it reads
/// the slope through <see cref="HigherIsBetter"/> (more complaints is declining).
/// </summary>
public sealed record MetricTrend(
    string Metric,
    string Label,
    bool HigherIsBetter,
    IReadOnlyList<SeriesPoint> Series,
    LinearTrend? Fit,
    string Direction,
    string? Reason,
    Forecast? Forecast,
    Change? QuarterOnQuarter,
    Change? YearOnYear);

public sealed record DepartmentTrends(string DepartmentCode, string DepartmentName, IReadOnlyList<MetricTrend> Metrics)
{
    public MetricTrend? Metric(string metric) => Metrics.FirstOrDefault(m => m.Metric == metric);
}

// ---------- control charts ----------

/// <summary>A department's charts: XmR of its monthly self-check means, c-chart of its monthly valid complaints.</summary>
public sealed record DepartmentControlCharts(string DepartmentCode, string DepartmentName, XmRResult? SelfCheck, ControlChart? Complaints);

/// <summary>Per-department charts, and company-wide: valid complaints per working day (u), late replies (p, the findings'
/// signal) and its mirror, replies on time (p, the report's figure, with the months it leaves out), monthly.</summary>
public sealed record ControlChartSection(IReadOnlyList<DepartmentControlCharts> Departments, ControlChart? ComplaintsPerWorkingDay, ControlChart? LateReplies,
    ReplyProportionChart OnTimeReplies);

// ---------- Pareto ----------

/// <summary>Pareto of complaint categories over valid complaints: by count and by direct deductions for the quarter, and by
/// count over the whole history.</summary>
public sealed record ParetoSection(ParetoResult ByCount, ParetoResult ByDeduction, ParetoResult HistoryByCount, string Basis);

// ---------- survey ----------

/// <summary>One question's answers (raw, on its scale) this quarter and last, with Welch's test of the change.
/// DepartmentCode null: all departments together. Direction as a trend's, or no_previous when the question has no answers
/// last quarter (nothing to compare with, whatever this quarter's sample).</summary>
public sealed record SurveyQuestionStatistic(
    string? DepartmentCode,
    string Question,
    string Text,
    decimal Scale,
    MeanInterval Current,
    MeanInterval Previous,
    WelchTest Change,
    string Direction,
    bool SmallSample);

/// <summary>Warnings: the small-sample lines `qa analyze` prints (both languages in one line); SmallSamples: the same
/// departments as data, so that the PDF can write them in its own language.</summary>
public sealed record SurveySection(IReadOnlyList<SurveyQuestionStatistic> Questions, IReadOnlyList<string> Warnings,
    IReadOnlyList<SmallSurveySample> SmallSamples);

/// <summary>A department with fewer questionnaires than AnalysisOptions.SmallSurveySample this quarter (Current) or last
/// quarter when it had any (Previous).</summary>
public sealed record SmallSurveySample(string DepartmentCode, int Current, int Previous);

// ---------- service targets ----------

/// <summary>On time, late (done late, or still open past the deadline) and pending (open, deadline not yet passed);
/// rate = on time / (on time + late), null when nothing is decided.</summary>
public sealed record Compliance(int OnTime, int Late, int Pending, double? Rate, double Target, bool? Met);

/// <summary>Satisfaction over complaints whose customer was asked. Rate = (satisfied + neutral) / asked; StrictRate =
/// satisfied / asked, shown for reference.</summary>
public sealed record SatisfactionRate(int Asked, int Satisfied, int Neutral, int Dissatisfied, double? Rate, double? StrictRate, double Target, bool? Met);

/// <summary>One department's (or, with DepartmentCode null, the company's) service targets in one quarter.</summary>
public sealed record ServiceTargetRow(string Quarter, string? DepartmentCode, int Complaints, Compliance Reply, Compliance Solution, SatisfactionRate Satisfaction);

/// <summary>A complaint that missed a target (late or overdue): which (reply or solution), when it was due, when it was done
/// (null: still open), with its channel and category so that a page's slicers can narrow the list as they narrow its numbers.</summary>
public sealed record LateComplaint(string ComplaintId, string DepartmentCode, string Target, DateTime ReceivedAt, DateTime Due, DateTime? DoneAt, string Status,
    string? Channel = null, string? Category = null)
{
    /// <summary>The deadline as the report prints it (a solution's as its day's 24:00), sent so that no page words it again.</summary>
    public string DueText => ServiceTargetRules.DeadlineText(Due);
}

/// <param name="UncalendaredYears">Years after the warehouse calendar's last official year that the quarter's solution
/// deadlines count days in: their holidays and 调休 are not known yet, so those days follow the weekday rule.</param>
/// <param name="Targets">The analysed quarter's targets (the policy version in force for it), which <paramref name="Definitions"/>
/// and the findings name; each row of <paramref name="History"/> was judged by its own quarter's.</param>
public sealed record ServiceTargetSection(IReadOnlyList<string> Definitions, IReadOnlyList<ServiceTargetRow> Quarter, IReadOnlyList<ServiceTargetRow> History,
    IReadOnlyList<LateComplaint> Late, IReadOnlyList<int> UncalendaredYears, ServiceTargetRules Targets);

// ---------- self-check inflation ----------

/// <summary>Self minus spot check, averaged over the months of a quarter the working group spot-checked.</summary>
public sealed record InflationQuarter(string Quarter, int PairedMonths, decimal? MeanGap, bool Inflated);

/// <summary>A department's self − spot gaps by quarter, how many consecutive quarters up to the analysed one were inflated,
/// and a one-sided paired t-test (gap &gt; 0) over every spot-checked month of the history.</summary>
public sealed record DepartmentInflation(string DepartmentCode, string DepartmentName, IReadOnlyList<InflationQuarter> Quarters, int ConsecutiveInflated,
    int PairedMonths, double? MeanGap, double? PValue, bool Persistent);

/// <summary>A high self-check in the quarter beside many valid complaints.</summary>
public sealed record HighSelfCheckManyComplaints(string DepartmentCode, string DepartmentName, decimal SelfCheckMean, int ValidComplaints, double Threshold);

public sealed record InflationSection(IReadOnlyList<DepartmentInflation> Departments, IReadOnlyList<HighSelfCheckManyComplaints> HighSelfCheckManyComplaints, IReadOnlyList<string> Definitions);

// ---------- findings ----------

/// <summary>
/// A problem for the quality meeting (第十五条: 分析存在的问题), ranked by <see cref="Severity"/> (0–100). Text comes
/// in Chinese first and English; <see cref="Key"/> and <see cref="Parameters"/> let a front end word it itself.
/// <see cref="Points"/> names what broke (months, complaint ids, questions, categories). The evidence comes as clauses
/// (a declining department's total, each measure's trend, the forecast, the chart's signals) so that a page can list them;
/// <see cref="EvidenceZh"/> and <see cref="EvidenceEn"/> are the clauses as one sentence, as the report prints them.
/// </summary>
public sealed record Finding(
    int Rank,
    string Kind,
    double Severity,
    string? DepartmentCode,
    string? DepartmentName,
    string Key,
    IReadOnlyDictionary<string, string> Parameters,
    string TitleZh,
    string TitleEn,
    IReadOnlyList<string> EvidenceZhClauses,
    IReadOnlyList<string> EvidenceEnClauses,
    IReadOnlyList<string> Points)
{
    // Each language's clause separator: a full-width ； inside Chinese text (it was a half-width ";").
    public string EvidenceZh => string.Join(FindingsText.Chinese["ClauseSeparator"], EvidenceZhClauses);
    public string EvidenceEn => string.Join(FindingsText.English["ClauseSeparator"], EvidenceEnClauses);
}

/// <summary>The kinds of <see cref="Finding"/>.</summary>
public static class FindingKinds
{
    public const string GradeFail = "grade_fail";
    public const string TrendDeclining = "trend_declining";
    public const string ControlSignal = "control_signal";
    public const string ParetoVitalFew = "pareto_vital_few";
    public const string ServiceTargetMissed = "service_target_missed";
    public const string SurveyDecline = "survey_decline";
    public const string SelfCheckInflation = "self_check_inflation";
    public const string HighSelfCheckManyComplaints = "high_self_check_many_complaints";
}

/// <summary>Metric ids of <see cref="MetricTrend"/>.</summary>
public static class Metrics
{
    public const string Total = "total";
    public const string SelfCheck = "self_check";
    public const string Survey = "survey";
    public const string Complaint = "complaint";
    public const string ComplaintCount = "complaint_count";
    public const string SatisfactionRate = "satisfaction_rate";
}
