using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using QualityAnalytics.TestSupport;
using QualityAnalytics.Warehouse.Marts;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Semantic;

namespace QualityAnalytics.Warehouse.Tests.Marts;

/// <summary>
/// The summary marts and the query layer on a real warehouse: a SQLite file, or a PostgreSQL database in the second
/// pass. A few facts are written through EF with the values that tell the engines apart (a reply one second past 24
/// hours, decimals with two places, a mean that is not a whole number), and the same answers are expected on both.
/// </summary>
public sealed partial class MartsAndQueriesOnEitherEngineTests : IDisposable
{
    private static readonly Quarter Q2 = new(2026, 2);
    // Friday 8 May 2026, 12:00 in Shanghai. No load batch is recorded, so the quarter's open complaints are judged as of
    // now (OpenComplaintsAsOf): WUH-01 (received Wednesday 6 May 09:15) is past its 24-hour reply deadline but within its
    // solution deadline (Saturday 9 May, a make-up working day: 7, 8 and 9 May are the working days after it); LOG-03 (received 8 April, never
    // solved) is past its solution deadline of 13 April.
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 5, 8, 4, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "qa-marts-" + Guid.NewGuid().ToString("N"));
    private readonly WarehouseDb _warehouse;

    public MartsAndQueriesOnEitherEngineTests()
    {
        _warehouse = TestDatabases.NewWarehouse(_folder);
        try
        {
            Seed();
        }
        catch
        {
            Dispose(); // xunit does not dispose a test whose constructor threw: drop the database here
            throw;
        }
    }

    private void Seed()
    {
        using var db = _warehouse.CreateContext();
        db.Departments.AddRange(Department("LOG", "物流业务部"), Department("WUH", "武汉业务部"));
        db.Categories.Add(new DimCategory { Name = "响应不及时" });
        db.SaveChanges();
        var log = db.Departments.Single(d => d.Code == "LOG").DepartmentKey;
        var wuh = db.Departments.Single(d => d.Code == "WUH").DepartmentKey;
        var category = db.Categories.Single().CategoryKey;
        // Wednesday 8 April 2026: three working days later is Monday the 13th (no holiday in between).
        var received = new DateTime(2026, 4, 8, 10, 0, 0);
        db.Complaints.AddRange(
            Complaint("TS-2026Q2-LOG-01", log, received, valid: true, replied: received.AddHours(24), resolved: new DateTime(2026, 4, 13, 18, 0, 0), deduction: 0.25m, category),
            Complaint("TS-2026Q2-LOG-02", log, received, valid: true, replied: received.AddHours(24).AddSeconds(1), resolved: new DateTime(2026, 4, 14, 9, 0, 0), deduction: 2.10m, category),
            Complaint("TS-2026Q2-LOG-03", log, received.AddMinutes(30), valid: false, replied: received.AddHours(1.5), resolved: null, deduction: 1.5m, category),
            Complaint("TS-2026Q2-WUH-01", wuh, new DateTime(2026, 5, 6, 9, 15, 30), valid: true, replied: null, resolved: null, deduction: null, category));
        db.Checks.AddRange(Check("ZC-202604-LOG-1", log, 4, "self", 95.5m), Check("CC-202604-LOG", log, 4, "spot", 94.25m), Check("ZC-202605-LOG-1", log, 5, "self", 100m));
        db.SaveChanges();
        SummaryMartRefresher.Refresh(db, [Q2], Clock, PolicyFile.Default);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestDatabases.Drop(_warehouse);
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void The_complaint_mart_counts_late_replies_to_the_second_and_late_solutions_by_working_day()
    {
        using var db = _warehouse.CreateContext();
        var log = db.ComplaintSummaries.AsNoTracking().Single(m => m.DepartmentCode == "LOG");

        Assert.Equal((Q2.Key, 20260401, "电话", "响应不及时"), (log.QuarterKey, log.MonthKey, log.Channel, log.Category));
        Assert.Equal((3, 2, 3, 1, 2, 1), (log.Complaints, log.ValidComplaints, log.Replied, log.RepliedLate, log.Resolved, log.ResolvedLate));
        Assert.Equal((0, 1), (log.ReplyOverdue, log.ResolveOverdue));
        Assert.Equal(2.35m, log.DirectDeduction); // valid complaints only: 0.25 + 2.10
        var checks = db.CheckMonthly.AsNoTracking().Where(m => m.DepartmentCode == "LOG").ToList().OrderBy(m => m.MonthKey).ThenBy(m => m.Kind, StringComparer.Ordinal).ToList();
        Assert.Equal([(20260401, "self", 95.5m), (20260401, "spot", 94.25m), (20260501, "self", 100m)], checks.Select(c => (c.MonthKey, c.Kind, c.AverageScore)));
    }

    [Fact]
    public void Open_complaints_past_their_deadline_are_overdue_as_of_the_quarter_and_not_before()
    {
        using var db = _warehouse.CreateContext();
        var wuh = db.ComplaintSummaries.AsNoTracking().Single(m => m.DepartmentCode == "WUH");

        Assert.Equal((0, 1, 0, 0), (wuh.Replied, wuh.ReplyOverdue, wuh.Resolved, wuh.ResolveOverdue));
    }

    [Fact]
    public void Measures_divide_and_round_in_decimal_half_away_from_zero()
    {
        using var connection = _warehouse.OpenConnection();

        var complaints = SemanticQuery.Run(connection, new QueryRequest
        {
            Measures = ["complaints", "direct_deduction", "reply_on_time_rate", "resolve_on_time_rate"], Dimensions = ["department"],
        }, RowScope.Everything);
        var checks = SemanticQuery.Run(connection, new QueryRequest { Measures = ["checks", "check_score"], Dimensions = ["month"] }, RowScope.Everything);

        // LOG: 2 of 3 replies on time is 0.66666… → 0.6667; 1 of 2 solutions on time plus LOG-03 open past its deadline is
        // 1 of 3 → 0.3333 (as the report counts it). WUH's one complaint is unanswered past its deadline, a miss (0, not
        // "no rate"); its solution is not due yet, so it has no solution rate (not 0, not 1).
        Assert.Equal(new object?[][] { ["LOG", 3L, 2.35m, 0.6667m, 0.3333m], ["WUH", 1L, 0m, 0m, null] }, complaints.Rows);
        // April: (95.5 + 94.25) / 2 = 94.875 → 94.88, half away from zero.
        Assert.Equal(new object?[][] { ["2026-04", 2L, 94.88m], ["2026-05", 1L, 100m] }, checks.Rows);
    }

    [Fact]
    public void Drill_down_rows_come_back_in_one_form_and_sorted_by_value()
    {
        using var connection = _warehouse.OpenConnection();

        var page = RowQuery.Run(connection, "complaints", new RowQuery.RowRequest { Sort = "direct_deduction", Descending = true }, RowScope.Everything);
        var columns = page.Columns.Select(c => c.Name).ToList();
        object?[] Pick(object?[] row, params string[] names) => names.Select(n => row[columns.IndexOf(n)]).ToArray();

        Assert.Equal(4, page.Total);
        Assert.Equal(
            new object?[][]
            {
                ["TS-2026Q2-LOG-02", "2026-04-08 10:00", "2026-04-09 10:00", true, 2.1m],
                ["TS-2026Q2-LOG-03", "2026-04-08 10:30", "2026-04-08 11:30", false, 1.5m],
                ["TS-2026Q2-LOG-01", "2026-04-08 10:00", "2026-04-09 10:00", true, 0.25m],
                ["TS-2026Q2-WUH-01", "2026-05-06 09:15", null, true, null],
            },
            page.Rows.Select(r => Pick(r, "complaint_id", "received_at", "replied_at", "valid", "direct_deduction")));
        // By value: as text (SQLite's storage) 100 would come first.
        var checks = RowQuery.Run(connection, "checks", new RowQuery.RowRequest { Sort = "score" }, RowScope.Everything);
        var score = checks.Columns.ToList().FindIndex(c => c.Name == "score");
        Assert.Equal(new object?[] { 94.25m, 95.5m, 100m }, checks.Rows.Select(r => r[score]));
    }

    [Fact]
    public void Each_complaint_row_carries_the_status_the_rates_counted_and_can_be_filtered_by_it()
    {
        using var connection = _warehouse.OpenConnection();
        var page = RowQuery.Run(connection, "complaints", new RowQuery.RowRequest(), RowScope.Everything);
        var columns = page.Columns.Select(c => c.Name).ToList();
        object?[] Pick(object?[] row, params string[] names) => names.Select(n => row[columns.IndexOf(n)]).ToArray();

        // The summary mart's counts above (LOG: 1 reply late, 1 solution late, 1 overdue; WUH: reply overdue), row by row;
        // a solution's deadline is the end of its third working day, written as that day's 24:00.
        Assert.Equal(
            new object?[][]
            {
                ["TS-2026Q2-LOG-01", "on_time", "2026-04-09 10:00", "on_time", "2026-04-13 24:00"],
                ["TS-2026Q2-LOG-02", "late", "2026-04-09 10:00", "late", "2026-04-13 24:00"],
                ["TS-2026Q2-LOG-03", "on_time", "2026-04-09 10:30", "overdue", "2026-04-13 24:00"],
                ["TS-2026Q2-WUH-01", "overdue", "2026-05-07 09:15", "pending", "2026-05-09 24:00"],
            },
            page.Rows.Select(r => Pick(r, "complaint_id", "reply_status", "reply_due", "solution_status", "solution_due")));

        var missed = RowQuery.Run(connection, "complaints", new RowQuery.RowRequest
        {
            Filters = new Dictionary<string, IReadOnlyList<string>> { ["solution_status"] = ["late", "overdue"] },
        }, RowScope.Everything);
        Assert.Equal(["TS-2026Q2-LOG-02", "TS-2026Q2-LOG-03"], missed.Rows.Select(r => (string?)r[columns.IndexOf("complaint_id")]));
        Assert.Equal(2, missed.Total);
        // Sorted by deadline: WUH-01's reply is due last.
        var byDue = RowQuery.Run(connection, "complaints", new RowQuery.RowRequest { Sort = "reply_due", Descending = true }, RowScope.Everything);
        Assert.Equal("TS-2026Q2-WUH-01", byDue.Rows[0][columns.IndexOf("complaint_id")]);
    }

    [Fact]
    public void A_complaint_a_correction_moved_to_another_quarter_is_judged_there_and_only_there()
    {
        using var db = _warehouse.CreateContext();
        var moved = db.Complaints.Single(c => c.ComplaintId == "TS-2026Q2-WUH-01");
        var q3 = new Quarter(2026, 3);
        moved.ReceivedAt = new DateTime(2026, 7, 1, 9, 0, 0);
        moved.ReceivedDateKey = 20260701;
        moved.QuarterKey = q3.Key;
        db.SaveChanges();

        // The quarter it moved to is rebuilt first (the old one is rebuilt by the same load: QuartersTouchedBy, tested with `qa verify`).
        SummaryMartRefresher.Refresh(db, [q3], Clock, PolicyFile.Default);
        using (var connection = _warehouse.OpenConnection())
        {
            var rows = RowQuery.Run(connection, "complaints", new RowQuery.RowRequest { Filters = new Dictionary<string, IReadOnlyList<string>> { ["complaint_id"] = ["TS-2026Q2-WUH-01"] } },
                RowScope.Everything);
            var columns = rows.Columns.Select(c => c.Name).ToList();
            // One row, with its new quarter's status: the old quarter's status row, not yet rebuilt, does not join.
            Assert.Equal(["pending", "pending"], new[] { "reply_status", "solution_status" }.Select(n => (string?)Assert.Single(rows.Rows)[columns.IndexOf(n)]));
        }

        SummaryMartRefresher.Refresh(db, [Q2], Clock, PolicyFile.Default);
        var status = Assert.Single(db.ComplaintStatuses.AsNoTracking().Where(s => s.ComplaintKey == moved.Id).ToList());
        Assert.Equal((q3.Key, "pending", "pending"), (status.QuarterKey, status.ReplyStatus, status.SolutionStatus));
        Assert.Equal(3, db.ComplaintStatuses.Count(s => s.QuarterKey == Q2.Key));
    }

    [Fact]
    public void A_quarter_of_many_complaints_gets_every_status_the_rule_gives()
    {
        // More than a statement's rows on either engine (16 on SQLite, 200 on PostgreSQL) and not a multiple of either, so
        // the reused full statement and the last, shorter one both run.
        var q3 = new Quarter(2026, 3);
        using var db = _warehouse.CreateContext();
        var log = db.Departments.Single(d => d.Code == "LOG").DepartmentKey;
        var category = db.Categories.Single().CategoryKey;
        var start = new DateTime(2026, 7, 1, 8, 0, 0);
        var complaints = Enumerable.Range(0, 437).Select(i =>
        {
            var received = start.AddMinutes(i * 222);
            var complaint = Complaint($"TS-2026Q3-{i:D3}", log, received, valid: true, replied: i % 3 == 0 ? null : received.AddHours(20 + i % 9),
                resolved: i % 4 == 0 ? null : received.AddDays(1 + i % 6), deduction: null, category);
            complaint.QuarterKey = q3.Key;
            return complaint;
        }).ToList();
        db.Complaints.AddRange(complaints);
        db.SaveChanges();

        SummaryMartRefresher.Refresh(db, [q3], Clock, PolicyFile.Default);

        var asOf = OpenComplaintsAsOf.Read(db, q3, Clock);
        var calendar = Warehouse.Calendar.DateDimension.Load(db);
        var stored = db.ComplaintStatuses.AsNoTracking().Where(s => s.QuarterKey == q3.Key).ToDictionary(s => s.ComplaintKey);
        Assert.Equal(complaints.Count, stored.Count);
        var rules = ServiceTargetRules.Default;
        Assert.All(complaints, c =>
        {
            var (reply, solution) = (rules.Reply(c.ReceivedAt, c.RepliedAt, asOf), rules.Solution(c.ReceivedAt, c.ResolvedAt, asOf, calendar));
            var s = stored[c.Id];
            Assert.Equal((reply.Status, reply.Due, solution.Status, solution.Due), (s.ReplyStatus, s.ReplyDue, s.SolutionStatus, s.SolutionDue));
        });
        Assert.Contains(stored.Values, s => s.ReplyStatus == TargetStatus.Late);
        Assert.Contains(stored.Values, s => s.SolutionStatus == TargetStatus.OnTime);
    }

    [Fact]
    public void The_search_ignores_case_and_matches_percent_and_underscore_literally()
    {
        using var connection = _warehouse.OpenConnection();
        long Count(string search) => RowQuery.Run(connection, "complaints", new RowQuery.RowRequest { Search = search }, RowScope.Everything).Total;

        Assert.Equal(3, Count("ts-2026q2-log"));
        Assert.Equal(0, Count("TS-2026Q2-LOG-0_"));
        Assert.Equal(0, Count("TS-2026Q2-%-01"));
    }

    private static DimDepartment Department(string code, string name) =>
        new() { Code = code, Name = name, ValidFrom = new DateOnly(2020, 1, 1), IsCurrent = true };

    private static FactComplaint Complaint(string id, int department, DateTime received, bool valid, DateTime? replied, DateTime? resolved, decimal? deduction, int category) => new()
    {
        ComplaintId = id, DepartmentKey = department, ReceivedAt = received, ReceivedDateKey = DateKeys.Of(DateOnly.FromDateTime(received)), QuarterKey = Q2.Key,
        ChannelKey = ChannelCatalog.All[0].Key, Valid = valid, CategoryKey = category, RepliedAt = replied, ResolvedAt = resolved, DirectDeduction = deduction,
        BatchId = 1, SourceFileId = 1, SourceLine = 2,
    };

    private static FactCheck Check(string id, int department, int month, string kind, decimal score) => new()
    {
        CheckId = id, DepartmentKey = department, MonthKey = DateKeys.Of(new DateOnly(2026, month, 1)), QuarterKey = Q2.Key, Kind = kind, Score = score,
        BatchId = 1, SourceFileId = 1, SourceLine = 2,
    };
}
