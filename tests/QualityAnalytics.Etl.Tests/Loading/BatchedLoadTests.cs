using System.Text;
using QualityAnalytics.Etl.Loading;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>Files larger than one insert batch (128 rows): the batched fast path keeps every behaviour of the row-by-row
/// one — counts, a key repeated inside the same batch quarantined as a duplicate, corrections, idempotent reloads, a
/// fault mid-batch rolling the whole file back.</summary>
public sealed class BatchedLoadTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private static string Complaints(int rows, Func<int, string>? idOf = null, Func<int, string>? validOf = null)
    {
        var sb = new StringBuilder("complaint_id,department,received_at,channel,valid,category\n");
        for (var i = 1; i <= rows; i++)
            sb.Append($"{(idOf ?? (n => $"B-{n:D4}"))(i)},{(i % 2 == 0 ? "LOG" : "STO")},2026-05-{1 + i % 28:D2} 10:{i % 60:D2},电话,{(validOf ?? (_ => "是"))(i)},类别{i % 5}\n");
        return sb.ToString();
    }

    [Fact]
    public void A_file_of_several_batches_loads_every_row_once_and_reloads_unchanged()
    {
        _w.Write("departments.csv", Samples.Departments);
        var file = _w.Write("complaints.csv", Complaints(700));
        var first = _w.Load(_w.Inbox).Files.Single(f => f.Kind == "complaints");
        Assert.Equal((700, 700, 0), (first.Read, first.Loaded, first.Quarantined));
        Assert.Equal(700, _w.Count("fact_complaint"));
        Assert.Equal(1, _w.Count("fact_complaint", "complaint_id = 'B-0317' AND source_line = 318"));

        var again = _w.Load(file).Files.Single();
        Assert.Equal((0, 0, 700), (again.Loaded, again.Updated, again.Unchanged));
    }

    [Fact]
    public void A_key_repeated_inside_one_batch_is_quarantined_as_a_duplicate_and_the_first_one_kept()
    {
        _w.Write("departments.csv", Samples.Departments);
        // Rows 50 and 60 (same batch) and rows 200 and 201 (the next batch) repeat the key of an earlier row.
        _w.Write("complaints.csv", Complaints(300, n => n switch { 60 => "B-0050", 201 => "B-0200", _ => $"B-{n:D4}" }));
        var result = _w.Load(_w.Inbox).Files.Single(f => f.Kind == "complaints");
        Assert.Equal((300, 298, 2), (result.Read, result.Loaded, result.Quarantined));
        Assert.Equal(["61|complaint_id|B-0050", "202|complaint_id|B-0200"],
            _w.Db.CreateContext().QuarantinedRows.OrderBy(q => q.Line).Select(q => $"{q.Line}|{q.Column}|{q.Value}").ToList());
        Assert.Equal(51L, _w.Integer("SELECT source_line FROM fact_complaint WHERE complaint_id = 'B-0050'"));
    }

    [Fact]
    public void Corrections_spread_over_several_batches_update_exactly_those_rows_with_their_history()
    {
        _w.Write("departments.csv", Samples.Departments);
        var file = _w.Write("complaints.csv", Complaints(400));
        _w.Load(_w.Inbox);
        File.WriteAllText(file, Complaints(400, validOf: n => n % 100 == 0 ? "否" : "是"));
        var result = _w.Load(file).Files.Single();
        Assert.Equal((0, 4, 396), (result.Loaded, result.Updated, result.Unchanged));
        Assert.Equal(4, _w.Count("row_change", "table_name = 'fact_complaint'"));
        Assert.Equal(4, _w.Count("fact_complaint", "valid = FALSE"));
    }

    [Fact]
    public void A_fault_after_several_batches_leaves_the_warehouse_as_before_the_file()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Load(_w.Inbox);
        var before = _w.Dump();
        var file = _w.Write("complaints.csv", Complaints(600));
        Assert.Throws<InvalidOperationException>(() => _w.Load(new LoaderOptions { Observer = new FailAt(450) }, file));
        Assert.Equal(before, _w.Dump());
        Assert.Equal(600, _w.Load(file).Files.Single().Loaded);
    }

    private sealed class FailAt(int row) : ILoadObserver
    {
        public void RowWritten(string file, string? sheet, int line, int rowsSoFar)
        {
            if (rowsSoFar == row) throw new InvalidOperationException("injected fault");
        }
    }
}
