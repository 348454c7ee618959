namespace QualityAnalytics.Warehouse.Schema;

/// <summary>Lineage every fact carries: the batch and file that last wrote it, and the line it came from.</summary>
public abstract class FactBase
{
    public long BatchId { get; set; }
    public long SourceFileId { get; set; }
    public int SourceLine { get; set; }
}

/// <summary>A fact the dashboard's marts count by quarter: its id (which only grows) and its quarter.</summary>
public interface IQuarterFact
{
    long Id { get; }
    int QuarterKey { get; }
}

/// <summary>Grain: one row per check record (a department's self-check or a working-group spot check).</summary>
public sealed class FactCheck : FactBase, IQuarterFact
{
    public long Id { get; set; }
    public required string CheckId { get; set; }
    public int DepartmentKey { get; set; }
    public int MonthKey { get; set; }
    public int QuarterKey { get; set; }
    /// <summary>"self" or "spot".</summary>
    public required string Kind { get; set; }
    public decimal Score { get; set; }
    public string? Inspector { get; set; }
    public int? CheckedOnKey { get; set; }
    public string? Note { get; set; }
}

/// <summary>Grain: one row per deduction item of a check.</summary>
public sealed class FactCheckDeduction : FactBase
{
    public long Id { get; set; }
    public required string CheckId { get; set; }
    public required string Item { get; set; }
    public decimal Points { get; set; }
    public string? Note { get; set; }
}

/// <summary>Grain: one row per answer (one question of one questionnaire). A questionnaire is the rows sharing ResponseId.</summary>
public sealed class FactSurveyAnswer : FactBase, IQuarterFact
{
    public long Id { get; set; }
    public required string ResponseId { get; set; }
    public required string Question { get; set; }
    public int QuestionKey { get; set; }
    public int DepartmentKey { get; set; }
    public int QuarterKey { get; set; }
    public int CustomerKey { get; set; }
    public decimal Score { get; set; }
    public int? SubmittedOnKey { get; set; }
    public bool Excluded { get; set; }
    public string? ExcludedBy { get; set; }
    public string? ExcludedReason { get; set; }
    public string? Note { get; set; }
}

/// <summary>Grain: one row per complaint. Invalid complaints are kept (they cost nothing but are shown).</summary>
public sealed class FactComplaint : FactBase, IQuarterFact
{
    public long Id { get; set; }
    public required string ComplaintId { get; set; }
    public int DepartmentKey { get; set; }
    /// <summary>Local wall time, Asia/Shanghai.</summary>
    public DateTime ReceivedAt { get; set; }
    public int ReceivedDateKey { get; set; }
    public int QuarterKey { get; set; }
    public int ChannelKey { get; set; }
    public bool Valid { get; set; }
    public int? CustomerKey { get; set; }
    public int? CategoryKey { get; set; }
    public string? Description { get; set; }
    public DateTime? RepliedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public decimal? DirectDeduction { get; set; }
    public string? Handler { get; set; }
    /// <summary>satisfied, neutral or dissatisfied (满意, 基本满意, 不满意); null when not asked.</summary>
    public string? Satisfaction { get; set; }
}

/// <summary>Grain: one row per audited phone callback.</summary>
public sealed class FactCallback : FactBase, IQuarterFact
{
    public long Id { get; set; }
    public required string CallbackId { get; set; }
    public int DepartmentKey { get; set; }
    public int CalledOnKey { get; set; }
    public int QuarterKey { get; set; }
    /// <summary>none, incomplete or mismatch.</summary>
    public required string Finding { get; set; }
    /// <summary>As recorded; null means the policy's default for the finding applies.</summary>
    public decimal? Deduction { get; set; }
    public int? CustomerKey { get; set; }
    public string? Note { get; set; }
}
