using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Warehouse.Calendar;
using QualityAnalytics.Warehouse.Contract;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Warehouse.Marts;

/// <summary>Rebuilds the dashboard's summary marts (and each complaint's status row) for the quarters a load touched, so
/// that dashboard aggregates read small pre-aggregated tables instead of scanning the facts. A quarter is rebuilt whole
/// (delete, then insert) inside one transaction: readers see the old rows or the new ones, never half.</summary>
public static class SummaryMartRefresher
{
    /// <summary>The quarters whose facts a batch wrote (new or updated rows carry the batch id), and the quarters that a
    /// correction in it moved a fact out of (its change history keeps the old <c>quarter_key</c>): their marts still count
    /// the moved row until they are rebuilt too.
    /// <para>Read without scanning the fact tables: the rows a source inserted lie above the id it recorded before writing
    /// (<see cref="SourceFile.FactIdBefore"/>), a range of the primary key, and the rows it updated are in its change
    /// history with their quarter (<see cref="RowChange.QuarterKey"/>). A nightly load of a few rows into a large warehouse
    /// reads those rows, where a filter on <c>batch_id</c>, which no index serves (one more B-tree on every fact
    /// written), read every fact (~1.3 s per million; docs/benchmarks.md). A batch recorded before these columns existed
    /// is still found by that scan.</para></summary>
    public static IReadOnlyList<Quarter> QuartersTouchedBy(WarehouseDbContext db, long batchId)
    {
        var sources = db.SourceFiles.AsNoTracking().Where(f => f.BatchId == batchId && !f.Rejected && f.Loaded > 0)
            .Select(f => new Inserting(f.Kind, f.FactIdBefore)).ToList();
        var changes = db.RowChanges.AsNoTracking().Where(c => c.BatchId == batchId && c.TableName.StartsWith("fact_"))
            // The old values only of a change that moved its row to another quarter (a corrected file may change many rows).
            .Select(c => new Change(c.TableName, c.QuarterKey, c.OldValues.Contains("\"quarter_key\"") ? c.OldValues : null)).ToList();
        var written = Written(db, db.Complaints, DataKind.Complaints, batchId, sources, changes)
            .Concat(Written(db, db.Checks, DataKind.Checks, batchId, sources, changes))
            .Concat(Written(db, db.SurveyAnswers, DataKind.Surveys, batchId, sources, changes))
            .Concat(Written(db, db.Callbacks, DataKind.Callbacks, batchId, sources, changes));
        var movedFrom = changes.Select(c => c.MovedFrom is null ? null : OldQuarterKey(c.MovedFrom)).OfType<int>();
        return written.Concat(movedFrom).Distinct().Order().Select(Quarter.FromKey).ToList();
    }

    /// <summary>Whether the batch's quarters can be read from the loader's trail alone (every source that inserted rows
    /// recorded where they begin, every change its quarter), so that <see cref="QuartersTouchedBy"/> scans no fact table:
    /// false for a batch loaded before the trail existed. For lists over many batches (the working group's notices).</summary>
    public static bool HasTrail(WarehouseDbContext db, long batchId)
    {
        var kinds = QuarterKinds.Select(k => k.Name()).ToList();
        var tables = QuarterTables(db);
        return !db.SourceFiles.Any(f => f.BatchId == batchId && !f.Rejected && f.Loaded > 0 && f.FactIdBefore == null && kinds.Contains(f.Kind!))
               && !db.RowChanges.Any(c => c.BatchId == batchId && tables.Contains(c.TableName) && c.QuarterKey == null);
    }

    /// <summary>The kinds of file whose rows have a quarter (the fact tables of <see cref="QuartersTouchedBy"/>).</summary>
    private static readonly DataKind[] QuarterKinds = [DataKind.Complaints, DataKind.Checks, DataKind.Surveys, DataKind.Callbacks];

    private static List<string> QuarterTables(WarehouseDbContext db) =>
        [.. new[] { typeof(FactComplaint), typeof(FactCheck), typeof(FactSurveyAnswer), typeof(FactCallback) }.Select(t => db.Model.FindEntityType(t)!.GetTableName()!)];

    private sealed record Inserting(string? Kind, long? FactIdBefore);

    /// <param name="MovedFrom">The change's old values when they hold a quarter (the row moved out of it), else null.</param>
    private sealed record Change(string TableName, int? QuarterKey, string? MovedFrom);

