using QualityAnalytics.Etl.Audit;
using QualityAnalytics.Etl.Loading;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>`FileLoader.Check`, the dry run: it answers exactly what the load would (counts, quarantined values,
/// refusals) and leaves the warehouse, its data and its audit, exactly as it was.</summary>
public sealed class DryRunTests : IDisposable
{
    private static readonly string[] AuditTables = ["load_batch", "source_file", "quarantined_row", "load_warning", "row_change"];

    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private sealed record Checked(LoadResult Result, List<QuarantinedValue> All, long Count, List<QuarantinedValue> FirstFile, List<string> Changes);

    private Checked Check(LoaderOptions? options, params string[] paths) =>
        new FileLoader(_w.Db, _w.Clock, options).Check(paths, (result, rows) =>
            new Checked(result, [.. rows.All()], rows.Count(), [.. rows.Of(result.Files[0])],
                [.. result.Files.SelectMany(f => rows.ChangesOf(f).Select(c => Line(Path.GetFileName(f.File), c.NaturalKey, c.Fields)))]));

    private static string Line(string file, string key, IEnumerable<ChangedField> fields) =>
        $"{file}|{key}|" + string.Join(";", fields.Select(f => $"{f.Field}:{f.Old}→{f.New}"));

    private Checked Check(params string[] paths) => Check(null, paths);

    private List<string> StoredChanges()
    {
        using var db = _w.Db.CreateContext();
        var stored = db.RowChanges.Join(db.SourceFiles, c => c.SourceFileId, f => f.Id, (c, f) => new { c, f.FileName, f.Kind }).OrderBy(x => x.c.Id).ToList();
        using var connection = _w.Db.OpenConnection();
        var fields = new ChangeFields(connection, null);
        return [.. stored.Select(x => Line(x.FileName, x.c.NaturalKey, fields.Of(x.Kind, x.c.OldValues, x.c.NewValues)))];
    }

    /// <summary>Every data row and how many rows each audit table holds.</summary>
    private string Snapshot() => _w.Dump() + string.Join(",", AuditTables.Select(t => $"{t}={_w.Count(t)}"));

    private static IEnumerable<object> Reported(LoadResult result) => result.Files.Select(f =>
        (object)new { File = Path.GetFileName(f.File), f.Sheet, f.Kind, f.Read, f.Loaded, f.Updated, f.Unchanged, f.Quarantined, f.Warnings, f.Rejected, f.Reason });

    private List<string> StoredQuarantine() =>
        [.. _w.Db.CreateContext().QuarantinedRows.OrderBy(q => q.SourceFileId).ThenBy(q => q.Line).ThenBy(q => q.Id).Select(q => $"{q.File}|{q.Sheet}|{q.Line}|{q.Column}|{q.Value}|{q.Reason}")];

    private static List<string> Listed(IEnumerable<QuarantinedValue> values) => [.. values.Select(q => $"{q.File}|{q.Sheet}|{q.Line}|{q.Column}|{q.Value}|{q.Reason}")];

    [Fact]
    public void A_check_reports_what_the_load_then_does_and_keeps_nothing()
    {
        // Dimension files first, a department named only by this load's own file, a key two files share, bad rows in
        // two files, a correction of a stored row, and a file refused whole between the others.
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("complaints.csv", Samples.Complaints);
        _w.Load(_w.Inbox);
        File.Delete(Path.Combine(_w.Inbox, "complaints.csv"));
        _w.Write("departments.csv", Samples.Departments + "NEW,新设部门,王芳\n");
        _w.Write("a-complaints.csv", Samples.Complaints.Replace("C-102,物流业务部,2026/5/3 9:00,邮件,Y,服务态度,3,", "C-102,物流业务部,2026/5/3 9:00,邮件,Y,服务态度,3,2026-05-04 10:30") +
            "C-104,NEW,2026-06-03 08:00,网站,否,,,\nC-105,XYZ,2026-06-03,网站,否,,,\nC-106,LOG,2026-13-01,传真,否,,,\n");
        _w.Write("b-checks.csv", "检查编号,部门编码,月份,检查类型,得分\nK-1,LOG,2026-04,自查,96\nK-2,LOG,\"2026-05,自查,94\nK-3,LOG,2026-06,自查,98\n");
        _w.Write("c-complaints.csv", "complaint_id,department,received_at,channel,valid\nC-104,NEW,2026-06-03 08:00,网站,否\nC-107,STO,2026-06-09 11:00,电话,是\nC-108,STO,yesterday,电话,是\n");
        var before = Snapshot();

        var check = Check(_w.Inbox);

        Assert.Equal(before, Snapshot());
        var load = _w.Load(_w.Inbox);
        Assert.Equal(Reported(load), Reported(check.Result));
        Assert.Equal(StoredQuarantine(), Listed(check.All));
        Assert.Equal(_w.Count("quarantined_row", $"batch_id = {load.BatchId}"), check.Count);
        Assert.Equal(StoredChanges(), check.Changes);
        Assert.Equal(["a-complaints.csv|C-102|replied_at:→2026-05-04 10:30:00"], check.Changes); // listed before any load made it
        // The figures are the ones the scenario was built for, not merely the same twice.
        var complaints = load.Files.Where(f => f.Kind == "complaints").Select(f => (Path.GetFileName(f.File), f.Loaded, f.Updated, f.Unchanged, f.Quarantined));
        Assert.Equal([("a-complaints.csv", 1, 1, 2, 2), ("c-complaints.csv", 1, 0, 1, 1)], complaints);
        Assert.Contains(load.Files, f => f.Rejected && f.File.EndsWith("b-checks.csv", StringComparison.Ordinal));
    }

    [Fact]
    public void A_check_lists_each_files_values_apart()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("complaints.csv", Samples.Complaints + "C-105,XYZ,2026-06-03,网站,否,,,\n");

        var check = Check(_w.Inbox);

        Assert.Empty(check.FirstFile); // departments.csv, the first file of the run
        var complaints = Assert.Single(check.All);
        Assert.Equal(new QuarantinedValue("complaints.csv", null, 5, "department", "XYZ",
            "unknown department (neither a code nor a current name in the warehouse or this load)"), complaints);
        Assert.Equal(0, _w.Count("load_batch"));
    }

    [Fact]
    public void A_workbook_is_checked_sheet_by_sheet_with_each_sheets_values_and_kept_by_none()
    {
        var path = Path.Combine(_w.Inbox, "workbook.xlsx");
        Directory.CreateDirectory(_w.Inbox);
        MiniExcelLibs.MiniExcel.SaveAs(path, new Dictionary<string, object>
        {
            ["回访"] = new[]
            {
                new Dictionary<string, object?> { ["回访编号"] = "B-1", ["部门编码"] = "LOG", ["回访日期"] = new DateTime(2026, 5, 20), ["回访问题"] = "记录不全", ["扣分"] = 0.5 },
                new Dictionary<string, object?> { ["回访编号"] = "B-2", ["部门编码"] = "LOG", ["回访日期"] = new DateTime(2026, 5, 21), ["回访问题"] = "记录不全", ["扣分"] = 2.0 },
            },
            ["部门"] = new[] { new Dictionary<string, object?> { ["部门编码"] = "LOG", ["部门名称"] = "物流业务部", ["负责人"] = "张伟" } },
        });
        var before = Snapshot();

        var check = Check(path);

        Assert.Equal(before, Snapshot());
        Assert.Equal([("部门", "departments", 1, 0), ("回访", "callbacks", 1, 1)],
            check.Result.Files.Select(f => (f.Sheet, f.Kind, f.Loaded, f.Quarantined)));
        // The column as the sheet heads it (扣分), as a load records it.
        Assert.Equal(["workbook.xlsx|回访|3|扣分|2|must be between 0.5 and 1"], Listed(check.All));
        // The load after it says the same: the check ran the load's own code, sheets and all.
        Assert.Equal(Reported(_w.Load(path)), Reported(check.Result));
    }

    [Fact]
    public void A_check_of_files_already_loaded_finds_every_row_unchanged()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("complaints.csv", Samples.Complaints);
        _w.Load(_w.Inbox);
        var before = Snapshot();

        var check = Check(_w.Inbox);

        Assert.All(check.Result.Files, f => Assert.Equal((0, 0, f.Read), (f.Loaded, f.Updated, f.Unchanged)));
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void A_fault_during_a_check_leaves_nothing_behind_not_even_a_failed_batch()
    {
        _w.Write("departments.csv", Samples.Departments);
        var complaints = _w.Write("complaints.csv", Samples.Complaints);
        var before = Snapshot();

        var ex = Assert.Throws<InvalidOperationException>(() => Check(new LoaderOptions { Observer = new FailAtRow("complaints.csv", 2) }, _w.Inbox));

        Assert.Equal("injected fault", ex.Message);
        Assert.Equal(before, Snapshot());
        // The connection went back to the pool in a usable state: a load after it takes every file.
        var load = _w.Load(_w.Inbox);
        Assert.Equal(3, load.Files.Single(f => f.File == complaints).Loaded);
    }

    [Fact]
    public void Keys_one_file_met_are_not_held_against_the_next_file_of_the_check()
    {
        // Within a file a key met twice is a duplicate; a key an earlier file delivered is not. The keys a file met are
        // kept for the file in temporary storage, which a load empties at each commit: a check has one transaction, and
        // must empty it itself. Enough rows for several batches, so that a later batch of the second file would see the
        // first file's keys as claimed earlier: the second file sends them in the opposite order, so that its later
        // batches hold keys of the first file's earlier ones.
        var rows = 2 * _w.RowsPerBatch + 1;
        string Text(IEnumerable<int> ids) => "complaint_id,department,received_at,channel,valid\n" +
            string.Concat(ids.Select(i => $"C-{i:00000},LOG,2026-04-03 14:05,电话,是\n"));
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("a-complaints.csv", Text(Enumerable.Range(1, rows)));
        _w.Load(_w.Inbox);
        _w.Write("b-complaints.csv", Text(Enumerable.Range(1, rows).Reverse()));

        var check = Check(_w.Inbox);

        Assert.Equal([(rows, 0, 0, rows, 0), (rows, 0, 0, rows, 0)],
            check.Result.Files.Where(f => f.Kind == "complaints").Select(f => (f.Read, f.Loaded, f.Updated, f.Unchanged, f.Quarantined)));
    }

    [Fact]
    public void Checks_leave_no_hole_in_the_batch_numbers()
    {
        // On PostgreSQL a rolled-back insert still draws from the identity sequence: three checks between two loads made
        // the second batch 5 (tried on a PostgreSQL server). The working group reads the batch numbers as the load history.
        _w.Write("departments.csv", Samples.Departments);
        var first = _w.Load(_w.Inbox).BatchId;
        _w.Write("complaints.csv", Samples.Complaints);
        for (var i = 0; i < 3; i++)
            Assert.Equal(3, Check(_w.Inbox).Result.Files.Single(f => f.Kind == "complaints").Loaded);

        var second = _w.Load(_w.Inbox).BatchId;

        Assert.Equal(first + 1, second);
        Assert.Equal([first, second], _w.Db.CreateContext().LoadBatches.OrderBy(b => b.Id).Select(b => b.Id).ToList());
    }

    /// <summary>Fails on a row of the second file, after the first (departments) was written under its savepoint.</summary>
    private sealed class FailAtRow(string fileName, int row) : ILoadObserver
    {
        public void RowWritten(string file, string? sheet, int line, int rowsSoFar)
        {
            if (Path.GetFileName(file) == fileName && rowsSoFar == row) throw new InvalidOperationException("injected fault");
        }
    }
}
