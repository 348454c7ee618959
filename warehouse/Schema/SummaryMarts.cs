namespace QualityAnalytics.Warehouse.Schema;

/// <summary>Grain: one row per department, month, channel and category: the complaint counts the dashboard shows,
/// with the service-target flags (reply within 24 h, solution within 3 working days) already worked out. Overdue counts are
/// the complaints still open past their deadline as of the quarter's <see cref="Model.OpenComplaintsAsOf"/>, the moment the
/// report and the analysis judge them at, so that the dashboard's on-time rates are the report's.</summary>
public sealed class MartComplaintSummary
{
    public long Id { get; set; }
    public int QuarterKey { get; set; }
    public int MonthKey { get; set; }
    public required string DepartmentCode { get; set; }
    public required string Channel { get; set; }
    public required string Category { get; set; }
    public int Complaints { get; set; }
    public int ValidComplaints { get; set; }
    public decimal DirectDeduction { get; set; }
    public int Replied { get; set; }
    public int RepliedLate { get; set; }
    /// <summary>Not replied, and the reply deadline had passed as of the quarter's as-of moment.</summary>
    public int ReplyOverdue { get; set; }
    public int Resolved { get; set; }
    public int ResolvedLate { get; set; }
    /// <summary>Not solved, and the solution deadline had passed as of the quarter's as-of moment.</summary>
    public int ResolveOverdue { get; set; }
    public int Satisfied { get; set; }
    public int Neutral { get; set; }
    public int Dissatisfied { get; set; }
}

/// <summary>Grain: one row per complaint: where it stands against policy §7's reply and solution deadlines
/// (<see cref="Scoring.TargetStatus"/>: on_time, late, overdue, pending), judged by the same rule, targets and as-of moment as
/// the <see cref="MartComplaintSummary"/> counts, written in the same rebuild. The drill-down reads it, so the rows behind
/// an on-time rate carry the statuses that rate was counted from. Keyed by (quarter, complaint) and joined on both: a
/// complaint a correction moved to another quarter is judged in the new one, and the old quarter, rebuilt by the same load
/// (<see cref="Marts.SummaryMartRefresher.QuartersTouchedBy"/>), no longer holds it.</summary>
public sealed class MartComplaintStatus
{
    /// <summary>The complaint's <c>fact_complaint.id</c>.</summary>
    public long ComplaintKey { get; set; }
    public int QuarterKey { get; set; }
    public required string ReplyStatus { get; set; }
    public DateTime ReplyDue { get; set; }
    public required string SolutionStatus { get; set; }
    /// <summary>The midnight that ends the deadline's working day (shown as that day's 24:00).</summary>
    public DateTime SolutionDue { get; set; }
}

/// <summary>Grain: one row per department, month and kind of check (self / spot).</summary>
public sealed class MartCheckMonthly
{
    public long Id { get; set; }
    public int QuarterKey { get; set; }
    public int MonthKey { get; set; }
    public required string DepartmentCode { get; set; }
    public required string Kind { get; set; }
    public int Checks { get; set; }
    public decimal ScoreSum { get; set; }
    public decimal AverageScore { get; set; }
}

/// <summary>Grain: one row per department and quarter: the working group's analysis of causes and solutions
/// (第十五条: 查找发生的原因，提出解决的办法), written on the dashboard and printed in the report.</summary>
public sealed class QuarterNote
{
    public long Id { get; set; }
    public int QuarterKey { get; set; }
    public required string DepartmentCode { get; set; }
    public string? Causes { get; set; }
    public string? Solutions { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
