using QualityAnalytics.Etl.Staging;

namespace QualityAnalytics.Etl.Loading;

/// <summary>A fact or dimension table as the fast path writes it: natural key columns, then value columns.
/// Every table also gets batch_id, source_file_id and source_line (the lineage of the row's current values).</summary>
public sealed record TableSpec(string Table, IReadOnlyList<string> KeyColumns, IReadOnlyList<string> ValueColumns, bool HasLineage = true)
{
    /// <summary>Where the row's quarter is among the value columns, or -1: the tables the dashboard's marts count by
    /// quarter, whose touched quarters a load records (<see cref="FileLoader"/>, <see cref="AuditWriter.RecordChange"/>).</summary>
    public int QuarterColumn => ValueColumns.ToList().IndexOf("quarter_key");

    /// <summary>The value columns filled from an optional field of the contract, with that field. A file whose header
    /// lacks the field's column says nothing about them: on an update they keep the stored value (a department's partial
    /// export must not erase what a fuller one delivered), while an empty cell of a column that is there still clears it.
    /// Every other value column comes from a required field (or the key) and is always carried.</summary>
    public IReadOnlyDictionary<string, string> OptionalFields { get; init; } = new Dictionary<string, string>();

    /// <summary>Value columns that an absent column keeps only while another value column stays as stored: a
    /// callback's deduction belongs to its finding, so when the finding changes the file's implied deduction (0 for
    /// none, the policy's default otherwise) replaces the old one even without a deduction column.</summary>
    public IReadOnlyDictionary<string, string> KeptOnlyWhileUnchanged { get; init; } = new Dictionary<string, string>();

    /// <summary>Which value columns (in <see cref="ValueColumns"/> order) a source with this header carries.</summary>
    public bool[] Carried(HeaderMatch match) =>
        ValueColumns.Select(c => !OptionalFields.TryGetValue(c, out var field) || match.Columns.ContainsKey(field)).ToArray();
}

public static class FactTables
{
    public static readonly TableSpec Check = new("fact_check", ["check_id"],
        ["department_key", "month_key", "quarter_key", "kind", "score", "inspector", "checked_on_key", "note"])
    {
        OptionalFields = new Dictionary<string, string> { ["inspector"] = "inspector", ["checked_on_key"] = "checked_on", ["note"] = "note" },
    };

    public static readonly TableSpec CheckDeduction = new("fact_check_deduction", ["check_id", "item"], ["points", "note"])
    {
        OptionalFields = new Dictionary<string, string> { ["note"] = "note" },
    };

    public static readonly TableSpec SurveyAnswer = new("fact_survey_answer", ["response_id", "question"],
        ["question_key", "department_key", "quarter_key", "customer_key", "score", "submitted_on_key", "excluded", "excluded_by",
         "excluded_reason", "note"])
    {
        OptionalFields = new Dictionary<string, string>
        {
            ["submitted_on_key"] = "submitted_on", ["excluded"] = "excluded", ["excluded_by"] = "excluded_by",
            ["excluded_reason"] = "excluded_reason", ["note"] = "note",
        },
    };

    /// <summary>The survey answer's columns that a working group's exclusion (<c>qa exclude</c>) decides.</summary>
    public static readonly IReadOnlyList<string> ExclusionColumns = ["excluded", "excluded_by", "excluded_reason"];

    public static readonly TableSpec Complaint = new("fact_complaint", ["complaint_id"],
        ["department_key", "received_at", "received_date_key", "quarter_key", "channel_key", "valid", "customer_key", "category_key",
         "description", "replied_at", "resolved_at", "direct_deduction", "handler", "satisfaction"])
    {
        OptionalFields = new Dictionary<string, string>
        {
            ["customer_key"] = "customer", ["category_key"] = "category", ["description"] = "description", ["replied_at"] = "replied_at",
            ["resolved_at"] = "resolved_at", ["direct_deduction"] = "direct_deduction", ["handler"] = "handler", ["satisfaction"] = "satisfaction",
        },
    };

    public static readonly TableSpec Callback = new("fact_callback", ["callback_id"],
        ["department_key", "called_on_key", "quarter_key", "finding", "deduction", "customer_key", "note"])
    {
        OptionalFields = new Dictionary<string, string> { ["deduction"] = "deduction", ["customer_key"] = "customer", ["note"] = "note" },
        KeptOnlyWhileUnchanged = new Dictionary<string, string> { ["deduction"] = "finding" },
    };

    public static readonly TableSpec Question = new("dim_survey_question", ["question"], ["text", "weight", "scale"]) { HasLineage = false };
}
