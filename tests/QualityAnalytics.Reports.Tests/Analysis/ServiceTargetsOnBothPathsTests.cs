using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using QualityAnalytics.Reports.Analysis;
using QualityAnalytics.Reports.Report;
using QualityAnalytics.TestSupport;
using QualityAnalytics.Warehouse.Marts;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Reports.Tests.Analysis;

/// <summary>
/// The policy's service targets reach the dashboard's complaint mart (<see cref="SummaryMartRefresher"/>, behind the
/// on-time rates) and the analysis (the report, `qa analyze`, the analysis API) alike. A policy file with a second version
/// from 2026Q2 that sets <c>reply_hours: 48</c> and <c>solution_working_days: 5</c>; 2026Q1 stays under §7's 24 hours and
/// 3 working days. Each complaint has its own category, so each mart row is one complaint and both paths are compared
/// complaint by complaint on the boundary cases, and against what the policy says. Real warehouse (SQLite, or
/// PostgreSQL in that pass).
/// </summary>
public sealed class ServiceTargetsOnBothPathsTests : IDisposable
{
    private static readonly Quarter Q1 = new(2026, 1), Q2 = new(2026, 2);
    // 2026-05-13 00:00 in Shanghai. No load batch is recorded, so every quarter's open complaints are judged as of now.
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 5, 12, 16, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "qa-targets-" + Guid.NewGuid().ToString("N"));
    private readonly WarehouseDb _warehouse;

    /// <summary>Complaint, department, received, replied, resolved, and the statuses the policy gives it (reply, solution).</summary>
    private static readonly (string Id, string Department, DateTime Received, DateTime? Replied, DateTime? Resolved, string Reply, string Solution)[] Cases =
    [
        // 2026Q2, 48 hours and 5 working days. Wed 8 April 10:00: reply due Fri 10 April 10:00:00 (inclusive); solution due by
        // the end of Wed 15 April (Thu 9, Fri 10, Mon 13, Tue 14, Wed 15), i.e. before 00:00 of the 16th.
        ("Q2-AT-DEADLINE", "LOG", new(2026, 4, 8, 10, 0, 0), new(2026, 4, 10, 10, 0, 0), new(2026, 4, 15, 23, 59, 59), "on_time", "on_time"),
        ("Q2-ONE-SECOND-AFTER", "LOG", new(2026, 4, 8, 10, 0, 0), new(2026, 4, 10, 10, 0, 1), new(2026, 4, 16, 0, 0, 0), "late", "late"),
        // Wed 6 May: Thu 7, Fri 8, Sat 9 (劳动节 make-up working day), Mon 11, Tue 12: due before 00:00 of Wed 13 May. On
        // weekdays alone it would be the 14th, and the solution at 00:00 of the 13th would be on time.
        ("Q2-MAKEUP-SATURDAY-235959", "LOG", new(2026, 5, 6, 10, 0, 0), new(2026, 5, 7, 9, 0, 0), new(2026, 5, 12, 23, 59, 59), "on_time", "on_time"),
        ("Q2-MAKEUP-SATURDAY-0000", "LOG", new(2026, 5, 6, 10, 0, 0), new(2026, 5, 6, 11, 0, 0), new(2026, 5, 13, 0, 0, 0), "on_time", "late"),
        // Open at 00:00 of the 13th, the solution deadline itself: overdue (a solution then would be late).
        ("Q2-OPEN-AT-SOLUTION-DEADLINE", "LOG", new(2026, 5, 6, 10, 0, 0), new(2026, 5, 6, 12, 0, 0), null, "on_time", "overdue"),
        // Unanswered, received exactly 48 hours before now: a reply now is on time, so not yet overdue; one second earlier is.
        ("Q2-OPEN-AT-REPLY-DEADLINE", "LOG", new(2026, 5, 11, 0, 0, 0), null, null, "pending", "pending"),
        ("Q2-OPEN-ONE-SECOND-PAST", "LOG", new(2026, 5, 10, 23, 59, 59), null, null, "overdue", "pending"),
        // 25 hours: on time under 48, late under §7's 24.
        ("Q2-WUH-25-HOURS", "WUH", new(2026, 4, 20, 9, 0, 0), new(2026, 4, 21, 10, 0, 0), new(2026, 4, 22, 9, 0, 0), "on_time", "on_time"),
        // 2026Q1, the first version: §7's 24 hours and 3 working days (Tue 10 March: Wed 11, Thu 12, Fri 13).
        ("Q1-24-HOURS-AND-ONE-SECOND", "LOG", new(2026, 3, 10, 10, 0, 0), new(2026, 3, 11, 10, 0, 1), new(2026, 3, 13, 23, 59, 59), "late", "on_time"),
        ("Q1-48-HOURS", "LOG", new(2026, 3, 10, 10, 0, 0), new(2026, 3, 12, 10, 0, 0), new(2026, 3, 14, 0, 0, 0), "late", "late"),
    ];

    public ServiceTargetsOnBothPathsTests()
    {
        _warehouse = TestDatabases.NewWarehouse(_folder);
        try
        {
            Seed();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestDatabases.Drop(_warehouse);
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>The shipped policy file, and a second version from 2026Q2 with other targets, as the working group would write it.</summary>
    private static PolicySet Policies()
    {
        using var stream = typeof(PolicyFile).Assembly.GetManifestResourceStream("QualityAnalytics.Warehouse.Scoring.default-policy.json")!;
        var file = JsonNode.Parse(stream, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
        var versions = file["versions"]!.AsArray();
        var first = versions[0]!.AsObject();
        first.Remove("service_targets"); // an older file: §7's values
        var second = first.DeepClone().AsObject();
        second["version"] = "2026-04";
        second["effective_from"] = "2026Q2";
        second["service_targets"] = JsonNode.Parse("""{ "reply_hours": 48, "solution_working_days": 5, "satisfaction_target": 0.85, "compliance_target": 1.0 }""");
        versions.Add(second);
        return PolicyFile.Parse(file.ToJsonString(), "policy.json");
    }

    private void Seed()
    {
        using var db = _warehouse.CreateContext();
        db.Departments.AddRange(Department("LOG", "物流业务部"), Department("WUH", "武汉业务部"));
        db.Categories.AddRange(Cases.Select(c => new DimCategory { Name = c.Id }));
        db.SaveChanges();
        var departments = db.Departments.ToDictionary(d => d.Code, d => d.DepartmentKey);
        var categories = db.Categories.ToDictionary(c => c.Name, c => c.CategoryKey);
        db.Complaints.AddRange(Cases.Select(c => new FactComplaint
        {
            ComplaintId = c.Id, DepartmentKey = departments[c.Department], ReceivedAt = c.Received, ReceivedDateKey = DateKeys.Of(DateOnly.FromDateTime(c.Received)),
            QuarterKey = Quarter.Of(DateOnly.FromDateTime(c.Received)).Key, ChannelKey = ChannelCatalog.All[0].Key, Valid = true, CategoryKey = categories[c.Id],
            RepliedAt = c.Replied, ResolvedAt = c.Resolved, BatchId = 1, SourceFileId = 1, SourceLine = 2,
        }));
        db.SaveChanges();
    }

    private static DimDepartment Department(string code, string name) =>
        new() { Code = code, Name = name, ValidFrom = new DateOnly(2020, 1, 1), IsCurrent = true };

    /// <summary>The dashboard's path: each complaint's statuses as the mart row of its own category counts them.</summary>
    private Dictionary<string, (string Reply, string Solution)> MartStatuses(PolicySet policies)
    {
        using var db = _warehouse.CreateContext();
        SummaryMartRefresher.Refresh(db, [Q1, Q2], Clock, policies);
        return db.ComplaintSummaries.AsNoTracking().ToList().ToDictionary(m => m.Category, m =>
        {
            Assert.Equal(1, m.Complaints);
            var reply = m.RepliedLate == 1 ? "late" : m.ReplyOverdue == 1 ? "overdue" : m.Replied == 1 ? "on_time" : "pending";
            var solution = m.ResolvedLate == 1 ? "late" : m.ResolveOverdue == 1 ? "overdue" : m.Resolved == 1 ? "on_time" : "pending";
            return (reply, solution);
        });
    }

    [Fact]
    public void The_policys_targets_give_the_dashboards_mart_and_the_analysis_the_same_status_for_every_complaint()
    {
        var policies = Policies();
        var expected = Cases.ToDictionary(c => c.Id, c => (c.Reply, c.Solution));

        var mart = MartStatuses(policies);

        using var db = _warehouse.CreateContext();
        var input = AnalysisInputReader.Read(db, Q2, AnalysisOptions.Default, policies, Clock);
        var analysis = input.Complaints.ToDictionary(c => c.ComplaintId, c => (ServiceTargets.Reply(c, input).Status, ServiceTargets.Solution(c, input).Status));

        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), mart.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), analysis.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void The_reports_service_target_table_counts_what_the_mart_counts_quarter_by_quarter_under_each_quarters_targets()
    {
        var policies = Policies();
        MartStatuses(policies);

        using var db = _warehouse.CreateContext();
        var model = ReportDataReader.Read(db, Q2, new ReportOptions(), policies, Clock);
        var section = model.Analysis.ServiceTargets;
        var summaries = db.ComplaintSummaries.AsNoTracking().ToList();
        foreach (var q in new[] { Q1, Q2 })
        foreach (var department in new[] { "LOG", "WUH" })
        {
            var rows = summaries.Where(m => m.QuarterKey == q.Key && m.DepartmentCode == department).ToList();
            var row = section.History.Single(r => r.Quarter == q.ToString() && r.DepartmentCode == department);
            int replied = rows.Sum(m => m.Replied), repliedLate = rows.Sum(m => m.RepliedLate), replyOverdue = rows.Sum(m => m.ReplyOverdue);
            int resolved = rows.Sum(m => m.Resolved), resolvedLate = rows.Sum(m => m.ResolvedLate), resolveOverdue = rows.Sum(m => m.ResolveOverdue);
            Assert.Equal((replied - repliedLate, repliedLate + replyOverdue), (row.Reply.OnTime, row.Reply.Late));
            Assert.Equal((resolved - resolvedLate, resolvedLate + resolveOverdue), (row.Solution.OnTime, row.Solution.Late));
        }

        // The report names the analysed quarter's targets: the version in force for 2026Q2 (the version its approval is made under).
        Assert.Equal(new ServiceTargetRules(48m, 5, 0.85m, 1m), section.Targets);
        Assert.Contains(section.Definitions, d => d.StartsWith("回复时限:收到投诉后 48 小时内回复", StringComparison.Ordinal));
        Assert.Contains(section.Definitions, d => d.Contains("第 5 个工作日", StringComparison.Ordinal));
        Assert.Equal("2026-04", model.Policy.Version);
    }

    [Fact]
    public void Under_section_7s_targets_alone_the_same_complaints_are_judged_otherwise_on_both_paths()
    {
        // The control: with the shipped policy (24 hours, 3 working days), 2026Q2's answers differ, on both paths alike.
        var mart = MartStatuses(PolicyFile.Default);
        using var db = _warehouse.CreateContext();
        var input = AnalysisInputReader.Read(db, Q2, AnalysisOptions.Default, PolicyFile.Default, Clock);

        Assert.Equal(("late", "late"), mart["Q2-AT-DEADLINE"]);
        Assert.Equal("late", mart["Q2-WUH-25-HOURS"].Reply);
        foreach (var c in input.Complaints)
            Assert.Equal(mart[c.ComplaintId], (ServiceTargets.Reply(c, input).Status, ServiceTargets.Solution(c, input).Status));
    }
}
