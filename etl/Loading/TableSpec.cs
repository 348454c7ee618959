namespace QualityAnalytics.Etl.Loading;

/// <summary>A fact or dimension table as the fast path writes it: natural key columns, then value columns.
/// Every table also gets batch_id, source_file_id and source_line (the lineage of the row's current values).</summary>
public sealed record TableSpec(string Table, IReadOnlyList<string> KeyColumns, IReadOnlyList<string> ValueColumns, bool HasLineage = true)
{
    /// <summary>Where the row's quarter is among the value columns, or -1: the tables the dashboard's marts count by
    /// quarter, whose touched quarters a load records (<see cref="FileLoader"/>, <see cref="AuditWriter.RecordChange"/>).</summary>
    public int QuarterColumn => ValueColumns.ToList().IndexOf("quarter_key");
}

public static class FactTables
{
    public static readonly TableSpec Check = new("fact_check", ["check_id"],
        ["department_key", "month_key", "quarter_key", "kind", "score", "inspector", "checked_on_key", "note"]);

    public static readonly TableSpec CheckDeduction = new("fact_check_deduction", ["check_id", "item"], ["points", "note"]);

    public static readonly TableSpec SurveyAnswer = new("fact_survey_answer", ["response_id", "question"],
        ["question_key", "department_key", "quarter_key", "customer_key", "score", "submitted_on_key", "excluded", "excluded_by",
         "excluded_reason", "note"]);

    public static readonly TableSpec Complaint = new("fact_complaint", ["complaint_id"],
        ["department_key", "received_at", "received_date_key", "quarter_key", "channel_key", "valid", "customer_key", "category_key",
         "description", "replied_at", "resolved_at", "direct_deduction", "handler", "satisfaction"]);

    public static readonly TableSpec Callback = new("fact_callback", ["callback_id"],
        ["department_key", "called_on_key", "quarter_key", "finding", "deduction", "customer_key", "note"]);

    public static readonly TableSpec Question = new("dim_survey_question", ["question"], ["text", "weight", "scale"]) { HasLineage = false };
}
