using System.Text.Encodings.Web;
using System.Text.Json;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Warehouse.Scoring.Mart;

/// <summary>The committee excludes (or takes back) a disputed questionnaire: every answer of it, with who and why,
/// recorded in the change history like any other change of a fact.</summary>
public static class QuestionnaireExclusion
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Returns how many answers changed (0 when the questionnaire does not exist).</summary>
    public static int Set(WarehouseDbContext db, string responseId, bool excluded, string by, string? reason, TimeProvider clock)
    {
        var answers = db.SurveyAnswers.Where(a => a.ResponseId == responseId).ToList();
        foreach (var a in answers)
        {
            var old = JsonSerializer.Serialize(new { excluded = a.Excluded, excluded_by = a.ExcludedBy, excluded_reason = a.ExcludedReason }, Json);
            a.Excluded = excluded;
            a.ExcludedBy = excluded ? by : null;
            a.ExcludedReason = excluded ? reason : null;
            db.RowChanges.Add(new RowChange
            {
                // Not a load: batch and file 0 mark a decision made in the product itself.
                BatchId = 0, SourceFileId = 0, TableName = "fact_survey_answer", NaturalKey = $"{a.ResponseId}|{a.Question}", ChangedAt = clock.GetUtcNow(),
                OldValues = old,
                NewValues = JsonSerializer.Serialize(new { excluded, excluded_by = a.ExcludedBy, excluded_reason = a.ExcludedReason, decided_by = by }, Json),
            });
        }
        db.SaveChanges();
        return answers.Count;
    }
}
