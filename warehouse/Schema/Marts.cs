namespace QualityAnalytics.Warehouse.Schema;

/// <summary>The columns of an assessment, shared by the working draft and the approved snapshot.</summary>
public abstract class AssessmentColumns
{
    public long Id { get; set; }
    public int QuarterKey { get; set; }
    public required string DepartmentCode { get; set; }
    public required string DepartmentName { get; set; }
    public required string PolicyVersion { get; set; }
    public decimal? SelfCheckBase { get; set; }
    public decimal ConsistencyPenalty { get; set; }
    public decimal? SelfCheck { get; set; }
    public decimal? Survey { get; set; }
    public decimal Complaint { get; set; }
    public decimal CallbackDeduction { get; set; }
    public decimal? Total { get; set; }
    /// <summary>excellent, pass, fail or withheld.</summary>
    public required string Grade { get; set; }
    public decimal Amount { get; set; }
    public int? Rank { get; set; }
    public bool Complete { get; set; }
    /// <summary>JSON array of component names.</summary>
    public required string Missing { get; set; }
    /// <summary>JSON array of warning sentences.</summary>
    public required string Warnings { get; set; }
    /// <summary>JSON array of {component, formula, source_ids}: the lineage of every number.</summary>
    public required string Explanation { get; set; }
    /// <summary>JSON array of the load batch ids whose rows fed this assessment.</summary>
    public required string SourceBatches { get; set; }
    /// <summary>Hash of the quarter's facts and the policy: a different one means the data changed since.</summary>
    public required string InputFingerprint { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
    /// <summary>True on the rows of the policy version a quarter was last scored under: the ones the dashboard shows.</summary>
    public bool IsCurrent { get; set; }
}

/// <summary>Grain: one row per department, quarter and policy version: the current (draft) assessment, recomputed
/// whenever the quarter's data changes.</summary>
public sealed class MartAssessment : AssessmentColumns;

/// <summary>Grain: one row per department of an approved quarter and policy version. Written once, at approval
/// (第六条: the committee 审定 the results), and never changed afterwards.</summary>
public sealed class ApprovedAssessment : AssessmentColumns
{
    public long ApprovalId { get; set; }
}

/// <summary>Grain: one row per approved quarter and policy version: who approved, when.</summary>
public sealed class QuarterApproval
{
    public long Id { get; set; }
    public int QuarterKey { get; set; }
    public required string PolicyVersion { get; set; }
    /// <summary>The approved version's values as they were at approval (<see cref="Scoring.PolicyFingerprint"/>): an
    /// approval keeps the version's name, and a later edit of that version's values in policy.json (a weight, a target)
    /// would otherwise change what the approved quarter's report explains without anyone being told. Null for approvals
    /// made before the fingerprint was kept.</summary>
    public string? PolicyFingerprint { get; set; }
    /// <summary>The approved version itself as it was at approval, written as a one-version policy file
    /// (<see cref="Scoring.PolicyFileWriter"/>): the report of the approved quarter explains and judges it by these values
    /// even after policy.json is edited, and the Policy page lists what changed since (<see cref="Scoring.ApprovedPolicy"/>).
    /// Null for approvals made before the values were kept (only the fingerprint tells of an edit then).</summary>
    public string? PolicyJson { get; set; }
    public required string ApprovedBy { get; set; }
    public DateTimeOffset ApprovedAt { get; set; }
    /// <summary>The latest load batch when the quarter was approved: a later batch that writes the quarter corrects it
    /// under the approval (<see cref="Marts.ApprovedQuartersChanged"/>). Batch ids only grow, where two moments on a
    /// clock can be equal (a load and an approval in the same second). Null for approvals made before this was kept
    /// (their time decides) and for an approval before any load.</summary>
    public long? LastBatchId { get; set; }
    public string? Note { get; set; }
}
