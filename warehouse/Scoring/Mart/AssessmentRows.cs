using System.Text.Encodings.Web;
using System.Text.Json;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Warehouse.Scoring.Mart;

/// <summary>Between the engine's <see cref="Assessment"/> and the mart's rows (and back).</summary>
public static class AssessmentRows
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string GradeName(Grade grade) => grade switch
    {
        Grade.Excellent => "excellent",
        Grade.Pass => "pass",
        Grade.Fail => "fail",
        _ => "withheld",
    };

    public static Grade ParseGrade(string name) => name switch
    {
        "excellent" => Grade.Excellent,
        "pass" => Grade.Pass,
        "fail" => Grade.Fail,
        _ => Grade.Withheld,
    };

    /// <summary>Ranks by total, highest first; equal totals share a rank; withheld departments have none.</summary>
    public static IReadOnlyDictionary<string, int> Ranks(IEnumerable<Assessment> assessments)
    {
        var ranked = assessments.Where(a => a.Total is not null).OrderByDescending(a => a.Total).ToList();
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ranked.Count; i++)
            ranks[ranked[i].DepartmentCode] = i > 0 && ranked[i].Total == ranked[i - 1].Total ? ranks[ranked[i - 1].DepartmentCode] : i + 1;
        return ranks;
    }

    public static void Fill(AssessmentColumns row, Assessment a, int? rank, IReadOnlyList<long> batches, string fingerprint, DateTimeOffset at)
    {
        row.QuarterKey = a.Quarter.Key;
        row.DepartmentCode = a.DepartmentCode;
        row.DepartmentName = a.DepartmentName;
        row.PolicyVersion = a.PolicyVersion;
        row.SelfCheckBase = a.SelfCheckBase;
        row.ConsistencyPenalty = a.ConsistencyPenalty;
        row.SelfCheck = a.SelfCheck;
        row.Survey = a.Survey;
        row.Complaint = a.Complaint;
        row.CallbackDeduction = a.CallbackDeduction;
        row.Total = a.Total;
        row.Grade = GradeName(a.Grade);
        row.Amount = a.Amount;
        row.Rank = rank;
        row.Complete = a.Complete;
        row.Missing = JsonSerializer.Serialize(a.Missing, Json);
        FillText(row, a);
        row.SourceBatches = JsonSerializer.Serialize(batches, Json);
        row.InputFingerprint = fingerprint;
        row.ComputedAt = at;
    }

    /// <summary>The stored wording: the warnings and the explanation lines, in both languages.</summary>
    public static void FillText(AssessmentColumns row, Assessment a)
    {
        row.Warnings = a.WarningsZh is null
            ? JsonSerializer.Serialize(a.Warnings, Json)
            : JsonSerializer.Serialize(new StoredWarnings(a.Warnings, a.WarningsZh), Json);
        row.Explanation = JsonSerializer.Serialize(a.Explanation, Json);
    }

    public static void CopyTo(this AssessmentColumns from, AssessmentColumns to)
    {
        to.QuarterKey = from.QuarterKey;
        to.DepartmentCode = from.DepartmentCode;
        to.DepartmentName = from.DepartmentName;
        to.PolicyVersion = from.PolicyVersion;
        to.SelfCheckBase = from.SelfCheckBase;
        to.ConsistencyPenalty = from.ConsistencyPenalty;
        to.SelfCheck = from.SelfCheck;
        to.Survey = from.Survey;
        to.Complaint = from.Complaint;
        to.CallbackDeduction = from.CallbackDeduction;
        to.Total = from.Total;
        to.Grade = from.Grade;
        to.Amount = from.Amount;
        to.Rank = from.Rank;
        to.Complete = from.Complete;
        to.Missing = from.Missing;
        to.Warnings = from.Warnings;
        to.Explanation = from.Explanation;
        to.SourceBatches = from.SourceBatches;
        to.InputFingerprint = from.InputFingerprint;
        to.ComputedAt = from.ComputedAt;
    }

    /// <summary>A stored row as the engine's assessment; its decimals trimmed, as the engines keep different scales
    /// (<see cref="Decimals"/>).</summary>
    public static Assessment ToAssessment(AssessmentColumns r)
    {
        var warnings = ReadWarnings(r.Warnings);
        return new(
            r.DepartmentCode, r.DepartmentName, Quarter.FromKey(r.QuarterKey), r.PolicyVersion, Decimals.Trimmed(r.SelfCheckBase),
            Decimals.Trimmed(r.ConsistencyPenalty), Decimals.Trimmed(r.SelfCheck), Decimals.Trimmed(r.Survey), Decimals.Trimmed(r.Complaint),
            Decimals.Trimmed(r.CallbackDeduction), Decimals.Trimmed(r.Total), ParseGrade(r.Grade), Decimals.Trimmed(r.Amount), r.Complete,
            JsonSerializer.Deserialize<List<string>>(r.Missing, Json) ?? [],
            warnings.En,
            JsonSerializer.Deserialize<List<ScoreLine>>(r.Explanation, Json) ?? [],
            warnings.Zh);
    }

    /// <summary>The warnings column: {"en": […], "zh": […]}, or (rows scored before the Chinese was kept) a list in English.</summary>
    private sealed record StoredWarnings(IReadOnlyList<string> En, IReadOnlyList<string>? Zh);

    private static StoredWarnings ReadWarnings(string json) => json.TrimStart().StartsWith('[')
        ? new StoredWarnings(JsonSerializer.Deserialize<List<string>>(json, Json) ?? [], null)
        : JsonSerializer.Deserialize<StoredWarnings>(json, Json) ?? new StoredWarnings([], null);
}
