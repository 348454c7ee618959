using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Warehouse.Scoring.Mart;

/// <summary>A quarter's scored result as shown: the assessments (with ranks), the approval if any, and how the current
/// draft differs from the approved snapshot.</summary>
public sealed record ScoredQuarter(
    Quarter Quarter,
    ScoringPolicy Policy,
    IReadOnlyList<Assessment> Assessments,
    IReadOnlyDictionary<string, int> Ranks,
    IReadOnlyList<long> SourceBatches,
    QuarterApproval? Approval,
    IReadOnlyList<AssessmentDifference> DifferencesFromApproved)
{
    public BudgetSummary Budget => BudgetSummary.Of(Assessments, Policy);
}

/// <summary>One value that differs between the approved snapshot and the current draft. A number is kept in its
/// invariant form ("-5000.00"), which the dashboard reads as a number; <see cref="Written"/> is how a reader sees it.</summary>
public sealed record AssessmentDifference(string DepartmentCode, string Field, string? Approved, string? Draft)
{
    /// <summary>A value of <paramref name="field"/> as the report writes it: money signed with thousands separators
    /// (−5,000), a score with 2 decimals (88.20, −0.50); a grade's or a name's text as it is; null stays null.</summary>
    public static string? Written(string field, string? value) =>
        value is null || !decimal.TryParse(value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? value
            : field == "amount" ? Figures.Money(number) : Figures.Score(number);
}

/// <summary>The assessment mart: compute and store a quarter's assessments, keep them fresh as data changes, and
/// freeze them when the committee approves (第六条).</summary>
public static class AssessmentMart
{
    /// <summary>Scores the quarter from the warehouse under the policy version in force, stores the draft rows
    /// (replacing that quarter's draft under that version) and returns them.</summary>
    public static ScoredQuarter Score(WarehouseDbContext db, Quarter quarter, PolicySet policies, TimeProvider clock) =>
        Score(db, quarter, policies.For(quarter), QuarterFactsReader.Read(db, quarter), clock);

    /// <summary>Scores from facts already read (the rescore, which read them for the fingerprint, does not read a quarter
    /// twice: reading is most of a quarter's cost in a large warehouse).</summary>
    private static ScoredQuarter Score(WarehouseDbContext db, Quarter quarter, ScoringPolicy policy, QuarterInput input, TimeProvider clock,
        string? fingerprint = null)
    {
        var assessments = ScoringEngine.Score(input.Facts, policy);
        fingerprint ??= Fingerprint.Of(input.Facts, policy);
        var ranks = AssessmentRows.Ranks(assessments);
        var now = clock.GetUtcNow();
        var stored = db.Assessments.AsNoTracking().Where(a => a.QuarterKey == quarter.Key && a.PolicyVersion == policy.Version)
            .Select(a => new { a.InputFingerprint, a.IsCurrent }).ToList();
        var otherCurrent = db.Assessments.Any(a => a.QuarterKey == quarter.Key && a.PolicyVersion != policy.Version && a.IsCurrent);
        // Same facts, same policy: the stored rows are already these results (and keep the time they were computed).
        if (stored.Count == assessments.Count && stored.All(e => e.InputFingerprint == fingerprint && e.IsCurrent) && !otherCurrent)
        {
            RefreshWording(db, quarter, policy, assessments);
            return Shape(db, quarter, policy, assessments, ranks, input.SourceBatches);
        }

        // The quarter's draft under this version is replaced whole, in one transaction: readers see the old rows or the new.
        using (var transaction = db.Database.BeginTransaction())
        {
            db.Assessments.Where(a => a.QuarterKey == quarter.Key && a.PolicyVersion == policy.Version).ExecuteDelete();
            db.Assessments.Where(a => a.QuarterKey == quarter.Key && a.IsCurrent).ExecuteUpdate(u => u.SetProperty(a => a.IsCurrent, false));
            var rows = assessments.Select(a =>
            {
                var row = new MartAssessment { DepartmentCode = a.DepartmentCode, DepartmentName = a.DepartmentName, PolicyVersion = policy.Version, Grade = "", Missing = "", Warnings = "", Explanation = "", SourceBatches = "", InputFingerprint = "", IsCurrent = true };
                AssessmentRows.Fill(row, a, ranks.GetValueOrDefault(a.DepartmentCode) is var r && r > 0 ? r : null, input.SourceBatches, fingerprint, now);
                return row;
            }).ToList();
            // New rows only, nothing to compare: skip the change tracker's scans.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                db.Assessments.AddRange(rows);
                db.SaveChanges();
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = true;
            }
            transaction.Commit();
        }
        db.ChangeTracker.Clear();
        return Shape(db, quarter, policy, assessments, ranks, input.SourceBatches);
    }

