using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Warehouse.Quality;

namespace QualityAnalytics.Web.Tests.Cli;

/// <summary>`qa verify`: the warehouse's data tests pass on what the loader and the scoring stage write, and each kind
/// of damage that nothing else would notice (the facts carry no foreign keys; the dashboard reads the marts, not the
/// facts) fails exactly the tests that name it, with the rows' keys, on both engines.</summary>
public sealed class VerifyCliTests : IDisposable
{
    private readonly CliRun _qa = new();

    public VerifyCliTests()
    {
        _qa.Write("inbox/departments.csv", "code,name\nLOG,物流业务部\nSTO,储运中心\n");
        _qa.Write("inbox/checks.csv", "check_id,department,month,kind,score\nK-1,LOG,2026-04,self,97\nK-2,LOG,2026-04,spot,96\nK-3,STO,2026-05,self,99\n");
        _qa.Write("inbox/complaints.csv", "complaint_id,department,received_at,channel,valid,resolved_at\n" +
                                          "C-1,LOG,2026-04-01 10:00,电话,是,2026-04-02 10:00\nC-2,STO,2026-05-06 09:00,邮件,否,\nC-3,LOG,2026-06-30 23:59,网站,是,\n");
        _qa.Write("inbox/callbacks.csv", "callback_id,department,called_on,finding\nH-1,LOG,2026-04-10,none\nH-2,STO,2026-04-11,incomplete\n");
        var (exit, output, error) = _qa.Run("load", "inbox");
        Assert.True(exit == 0, output + error);
    }

    public void Dispose() => _qa.Dispose();

    [Fact]
    public void What_the_loader_wrote_passes_every_test()
    {
        var (exit, output, _) = _qa.Run("verify", "--format", "json");

        Assert.Equal(0, exit);
        var results = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(DataTests.All.Select(t => t.Name), results.Select(r => r.GetProperty("test").GetString()));
        Assert.All(results, r => Assert.Equal("pass", r.GetProperty("status").GetString()));
        Assert.EndsWith($"data tests: {DataTests.All.Count} passed, 0 failed, 0 warned", _qa.Run("verify").Out.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_correction_that_moves_a_complaint_to_another_quarter_leaves_both_quarters_marts_right()
    {
        // C-1 was received on 1 April (2026Q2); the department's next export dates it 1 July (2026Q3).
        _qa.Write("correction/complaints.csv", "complaint_id,department,received_at,channel,valid,resolved_at\nC-1,LOG,2026-07-01 10:00,电话,是,2026-07-02 10:00\n");
        var (exit, output, error) = _qa.Run("load", "correction");
        Assert.True(exit == 0, output + error);

        // The old quarter's marts no longer count it, the new one's do, and its status is judged in the new quarter.
        var verify = _qa.Run("verify", "--format", "json");
        Assert.True(verify.Exit == 0, verify.Out);
        using var db = _qa.Warehouse.CreateContext();
        Assert.Equal(1, db.ComplaintSummaries.Where(m => m.QuarterKey == 20262 && m.DepartmentCode == "LOG").Sum(m => m.Complaints));
        Assert.Equal(1, db.ComplaintSummaries.Where(m => m.QuarterKey == 20263).Sum(m => m.Complaints));
        Assert.Equal(20263, db.ComplaintStatuses.Single(s => s.ComplaintKey == db.Complaints.Single(c => c.ComplaintId == "C-1").Id).QuarterKey);
    }

    [Theory]
    [InlineData("UPDATE fact_complaint SET channel_key = 99 WHERE complaint_id = 'C-1'", "relationship:fact_complaint.channel_key", "C-1")]
    [InlineData("UPDATE fact_check SET quarter_key = 20261 WHERE check_id = 'K-3'", "expression:fact_check.month", "K-3")]
    [InlineData("UPDATE fact_callback SET deduction = 0.5 WHERE callback_id = 'H-1'", "expression:fact_callback.deduction", "H-1: none 0.5")]
    [InlineData("UPDATE fact_check SET score = 100.5 WHERE check_id = 'K-3'", "range:fact_check.score", "K-3: 100.5")]
    [InlineData("DELETE FROM mart_complaint_summary WHERE department_code = 'STO'", "equality:mart_complaint_summary", "20262 STO: 1 facts, 0 in the mart")]
    [InlineData("DELETE FROM mart_complaint_status WHERE complaint_key = (SELECT id FROM fact_complaint WHERE complaint_id = 'C-2')", "relationship:mart_complaint_status.complaint", "C-2: no status in 20262")]
    [InlineData("UPDATE mart_complaint_status SET solution_status = 'soon' WHERE complaint_key = (SELECT id FROM fact_complaint WHERE complaint_id = 'C-3')", "accepted_values:mart_complaint_status.status", "C-3: overdue / soon")]
    [InlineData("UPDATE dim_department SET valid_to = '2026-05-01', is_current = FALSE WHERE code = 'LOG'; " +
                "INSERT INTO dim_department (code, name, valid_from, is_current) VALUES ('LOG', '物流部', '2026-05-01', TRUE)",
                "expression:fact_complaint.department_version", "C-3")] // renamed from 1 May, but C-3 (30 June) still points at the old name
    public void Damage_fails_exactly_the_test_that_names_it(string damage, string test, string example)
    {
        using (var db = _qa.Warehouse.CreateContext())
        {
            foreach (var statement in damage.Split("; ")) db.Database.ExecuteSqlRaw(statement);
        }

        var (exit, output, _) = _qa.Run("verify", "--format", "json");

        Assert.Equal(1, exit);
        var failed = JsonDocument.Parse(output).RootElement.EnumerateArray().Where(r => r.GetProperty("status").GetString() != "pass").ToList();
        var only = Assert.Single(failed);
        Assert.Equal((test, "fail"), (only.GetProperty("test").GetString(), only.GetProperty("status").GetString()));
        Assert.Equal([example], only.GetProperty("examples").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains($"FAIL  {test}: ", _qa.Run("verify").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_whose_score_is_not_100_minus_its_deductions_is_a_warning_as_at_load()
    {
        _qa.Write("more/deductions.csv", "check_id,item,points\nK-1,服务态度,2\nK-1,记录,0.5\n"); // K-1 scores 97, not 97.5
        Assert.Equal(0, _qa.Run("load", "more").Exit);

        var (exit, output, _) = _qa.Run("verify");

        Assert.Equal(0, exit);
        Assert.Contains("WARN  expression:fact_check.deductions: a check with deductions scores 100 − Σ points (Article 8) — 1 row(s), e.g. K-1: 97", output, StringComparison.Ordinal);
        Assert.EndsWith($"data tests: {DataTests.All.Count - 1} passed, 0 failed, 1 warned", output.TrimEnd(), StringComparison.Ordinal);
    }
}
