using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Warehouse.Calendar;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Scoring.Mart;

namespace QualityAnalytics.Reports.Analysis;

/// <summary>
/// The only part of the analysis that touches the database: reads what <see cref="QuarterAnalyzer.Analyze"/> needs.
/// Scores come from the assessment mart under the policy version in force for each quarter; a quarter with facts but no
/// mart rows is scored first (<see cref="AssessmentMart.Score"/>, which stores the draft, as `qa score` would).
/// Decimals are trimmed as read and everything is ordered here by code point, not by the database's collation, so that
/// the analysis (and the words of its findings) is the same on SQLite and PostgreSQL.
/// </summary>
public static class AnalysisInputReader
{
    public const string Uncategorised = "未分类";

    public static AnalysisInput Read(WarehouseDbContext db, Quarter quarter, AnalysisOptions options, PolicySet policies, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(clock);
        var history = Quarter.Range(Start(quarter, options.HistoryQuarters), quarter).ToList();
        var scoreQuarters = history.Append(quarter.SameQuarterLastYear()).Distinct().ToList();
        var withData = QuarterFactsReader.QuartersWithData(db).ToHashSet();

        var scores = new List<QuarterScore>();
        foreach (var q in scoreQuarters)
        {
            ScoringPolicy policy;
            try { policy = policies.For(q); }
            catch (InvalidOperationException) { continue; } // no policy version covers the quarter: nothing was ever scored
            var rows = MartRows(db, q, policy);
            if (rows.Count == 0 && withData.Contains(q))
            {
                AssessmentMart.Score(db, q, policies, clock);
                rows = MartRows(db, q, policy);
            }
            scores.AddRange(rows.Select(r => new QuarterScore(q, r.DepartmentCode, Decimals.Trimmed(r.SelfCheck), Decimals.Trimmed(r.Survey), Decimals.Trimmed(r.Complaint),
                Decimals.Trimmed(r.Total), r.Grade, Decimals.Trimmed(r.Amount))));
        }

        var versions = db.Departments.AsNoTracking().ToList();
        var codeOf = versions.ToDictionary(v => v.DepartmentKey, v => v.Code);
        var departments = DepartmentVersions.AsOfQuarterEnd(versions, quarter).Select(v => new DepartmentInfo(v.Code, v.Name)).ToList();

        var keys = history.Select(q => q.Key).ToList();
        var checks = db.Checks.AsNoTracking().Where(c => keys.Contains(c.QuarterKey))
            .Select(c => new { c.DepartmentKey, c.MonthKey, c.Kind, c.Score }).ToList()
            .GroupBy(c => (Code: codeOf[c.DepartmentKey], c.MonthKey, c.Kind))
            .Select(g => new MonthlyCheck(g.Key.Code, DateKeys.ToDate(g.Key.MonthKey), g.Key.Kind, g.Average(c => Decimals.Trimmed(c.Score)), g.Count()))
            .OrderBy(c => c.DepartmentCode, StringComparer.Ordinal).ThenBy(c => c.Month).ThenBy(c => c.Kind, StringComparer.Ordinal)
            .ToList();

        var categories = db.Categories.AsNoTracking().ToDictionary(c => c.CategoryKey, c => c.Name);
        var channels = db.Channels.AsNoTracking().ToDictionary(c => c.ChannelKey, c => c.Name);
        // Only the columns the analysis uses (not the description, handler, lineage…): over the eight quarters of a large
        // warehouse this is hundreds of thousands of rows.
        var complaints = db.Complaints.AsNoTracking().Where(c => keys.Contains(c.QuarterKey))
            .Select(c => new
            {
                c.ComplaintId, c.DepartmentKey, c.QuarterKey, c.ReceivedAt, c.RepliedAt, c.ResolvedAt, c.Valid, c.CategoryKey, c.DirectDeduction,
                c.Satisfaction, c.ChannelKey,
            }).ToList()
            .OrderBy(c => c.ReceivedAt).ThenBy(c => c.ComplaintId, StringComparer.Ordinal)
            .Select(c => new ComplaintRecord(c.ComplaintId, codeOf[c.DepartmentKey], Quarter.FromKey(c.QuarterKey), c.ReceivedAt, c.RepliedAt, c.ResolvedAt, c.Valid,
                c.CategoryKey is { } k && categories.TryGetValue(k, out var name) ? name : Uncategorised, Decimals.Trimmed(c.DirectDeduction), c.Satisfaction,
                channels.GetValueOrDefault(c.ChannelKey)))
            .ToList();

        var surveyKeys = new[] { quarter.Key, quarter.Previous().Key };
        var answers = db.SurveyAnswers.AsNoTracking().Where(a => surveyKeys.Contains(a.QuarterKey)).ToList();
        // The committee excludes whole questionnaires (第十一条): one excluded answer leaves the questionnaire out.
        var excluded = answers.Where(a => a.Excluded).Select(a => a.ResponseId).ToHashSet();
        var surveyAnswers = answers.Where(a => !excluded.Contains(a.ResponseId))
            .Select(a => new SurveyAnswerRecord(a.ResponseId, codeOf[a.DepartmentKey], Quarter.FromKey(a.QuarterKey), a.Question, Decimals.Trimmed(a.Score)))
            .OrderBy(a => a.ResponseId, StringComparer.Ordinal).ThenBy(a => a.Question, StringComparer.Ordinal).ToList();
        var questions = db.SurveyQuestions.AsNoTracking().ToList().OrderBy(q => q.Question, StringComparer.Ordinal)
            .Select(q => new QuestionInfo(q.Question, q.Text, Decimals.Trimmed(q.Scale))).ToList();

        var firstCheck = db.Checks.Select(c => (int?)c.MonthKey).Min();
        var firstComplaint = db.Complaints.Select(c => (int?)c.ReceivedDateKey).Min();
        var firstSurvey = db.SurveyAnswers.Select(a => (int?)a.QuarterKey).Min();
        var candidates = new List<DateOnly>();
        if (firstCheck is { } fc) candidates.Add(DateKeys.ToDate(fc));
        if (firstComplaint is { } fk) candidates.Add(DateKeys.ToDate(fk));
        if (firstSurvey is { } fs) candidates.Add(Quarter.FromKey(fs).FirstDay);
        DateOnly? dataFrom = candidates.Count == 0 ? null : candidates.Min();

        // Open complaints are judged as of the data, each quarter's as of its own complaints' latest load (the one rule, shared
        // with the report and the dashboard through this reader), not as of the moment of reading.
        var asOf = OpenComplaintsAsOf.Read(db, history.Append(quarter), clock);
        // Each quarter's complaints are judged by the targets of the policy version in force for it, the lookup the
        // complaint mart uses, so the dashboard's on-time rates and the report's agree across a change of targets.
        var targets = history.Append(quarter).Distinct().ToDictionary(q => q, policies.ServiceTargetsFor);
        return new AnalysisInput(quarter, asOf[quarter], history, departments, scores, checks, complaints, questions, surveyAnswers,
            DateDimension.Load(db), dataFrom) { PassAt = PassAt(policies, quarter), QuarterAsOf = asOf, Targets = targets[quarter], QuarterTargets = targets };
    }

    /// <summary>The pass mark of the version in force; the default policy's when no version covers the quarter (nothing was scored then).</summary>
    private static decimal PassAt(PolicySet policies, Quarter quarter)
    {
        try { return policies.For(quarter).PassAt; }
        catch (InvalidOperationException) { return PolicyFile.Default.Versions[^1].PassAt; }
    }

    private static Quarter Start(Quarter quarter, int count)
    {
        var first = quarter;
        for (var i = 1; i < count; i++) first = first.Previous();
        return first;
    }

    private static List<MartAssessment> MartRows(WarehouseDbContext db, Quarter q, ScoringPolicy policy) =>
        db.Assessments.AsNoTracking().Where(a => a.QuarterKey == q.Key && a.PolicyVersion == policy.Version).ToList()
            .OrderBy(a => a.DepartmentCode, StringComparer.Ordinal).ToList();
}