    /// <summary>Same facts and policy give the same numbers, but the wording of the explanations and warnings may have
    /// changed since they were stored (review F13 wrote money and K as the report does): a rescore rewrites the text, only
    /// the text, and keeps the time the results were computed. Approved snapshots are not touched: they stay as approved.</summary>
    private static void RefreshWording(WarehouseDbContext db, Quarter quarter, ScoringPolicy policy, IReadOnlyList<Assessment> assessments)
    {
        var fresh = assessments.ToDictionary(a => a.DepartmentCode, StringComparer.Ordinal);
        var rows = db.Assessments.Where(a => a.QuarterKey == quarter.Key && a.PolicyVersion == policy.Version).ToList();
        foreach (var row in rows)
            if (fresh.TryGetValue(row.DepartmentCode, out var a)) AssessmentRows.FillText(row, a);
        db.SaveChanges(); // writes only the rows whose text differs: the change tracker compares with what was read
        db.ChangeTracker.Clear();
    }

    /// <summary>What-if: scores under another policy without storing anything.</summary>
    public static ScoredQuarter Preview(WarehouseDbContext db, Quarter quarter, ScoringPolicy policy)
    {
        var input = QuarterFactsReader.Read(db, quarter);
        var assessments = ScoringEngine.Score(input.Facts, policy);
        return Shape(db, quarter, policy, assessments, AssessmentRows.Ranks(assessments), input.SourceBatches);
    }

    /// <summary>The stored draft of a quarter under a policy version, or null when it was never scored.</summary>
    public static ScoredQuarter? Stored(WarehouseDbContext db, Quarter quarter, ScoringPolicy policy)
    {
        // Ordered here, by code point: the database would order by its collation, which on PostgreSQL is the locale's.
        var rows = db.Assessments.AsNoTracking().Where(a => a.QuarterKey == quarter.Key && a.PolicyVersion == policy.Version).ToList()
            .OrderBy(a => a.DepartmentCode, StringComparer.Ordinal).ToList();
        if (rows.Count == 0) return null;
        var assessments = rows.Select(AssessmentRows.ToAssessment).ToList();
        var batches = System.Text.Json.JsonSerializer.Deserialize<List<long>>(rows[0].SourceBatches) ?? [];
        return Shape(db, quarter, policy, assessments, AssessmentRows.Ranks(assessments), batches);
    }

    /// <summary>Rescores every quarter with data whose facts (or policy) changed since it was last scored. Returns them.</summary>
    /// <param name="onQuarter">Told of each quarter before it is looked at, with its number and the count (a progress line).</param>
    public static IReadOnlyList<Quarter> RefreshStale(WarehouseDbContext db, PolicySet policies, TimeProvider clock, Action<Quarter, int, int>? onQuarter = null)
    {
        var refreshed = new List<Quarter>();
        var quarters = QuarterFactsReader.QuartersWithData(db);
        for (var i = 0; i < quarters.Count; i++)
        {
            var quarter = quarters[i];
            onQuarter?.Invoke(quarter, i + 1, quarters.Count);
            ScoringPolicy policy;
            try { policy = policies.For(quarter); }
            catch (InvalidOperationException) { continue; } // no policy version covers this quarter: nothing to score
            var input = QuarterFactsReader.Read(db, quarter);
            var fingerprint = Fingerprint.Of(input.Facts, policy);
            var stored = db.Assessments.Where(a => a.QuarterKey == quarter.Key && a.PolicyVersion == policy.Version).Select(a => a.InputFingerprint).FirstOrDefault();
            if (stored == fingerprint) continue;
            Score(db, quarter, policy, input, clock, fingerprint);
            refreshed.Add(quarter);
        }
        return refreshed;
    }