    /// <summary>The quarters of the rows of one fact table the batch inserted or updated.</summary>
    private static List<int> Written<T>(WarehouseDbContext db, IQueryable<T> facts, DataKind kind, long batchId, List<Inserting> sources, List<Change> changes)
        where T : FactBase, IQuarterFact
    {
        var inserting = sources.Where(s => s.Kind == kind.Name()).ToList();
        var table = db.Model.FindEntityType(typeof(T))!.GetTableName();
        var updates = changes.Where(c => c.TableName == table).ToList();
        // A batch recorded before the trail existed: only the scan finds its rows.
        if (inserting.Any(s => s.FactIdBefore is null) || updates.Any(c => c.QuarterKey is null))
            return facts.Where(f => f.BatchId == batchId).Select(f => f.QuarterKey).Distinct().ToList();
        var quarters = updates.Select(c => c.QuarterKey!.Value).ToList();
        if (inserting.Count > 0)
        {
            var above = inserting.Min(s => s.FactIdBefore!.Value);
            var keys = facts.Where(f => f.Id > above && f.BatchId == batchId).Select(f => f.QuarterKey);
            // On SQLite made distinct here, not in SQL: asked for DISTINCT quarter_key, SQLite walks the whole quarter index
            // (it yields the keys in order) instead of the rows above the id, ~80 ms per million facts for a nightly load's
            // two rows. PostgreSQL takes the key's range either way, and a bulk load's million keys are better not sent.
            quarters.AddRange(db.Database.IsNpgsql() ? keys.Distinct().ToList() : keys.AsEnumerable().Distinct());
        }
        return quarters;
    }

