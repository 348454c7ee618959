using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using QualityAnalytics.TestSupport;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Scoring.Mart;

namespace QualityAnalytics.Warehouse.Tests.Scoring;

/// <summary>
/// The rank of each department (<see cref="AssessmentRows.Ranks"/>), through <see cref="AssessmentMart.Score"/>, the entry
/// point `qa score` calls, on a real warehouse: the rank is printed in the CLI table and the report and stored in the mart
/// row, and nothing else tested it. Guards three rules: highest total first; equal totals share a rank and the next rank is
/// skipped (competition ranking, 1, 1, 3); a withheld department (no data) has no rank but is still listed and stored, so
/// that "no data" never reads as "last place" nor disappears.
/// </summary>
public sealed class RankingTests : IDisposable
{
    private static readonly Quarter Q2 = new(2026, 2);
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 7, 5, 2, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "qa-ranks-" + Guid.NewGuid().ToString("N"));
    private readonly WarehouseDb _warehouse;

    public RankingTests()
    {
        _warehouse = TestDatabases.NewWarehouse(_folder);
        try
        {
            Seed();
        }
        catch
        {
            Dispose(); // xunit does not dispose a test whose constructor threw
            throw;
        }
    }

    // Self-checks only, one per department in April, so every total takes the same path (survey missing → the default
    // rescale): T = (0.4 × S + 0.3 × 100) / 0.7.
    //   S 100 → 70 / 0.7 = 100.00;  S 90 → 66 / 0.7 = 94.2857… → 94.29;  S 80 → 62 / 0.7 = 88.5714… → 88.57.
    // The codes are in an order that is not the rank order, and the ties are not next to each other in it, so neither the
    // input order nor a sort by code can pass for a ranking. W has no self-check and no questionnaire: withheld.
    private static readonly (string Code, decimal? Self)[] Departments =
        [("A", 80m), ("B", 90m), ("C", 100m), ("D", 90m), ("E", 100m), ("W", null)];

    private void Seed()
    {
        using var db = _warehouse.CreateContext();
        db.Departments.AddRange(Departments.Select(d => new DimDepartment { Code = d.Code, Name = "部门" + d.Code, ValidFrom = new DateOnly(2020, 1, 1), IsCurrent = true }));
        db.SaveChanges();
        var keys = db.Departments.ToDictionary(d => d.Code, d => d.DepartmentKey);
        foreach (var (code, self) in Departments)
        {
            if (self is not { } score) continue;
            db.Checks.Add(new FactCheck
            {
                CheckId = $"ZC-202604-{code}", DepartmentKey = keys[code], MonthKey = DateKeys.Of(new DateOnly(2026, 4, 1)), QuarterKey = Q2.Key,
                Kind = "self", Score = score, BatchId = 1, SourceFileId = 1, SourceLine = 2,
            });
        }
        db.SaveChanges();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestDatabases.Drop(_warehouse);
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Totals_rank_highest_first_ties_share_a_rank_and_the_next_rank_is_skipped()
    {
        using var db = _warehouse.CreateContext();
        var scored = AssessmentMart.Score(db, Q2, PolicyFile.Default, Clock);

        // The totals the ranks are built on (see Departments): two at 100.00, two at 94.29, one at 88.57.
        var totals = scored.Assessments.ToDictionary(a => a.DepartmentCode, a => a.Total);
        Assert.Equal(100.00m, totals["C"]);
        Assert.Equal(100.00m, totals["E"]);
        Assert.Equal(94.29m, totals["B"]);
        Assert.Equal(94.29m, totals["D"]);
        Assert.Equal(88.57m, totals["A"]);

        // Competition ranking: 1, 1, 3, 3, 5 (not dense 1, 1, 2, 2, 3, nor 1–5 by position).
        Assert.Equal(1, scored.Ranks["C"]);
        Assert.Equal(1, scored.Ranks["E"]);
        Assert.Equal(3, scored.Ranks["B"]);
        Assert.Equal(3, scored.Ranks["D"]);
        Assert.Equal(5, scored.Ranks["A"]);

        // Highest total first: walking the ranks upward, the totals never rise.
        var byRank = scored.Ranks.OrderBy(r => r.Value).Select(r => totals[r.Key]!.Value).ToList();
        Assert.Equal(byRank.OrderByDescending(t => t), byRank);
    }

    [Fact]
    public void A_withheld_department_has_no_rank_but_stays_in_the_list_and_in_the_mart()
    {
        using (var db = _warehouse.CreateContext())
        {
            var scored = AssessmentMart.Score(db, Q2, PolicyFile.Default, Clock);
            var w = Assert.Single(scored.Assessments, a => a.DepartmentCode == "W");
            Assert.Equal(Grade.Withheld, w.Grade);
            Assert.Null(w.Total);
            Assert.False(scored.Ranks.ContainsKey("W"));
            // Five ranked, six listed: W is not counted in "rank n of 5" either (the report prints Ranks.Count).
            Assert.Equal(5, scored.Ranks.Count);
            Assert.Equal(Departments.Length, scored.Assessments.Count);
        }

        // The stored rows: W has a row with a null rank (not 0, not 6); the others carry the ranks above.
        using (var db = _warehouse.CreateContext())
        {
            var rows = db.Assessments.AsNoTracking().Where(a => a.QuarterKey == Q2.Key).ToList().ToDictionary(a => a.DepartmentCode, a => a.Rank);
            Assert.Equal(Departments.Length, rows.Count);
            Assert.Null(rows["W"]);
            Assert.Equal(new int?[] { 5, 3, 1, 3, 1 }, new[] { "A", "B", "C", "D", "E" }.Select(c => rows[c]));
        }
    }

    [Fact]
    public void The_stored_draft_read_back_ranks_the_same()
    {
        // The report reads the stored draft (AssessmentMart.Stored) and ranks it again from the stored totals, whose
        // decimals the database may give back with another scale (94.29 vs 94.2900): equal totals must still tie.
        IReadOnlyDictionary<string, int> scoredRanks;
        using (var db = _warehouse.CreateContext())
            scoredRanks = AssessmentMart.Score(db, Q2, PolicyFile.Default, Clock).Ranks;
        using (var db = _warehouse.CreateContext())
        {
            var stored = AssessmentMart.Stored(db, Q2, PolicyFile.Default.For(Q2));
            Assert.NotNull(stored);
            Assert.Equal(scoredRanks.OrderBy(r => r.Key, StringComparer.Ordinal), stored.Ranks.OrderBy(r => r.Key, StringComparer.Ordinal));
            Assert.Contains(stored.Assessments, a => a.DepartmentCode == "W" && a.Grade == Grade.Withheld);
        }
    }
}