    /// <summary>The committee approves the quarter: the current draft (rescored first, so it reflects today's data) is
    /// copied into the approved snapshot, which never changes afterwards.</summary>
    public static QuarterApproval Approve(WarehouseDbContext db, Quarter quarter, PolicySet policies, string approvedBy, TimeProvider clock, string? note = null)
    {
        var policy = policies.For(quarter);
        if (db.QuarterApprovals.Any(a => a.QuarterKey == quarter.Key && a.PolicyVersion == policy.Version))
            throw new ApprovalRefusedException(ApprovalRefusal.AlreadyApproved, $"{quarter} is already approved under policy {policy.Version}; approved results never change.");
        var scored = Score(db, quarter, policies, clock);
        if (scored.Assessments.Count == 0) throw new ApprovalRefusedException(ApprovalRefusal.NothingToApprove, $"{quarter} has no departments to approve.");
        using var transaction = db.Database.BeginTransaction();
        var approval = new QuarterApproval
        {
            QuarterKey = quarter.Key, PolicyVersion = policy.Version, PolicyFingerprint = PolicyFingerprint.Of(policy), PolicyJson = PolicyFileWriter.Write(policy), ApprovedBy = approvedBy,
            ApprovedAt = clock.GetUtcNow(), Note = note, LastBatchId = db.LoadBatches.Max(b => (long?)b.Id),
        };
        db.QuarterApprovals.Add(approval);
        db.SaveChanges();
        foreach (var draft in db.Assessments.AsNoTracking().Where(a => a.QuarterKey == quarter.Key && a.PolicyVersion == policy.Version).ToList())
        {
            var snapshot = new ApprovedAssessment { DepartmentCode = "", DepartmentName = "", PolicyVersion = "", Grade = "", Missing = "", Warnings = "", Explanation = "", SourceBatches = "", InputFingerprint = "", ApprovalId = approval.Id };
            draft.CopyTo(snapshot);
            db.ApprovedAssessments.Add(snapshot);
        }
        db.SaveChanges();
        transaction.Commit();
        return approval;
    }

    private static ScoredQuarter Shape(WarehouseDbContext db, Quarter quarter, ScoringPolicy policy, IReadOnlyList<Assessment> assessments,
        IReadOnlyDictionary<string, int> ranks, IReadOnlyList<long> batches)
    {
        var approval = db.QuarterApprovals.AsNoTracking().FirstOrDefault(a => a.QuarterKey == quarter.Key && a.PolicyVersion == policy.Version);
        var differences = approval is null ? [] : Differences(db.ApprovedAssessments.AsNoTracking().Where(a => a.ApprovalId == approval.Id).ToList(), assessments);
        return new ScoredQuarter(quarter, policy, assessments, ranks, batches, approval, differences);
    }

    private static List<AssessmentDifference> Differences(IReadOnlyList<ApprovedAssessment> approved, IReadOnlyList<Assessment> draft)
    {
        var result = new List<AssessmentDifference>();
        foreach (var a in approved)
        {
            var d = draft.FirstOrDefault(x => x.DepartmentCode == a.DepartmentCode);
            if (d is null)
            {
                result.Add(new AssessmentDifference(a.DepartmentCode, "department", a.DepartmentName, null));
                continue;
            }
            Compare(result, a.DepartmentCode, "self_check", a.SelfCheck, d.SelfCheck);
            Compare(result, a.DepartmentCode, "survey", a.Survey, d.Survey);
            Compare(result, a.DepartmentCode, "complaint", a.Complaint, d.Complaint);
            Compare(result, a.DepartmentCode, "callback_deduction", a.CallbackDeduction, d.CallbackDeduction);
            Compare(result, a.DepartmentCode, "total", a.Total, d.Total);
            if (a.Grade != AssessmentRows.GradeName(d.Grade)) result.Add(new AssessmentDifference(a.DepartmentCode, "grade", a.Grade, AssessmentRows.GradeName(d.Grade)));
            Compare(result, a.DepartmentCode, "amount", a.Amount, d.Amount);
        }
        foreach (var d in draft.Where(d => approved.All(a => a.DepartmentCode != d.DepartmentCode)))
            result.Add(new AssessmentDifference(d.DepartmentCode, "department", null, d.DepartmentName));
        return result;
    }

    private static void Compare(List<AssessmentDifference> into, string code, string field, decimal? approved, decimal? draft)
    {
        if (approved == draft) return;
        into.Add(new AssessmentDifference(code, field, Text(approved), Text(draft)));
    }

    private static string? Text(decimal? value) => value?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