    /// <summary>The <c>quarter_key</c> a change replaced, from its old values ({"quarter_key":"20262", …}).</summary>
    private static int? OldQuarterKey(string oldValues)
    {
        using var json = JsonDocument.Parse(oldValues);
        return json.RootElement.TryGetProperty("quarter_key", out var value) && value.ValueKind == JsonValueKind.String
            && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var key) ? key : null;
    }

    /// <summary>Rebuilds the quarters' rows. Open complaints are counted overdue as of each quarter's
    /// <see cref="OpenComplaintsAsOf"/> moment: it moves only with a load that writes the quarter's complaints, which is a
    /// load that touches the quarter and so rebuilds these rows (AfterLoad), so the stored counts stay the analysis's.
    /// Each quarter is judged by the service targets of the policy version in force for it
    /// (<see cref="PolicySet.ServiceTargetsFor"/>), as the analysis judges it; a changed target reaches these rows with the
    /// next rebuild (the rescore job rebuilds every quarter).</summary>
    /// <param name="onQuarter">Told of each quarter before it is rebuilt, with its number and the count (a progress line).</param>
    public static void Refresh(WarehouseDbContext db, IEnumerable<Quarter> quarters, TimeProvider clock, PolicySet policies, Action<Quarter, int, int>? onQuarter = null)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var wanted = quarters.ToList();
        var asOf = OpenComplaintsAsOf.Read(db, wanted, clock);
        var calendar = DateDimension.Load(db);
        var codeOf = db.Departments.AsNoTracking().ToDictionary(d => d.DepartmentKey, d => d.Code);
        var channels = db.Channels.AsNoTracking().ToDictionary(c => c.ChannelKey, c => c.Name);
        var categories = db.Categories.AsNoTracking().ToDictionary(c => c.CategoryKey, c => c.Name);
        foreach (var (quarter, number) in wanted.Select((q, i) => (q, i + 1)))
        {
            onQuarter?.Invoke(quarter, number, wanted.Count);
            using var transaction = db.Database.BeginTransaction();
            db.ComplaintSummaries.Where(m => m.QuarterKey == quarter.Key).ExecuteDelete();
            db.CheckMonthly.Where(m => m.QuarterKey == quarter.Key).ExecuteDelete();
            var judged = Judged(db, quarter, asOf[quarter], calendar, policies.ServiceTargetsFor(quarter));
            db.ComplaintSummaries.AddRange(ComplaintRows(quarter, judged, codeOf, channels, categories));
            db.CheckMonthly.AddRange(CheckRows(db, quarter, codeOf));
            db.SaveChanges();
            ComplaintStatusRows.Replace(db, quarter.Key, judged.Select(c => new MartComplaintStatus
            {
                ComplaintKey = c.Fact.Id, QuarterKey = quarter.Key,
                ReplyStatus = c.Reply.Status, ReplyDue = c.Reply.Due, SolutionStatus = c.Solution.Status, SolutionDue = c.Solution.Due,
            }).ToList());
            transaction.Commit();
            db.ChangeTracker.Clear();
        }
    }

    public const string Uncategorised = "未分类";

    /// <summary>The columns of a complaint that the marts count, and nothing else: a quarter of a million-row warehouse
    /// holds ~36,000 complaints, and reading whole rows (descriptions, handlers, customers) took most of its rebuild
    /// (docs/benchmarks.md, "Marts: the complaint statuses").</summary>
    private sealed record MartComplaint(long Id, int DepartmentKey, int ReceivedDateKey, int ChannelKey, int? CategoryKey, bool Valid,
        decimal? DirectDeduction, DateTime ReceivedAt, DateTime? RepliedAt, DateTime? ResolvedAt, string? Satisfaction);

    private sealed record JudgedComplaint(MartComplaint Fact, TargetStatus Reply, TargetStatus Solution);

    /// <summary>Each of the quarter's complaints with its two statuses from the one rule: the summary counts tally them and
    /// the status rows keep them, so the drill-down shows what the rates counted.</summary>
    private static List<JudgedComplaint> Judged(WarehouseDbContext db, Quarter quarter, DateTime asOf, WorkdayCalendar calendar, ServiceTargetRules rules) =>
        db.Complaints.AsNoTracking().Where(c => c.QuarterKey == quarter.Key).OrderBy(c => c.Id)
            .Select(c => new MartComplaint(c.Id, c.DepartmentKey, c.ReceivedDateKey, c.ChannelKey, c.CategoryKey, c.Valid, c.DirectDeduction,
                c.ReceivedAt, c.RepliedAt, c.ResolvedAt, c.Satisfaction))
            .AsEnumerable()
            .Select(c => new JudgedComplaint(c, rules.Reply(c.ReceivedAt, c.RepliedAt, asOf), rules.Solution(c.ReceivedAt, c.ResolvedAt, asOf, calendar)))
            .ToList();

    private static IEnumerable<MartComplaintSummary> ComplaintRows(Quarter quarter, List<JudgedComplaint> complaints, Dictionary<int, string> codeOf,
        Dictionary<int, string> channels, Dictionary<int, string> categories) =>
        complaints
            .GroupBy(c => (Month: c.Fact.ReceivedDateKey / 100 * 100 + 1, Department: codeOf[c.Fact.DepartmentKey], Channel: channels[c.Fact.ChannelKey],
                Category: c.Fact.CategoryKey is { } k ? categories[k] : Uncategorised))
            .Select(g => new MartComplaintSummary
            {
                QuarterKey = quarter.Key,
                MonthKey = g.Key.Month,
                DepartmentCode = g.Key.Department,
                Channel = g.Key.Channel,
                Category = g.Key.Category,
                Complaints = g.Count(),
                ValidComplaints = g.Count(c => c.Fact.Valid),
                DirectDeduction = g.Where(c => c.Fact.Valid).Sum(c => c.Fact.DirectDeduction ?? 0m),
                Replied = g.Count(c => c.Fact.RepliedAt is not null),
                RepliedLate = g.Count(c => c.Reply.Status == TargetStatus.Late),
                ReplyOverdue = g.Count(c => c.Reply.Status == TargetStatus.Overdue),
                Resolved = g.Count(c => c.Fact.ResolvedAt is not null),
                ResolvedLate = g.Count(c => c.Solution.Status == TargetStatus.Late),
                ResolveOverdue = g.Count(c => c.Solution.Status == TargetStatus.Overdue),
                Satisfied = g.Count(c => c.Fact.Satisfaction == "satisfied"),
                Neutral = g.Count(c => c.Fact.Satisfaction == "neutral"),
                Dissatisfied = g.Count(c => c.Fact.Satisfaction == "dissatisfied"),
            }).ToList();

    private static IEnumerable<MartCheckMonthly> CheckRows(WarehouseDbContext db, Quarter quarter, Dictionary<int, string> codeOf) =>
        db.Checks.AsNoTracking().Where(c => c.QuarterKey == quarter.Key).ToList()
            .GroupBy(c => (c.MonthKey, Department: codeOf[c.DepartmentKey], c.Kind))
            .Select(g => new MartCheckMonthly
            {
                QuarterKey = quarter.Key,
                MonthKey = g.Key.MonthKey,
                DepartmentCode = g.Key.Department,
                Kind = g.Key.Kind,
                Checks = g.Count(),
                ScoreSum = g.Sum(c => c.Score),
                AverageScore = Money.Round2(g.Sum(c => c.Score) / g.Count()),
            }).ToList();
}
