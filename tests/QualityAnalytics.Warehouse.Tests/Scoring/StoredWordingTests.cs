using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using QualityAnalytics.TestSupport;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Scoring.Mart;

namespace QualityAnalytics.Warehouse.Tests.Scoring;

/// <summary>
/// The explanation lines are stored text, written when a quarter is scored. A rescore of unchanged facts under an
/// unchanged policy keeps the stored numbers and their time, but rewrites wording that changed since (review F13: money
/// as 1,000 and −5,000, not 1000 and −5000.00), so that `qa score` brings an old warehouse's report and dashboard up to date.
/// </summary>
public sealed class StoredWordingTests : IDisposable
{
    private static readonly Quarter Q2 = new(2026, 2);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 7, 5, 2, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "qa-wording-" + Guid.NewGuid().ToString("N"));
    private readonly WarehouseDb _warehouse;

    public StoredWordingTests()
    {
        _warehouse = TestDatabases.NewWarehouse(_folder);
        try
        {
            // One self-check of 80 and nothing else: T = (0.4 × 80 + 0.3 × 100) / 0.7 = 88.57, a fail, −5,000 (the floor 90).
            using var db = _warehouse.CreateContext();
            db.Departments.Add(new DimDepartment { Code = "A", Name = "部门A", ValidFrom = new DateOnly(2020, 1, 1), IsCurrent = true });
            db.SaveChanges();
            db.Checks.Add(new FactCheck
            {
                CheckId = "ZC-202604-A", DepartmentKey = db.Departments.Single().DepartmentKey, MonthKey = DateKeys.Of(new DateOnly(2026, 4, 1)),
                QuarterKey = Q2.Key, Kind = "self", Score = 80m, BatchId = 1, SourceFileId = 1, SourceLine = 2,
            });
            db.SaveChanges();
        }
        catch
        {
            Dispose(); // xunit does not dispose a test whose constructor threw
            throw;
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestDatabases.Drop(_warehouse);
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void A_rescore_of_unchanged_facts_rewrites_old_wording_and_keeps_the_time_computed()
    {
        const string Now = "× 1,000 = −5,000";
        const string Before = "× 1000 = −5000.00";
        DateTimeOffset computedAt;
        using (var db = _warehouse.CreateContext())
        {
            AssessmentMart.Score(db, Q2, PolicyFile.Default, _clock);
            var row = db.Assessments.Single();
            Assert.Contains(Now, row.Explanation, StringComparison.Ordinal);
            // The row as a warehouse scored before the change stored it.
            row.Explanation = row.Explanation.Replace(Now, Before, StringComparison.Ordinal);
            db.SaveChanges();
            computedAt = row.ComputedAt;
        }

        _clock.Advance(TimeSpan.FromHours(1));
        using (var db = _warehouse.CreateContext())
        {
            AssessmentMart.Score(db, Q2, PolicyFile.Default, _clock);
            var row = db.Assessments.AsNoTracking().Single();
            Assert.Contains(Now, row.Explanation, StringComparison.Ordinal);
            Assert.DoesNotContain(Before, row.Explanation, StringComparison.Ordinal);
            Assert.Equal(computedAt, row.ComputedAt); // the same results: not recomputed, only reworded
            var stored = AssessmentMart.Stored(db, Q2, PolicyFile.Default.For(Q2))!.Assessments.Single();
            Assert.Equal("Amount = −(95 − max(88.57, 90)) × 1,000 = −5,000", stored.Explanation.Single(l => l.Component == "Amount").Formula);
            Assert.Equal(-5000m, stored.Amount);
        }
    }
}
