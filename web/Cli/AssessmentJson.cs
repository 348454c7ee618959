using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Scoring.Mart;

namespace QualityAnalytics.Web.Cli;

/// <summary>The data contract's JSON shape of one assessment (snake_case keys, numbers with at most 2 decimals).</summary>
internal static class AssessmentJson
{
    /// <summary>The options of every assessment in JSON (`qa score`, its --compare, `qa explain`): every score and amount
    /// a JSON number with exactly 2 decimals, as stored — a decimal keeps the scale it was computed or read with, so
    /// without this one quarter printed 90, 90.0 and 95.00 side by side, and a stored 91.5 beside its re-scored 91.50.</summary>
    public static readonly JsonSerializerOptions Options = new(CliEnvironment.Json) { Converters = { new TwoDecimals() } };

    public static object Of(Assessment a, ScoredQuarter q) => new
    {
        department = a.DepartmentCode,
        name = a.DepartmentName,
        quarter = a.Quarter.ToString(),
        self_check_base = a.SelfCheckBase,
        consistency_penalty = a.ConsistencyPenalty,
        self_check = a.SelfCheck,
        survey = a.Survey,
        complaint = a.Complaint,
        callback_deduction = a.CallbackDeduction,
        total = a.Total,
        grade = AssessmentRows.GradeName(a.Grade),
        amount = a.Amount,
        complete = a.Complete,
        missing = a.Missing,
        rank = q.Ranks.TryGetValue(a.DepartmentCode, out var r) ? r : (int?)null,
        policy_version = a.PolicyVersion,
        status = q.Approval is null ? "draft" : q.DifferencesFromApproved.Count == 0 ? "approved" : "draft_differs_from_approved",
        warnings = a.Warnings,
    };
}

/// <summary>Writes a decimal as a JSON number with 2 decimals (四舍五入 if it had more, which a stored score never has).</summary>
internal sealed class TwoDecimals : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteRawValue(Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture));
}
