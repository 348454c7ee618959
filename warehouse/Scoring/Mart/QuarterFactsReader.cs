using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Warehouse.Scoring.Mart;

/// <summary>One quarter's facts as the engine wants them, read from the star schema, with the batches they came from.</summary>
public sealed record QuarterInput(QuarterFacts Facts, IReadOnlyList<long> SourceBatches);

public static class QuarterFactsReader
{
    /// <remarks>Decimals are trimmed as they are read (<see cref="Decimals.Trimmed(decimal)"/>): SQLite gives back 96.0
    /// where PostgreSQL gives 96, and the scores and the words that quote them must not depend on the engine.</remarks>
    public static QuarterInput Read(WarehouseDbContext db, Quarter quarter)
    {
        var key = quarter.Key;
        var versions = db.Departments.AsNoTracking().ToList();
        var codeOf = versions.ToDictionary(v => v.DepartmentKey, v => v.Code);
        var departments = DepartmentVersions.AsOfQuarterEnd(versions, quarter).Select(v => new DepartmentRef(v.Code, v.Name)).ToList();

        var batches = new SortedSet<long>();
        // Only the columns scoring needs: descriptions, customers and notes stay in the database.
        var checks = db.Checks.AsNoTracking().Where(c => c.QuarterKey == key)
            .Select(c => new { c.CheckId, c.DepartmentKey, c.MonthKey, c.Kind, c.Score, c.BatchId }).ToList();
        var answers = db.SurveyAnswers.AsNoTracking().Where(a => a.QuarterKey == key)
            .Select(a => new { a.ResponseId, a.DepartmentKey, a.QuarterKey, a.Question, a.Score, a.Excluded, a.ExcludedBy, a.ExcludedReason, a.BatchId }).ToList();
        var complaints = db.Complaints.AsNoTracking().Where(c => c.QuarterKey == key)
            .Select(c => new { c.ComplaintId, c.DepartmentKey, c.ReceivedAt, c.Valid, c.DirectDeduction, c.BatchId }).ToList();
        var callbacks = db.Callbacks.AsNoTracking().Where(c => c.QuarterKey == key)
            .Select(c => new { c.CallbackId, c.DepartmentKey, c.CalledOnKey, c.Finding, c.Deduction, c.BatchId }).ToList();
        foreach (var b in checks.Select(c => c.BatchId).Concat(answers.Select(a => a.BatchId)).Concat(complaints.Select(c => c.BatchId)).Concat(callbacks.Select(c => c.BatchId)))
            batches.Add(b);

        var facts = new QuarterFacts(
            quarter,
            departments,
            checks.Select(c => new CheckFact(c.CheckId, codeOf[c.DepartmentKey], DateKeys.ToDate(c.MonthKey), c.Kind == "spot" ? CheckKind.Spot : CheckKind.Self, Decimals.Trimmed(c.Score))).ToList(),
            db.SurveyQuestions.AsNoTracking().Select(q => new { q.Question, q.Weight, q.Scale }).ToList().Select(q => new SurveyQuestionFact(q.Question, Decimals.Trimmed(q.Weight), Decimals.Trimmed(q.Scale))).ToList(),
            answers.Select(a => new SurveyAnswerFact(a.ResponseId, codeOf[a.DepartmentKey], Quarter.FromKey(a.QuarterKey), a.Question, Decimals.Trimmed(a.Score), a.Excluded,
                a.ExcludedBy, a.ExcludedReason)).ToList(),
            complaints.Select(c => new ComplaintFact(c.ComplaintId, codeOf[c.DepartmentKey], c.ReceivedAt, c.Valid, Decimals.Trimmed(c.DirectDeduction))).ToList(),
            callbacks.Select(c => new CallbackFact(c.CallbackId, codeOf[c.DepartmentKey], DateKeys.ToDate(c.CalledOnKey), Finding(c.Finding), Decimals.Trimmed(c.Deduction))).ToList());
        return new QuarterInput(facts, batches.ToList());
    }

    /// <summary>The quarters that have any fact, oldest first.</summary>
    public static IReadOnlyList<Quarter> QuartersWithData(WarehouseDbContext db) =>
        db.Checks.Select(c => c.QuarterKey)
            .Union(db.SurveyAnswers.Select(a => a.QuarterKey))
            .Union(db.Complaints.Select(c => c.QuarterKey))
            .Union(db.Callbacks.Select(c => c.QuarterKey))
            .ToList().Distinct().Order().Select(Quarter.FromKey).ToList();

    private static CallbackFinding Finding(string text) => text switch
    {
        "incomplete" => CallbackFinding.Incomplete,
        "mismatch" => CallbackFinding.Mismatch,
        _ => CallbackFinding.None,
    };
}
