using QualityAnalytics.Warehouse.Marts;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>The quarters a load touched (whose marts it must rebuild) are read from the trail the loader leaves: each
/// source's <c>fact_id_before</c> (its inserted rows lie above it) and each change's <c>quarter_key</c>, not from a scan of
/// every fact by <c>batch_id</c>. Each answer is checked against that scan, which the test runs itself.</summary>
public sealed class TouchedQuartersTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private const string ComplaintHeader = "complaint_id,department,received_at,channel,valid,category\n";

    private static readonly Quarter Q1 = new(2026, 1), Q2 = new(2026, 2), Q3 = new(2026, 3);

    private IReadOnlyList<Quarter> Touched(long batchId)
    {
        using var db = _w.Db.CreateContext();
        return SummaryMartRefresher.QuartersTouchedBy(db, batchId);
    }

    /// <summary>What the scan by batch finds: the quarters of every fact the batch inserted or updated.</summary>
    private IReadOnlyList<Quarter> Scanned(long batchId) =>
        new[] { "fact_complaint", "fact_check", "fact_survey_answer", "fact_callback" }
            .SelectMany(table => Keys($"SELECT DISTINCT quarter_key FROM {table} WHERE batch_id = {batchId}"))
            .Distinct().Order().Select(k => Quarter.FromKey((int)k)).ToList();

    private List<long> Keys(string sql)
    {
        using var connection = _w.Db.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var keys = new List<long>();
        while (reader.Read()) keys.Add(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        return keys;
    }

    private long LoadFolder(params (string Name, string Text)[] files)
    {
        foreach (var (name, text) in files) _w.Write(name, text);
        var result = _w.Load(_w.Inbox);
        foreach (var (name, _) in files) File.Delete(Path.Combine(_w.Inbox, name));
        return result.BatchId;
    }

    [Fact]
    public void A_first_load_touches_the_quarters_of_every_kind_it_wrote()
    {
        var batch = LoadFolder(("departments.csv", Samples.Departments), ("questions.csv", Samples.Questions),
            ("complaints.csv", ComplaintHeader + "C-1,LOG,2026-02-03 10:00,电话,是,服务态度\n"),
            ("checks.csv", Samples.Checks), ("surveys.csv", Samples.Surveys),
            ("callbacks.csv", "callback_id,department,called_on,finding\nB-1,LOG,2026-08-20,无\n"));

        Assert.Equal([Q1, Q2, Q3], Touched(batch));
        Assert.Equal(Scanned(batch), Touched(batch));
        // The empty tables' largest id was 0 before their first rows.
        Assert.Equal(0, _w.Integer("SELECT fact_id_before FROM source_file WHERE file_name = 'complaints.csv'"));
        Assert.Null(_w.Scalar("SELECT fact_id_before FROM source_file WHERE file_name = 'departments.csv'"));
    }

    [Fact]
    public void A_later_load_touches_only_the_quarters_of_the_rows_it_inserted_not_of_those_it_found_unchanged()
    {
        LoadFolder(("departments.csv", Samples.Departments));
        var first = ComplaintHeader + "C-1,LOG,2026-02-03 10:00,电话,是,服务态度\nC-2,STO,2026-05-03 10:00,电话,是,服务态度\n";
        LoadFolder(("complaints.csv", first));
        var highest = _w.Integer("SELECT MAX(id) FROM fact_complaint");

        // The same rows again (unchanged), and one new row of the third quarter in another file of the same batch.
        var batch = LoadFolder(("complaints.csv", first), ("late.csv", ComplaintHeader + "C-3,LOG,2026-08-01 09:00,邮件,是,服务态度\n"));

        Assert.Equal([Q3], Touched(batch));
        Assert.Equal(Scanned(batch), Touched(batch));
        Assert.Equal(highest, _w.Integer($"SELECT fact_id_before FROM source_file WHERE batch_id = {batch} AND file_name = 'late.csv'"));
    }

    [Fact]
    public void A_correction_touches_its_rows_quarter_and_the_quarter_a_moved_row_left()
    {
        LoadFolder(("departments.csv", Samples.Departments));
        LoadFolder(("complaints.csv", ComplaintHeader + "C-1,LOG,2026-02-03 10:00,电话,是,服务态度\nC-2,STO,2026-05-03 10:00,电话,是,服务态度\n"));

        // C-1 keeps its quarter (a new category), C-2 moves from the second quarter to the third.
        var batch = LoadFolder(("complaints.csv", ComplaintHeader + "C-1,LOG,2026-02-03 10:00,电话,是,响应不及时\nC-2,STO,2026-07-03 10:00,电话,是,服务态度\n"));

        Assert.Equal([Q1, Q2, Q3], Touched(batch));
        Assert.Equal([Q1, Q3], Scanned(batch)); // the scan sees where the rows are; the quarter left comes from the change
        Assert.Equal([Q1.Key, Q3.Key], Keys($"SELECT quarter_key FROM row_change WHERE batch_id = {batch} ORDER BY quarter_key").Select(k => (int)k));
    }

    [Fact]
    public void A_batch_recorded_before_the_trail_existed_is_found_by_the_scan()
    {
        LoadFolder(("departments.csv", Samples.Departments));
        LoadFolder(("complaints.csv", ComplaintHeader + "C-1,LOG,2026-02-03 10:00,电话,是,服务态度\n"));
        var batch = LoadFolder(("complaints.csv", ComplaintHeader + "C-1,LOG,2026-02-03 10:00,电话,是,响应不及时\nC-2,STO,2026-05-03 10:00,电话,是,服务态度\n"),
            ("checks.csv", Samples.Checks));
        var withTrail = Touched(batch);

        // As an upgraded warehouse holds a batch that was loaded (and perhaps never rebuilt) by the version before.
        _w.Scalar($"UPDATE source_file SET fact_id_before = NULL WHERE batch_id = {batch}");
        _w.Scalar($"UPDATE row_change SET quarter_key = NULL WHERE batch_id = {batch}");

        Assert.Equal([Q1, Q2], withTrail);
        Assert.Equal(withTrail, Touched(batch));
    }

    [Fact]
    public void A_batch_after_an_approval_changed_that_approved_quarter_and_one_before_it_did_not()
    {
        LoadFolder(("departments.csv", Samples.Departments));
        var first = LoadFolder(("complaints.csv", ComplaintHeader + "C-1,LOG,2026-02-03 10:00,电话,是,服务态度\n"));
        Approve(Q1, lastBatchId: first, at: _w.Clock.GetUtcNow()); // the same second as the batch: the batch id decides
        var correction = LoadFolder(("complaints.csv", ComplaintHeader + "C-1,LOG,2026-02-03 10:00,电话,是,响应不及时\nC-2,STO,2026-05-03 10:00,电话,是,服务态度\n"));

        Assert.Empty(ApprovedChanged(first));
        Assert.Equal([Q1], ApprovedChanged(correction)); // it wrote Q1 and Q2; only Q1 was approved
    }

    [Fact]
    public void An_approval_recorded_before_its_batch_was_kept_is_placed_by_its_time()
    {
        LoadFolder(("departments.csv", Samples.Departments));
        var first = LoadFolder(("complaints.csv", ComplaintHeader + "C-1,LOG,2026-02-03 10:00,电话,是,服务态度\n"));
        _w.Clock.Advance(TimeSpan.FromHours(1));
        Approve(Q1, lastBatchId: null, at: _w.Clock.GetUtcNow());
        _w.Clock.Advance(TimeSpan.FromHours(1));
        var correction = LoadFolder(("complaints.csv", ComplaintHeader + "C-1,LOG,2026-02-03 10:00,电话,是,响应不及时\n"));

        Assert.Empty(ApprovedChanged(first));
        Assert.Equal([Q1], ApprovedChanged(correction));
    }

    private IReadOnlyList<Quarter> ApprovedChanged(long batchId)
    {
        using var db = _w.Db.CreateContext();
        return ApprovedQuartersChanged.By(db, batchId);
    }

    private void Approve(Quarter quarter, long? lastBatchId, DateTimeOffset at)
    {
        using var db = _w.Db.CreateContext();
        db.QuarterApprovals.Add(new QuarterApproval { QuarterKey = quarter.Key, PolicyVersion = "2026", ApprovedBy = "委员会", ApprovedAt = at, LastBatchId = lastBatchId });
        db.SaveChanges();
    }
}
