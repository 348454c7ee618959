using System.Text;
using QualityAnalytics.Etl.Loading;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>Files larger than one insert batch (<see cref="TestWarehouse.RowsPerBatch"/> rows: 128 on SQLite, more on
/// PostgreSQL): the batched fast path keeps every behaviour of the row-by-row one — counts, a key repeated inside the
/// same batch quarantined as a duplicate, corrections, idempotent reloads, a fault mid-batch rolling the whole file
/// back. File sizes and row numbers are given in batches, so both providers see the same shape (on SQLite the figures
/// are 700, 300, 400 and 600 rows).</summary>
public sealed class BatchedLoadTests : IDisposable
{
    private readonly TestWarehouse _w = new();
    private readonly int _batch;

    public BatchedLoadTests() => _batch = _w.RowsPerBatch;

    public void Dispose() => _w.Dispose();

    private static string Complaints(int rows, Func<int, string>? idOf = null, Func<int, string>? validOf = null)
    {
        var sb = new StringBuilder("complaint_id,department,received_at,channel,valid,category\n");
        for (var i = 1; i <= rows; i++)
            sb.Append($"{(idOf ?? Id)(i)},{(i % 2 == 0 ? "LOG" : "STO")},2026-05-{1 + i % 28:D2} 10:{i % 60:D2},电话,{(validOf ?? (_ => "是"))(i)},类别{i % 5}\n");
        return sb.ToString();
    }

    private static string Id(int row) => $"B-{row:D4}";

    [Fact]
    public void A_file_of_several_batches_loads_every_row_once_and_reloads_unchanged()
    {
        var rows = 5 * _batch + 60;
        _w.Write("departments.csv", Samples.Departments);
        var file = _w.Write("complaints.csv", Complaints(rows));
        var first = _w.Load(_w.Inbox).Files.Single(f => f.Kind == "complaints");
        Assert.Equal((rows, rows, 0), (first.Read, first.Loaded, first.Quarantined));
        Assert.Equal(rows, _w.Count("fact_complaint"));
        Assert.Equal(1, _w.Count("fact_complaint", "complaint_id = 'B-0317' AND source_line = 318"));

        var again = _w.Load(file).Files.Single();
        Assert.Equal((0, 0, rows), (again.Loaded, again.Updated, again.Unchanged));
    }

    [Fact]
    public void A_key_repeated_inside_one_batch_is_quarantined_as_a_duplicate_and_the_first_one_kept()
    {
        var rows = 2 * _batch + 44;
        var (first, repeat) = (_batch + 72, _batch + 73);
        _w.Write("departments.csv", Samples.Departments);
        // Rows 50 and 60 (same batch) and rows first and repeat (the next batch) repeat the key of an earlier row.
        _w.Write("complaints.csv", Complaints(rows, n => n == 60 ? Id(50) : n == repeat ? Id(first) : Id(n)));
        var result = _w.Load(_w.Inbox).Files.Single(f => f.Kind == "complaints");
        Assert.Equal((rows, rows - 2, 2), (result.Read, result.Loaded, result.Quarantined));
        Assert.Equal(["61|complaint_id|B-0050", $"{repeat + 1}|complaint_id|{Id(first)}"],
            _w.Db.CreateContext().QuarantinedRows.OrderBy(q => q.Line).Select(q => $"{q.Line}|{q.Column}|{q.Value}").ToList());
        Assert.Equal(51L, _w.Integer("SELECT source_line FROM fact_complaint WHERE complaint_id = 'B-0050'"));
        Assert.Equal(first + 1L, _w.Integer($"SELECT source_line FROM fact_complaint WHERE complaint_id = '{Id(first)}'"));
    }

    [Fact]
    public void A_key_repeated_two_batches_later_is_found_stored_by_this_file_and_quarantined_as_a_duplicate()
    {
        var rows = 3 * _batch + 16;
        var repeat = 2 * _batch + 10;
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("complaints.csv", Complaints(rows, n => n == repeat ? Id(5) : Id(n)));
        var result = _w.Load(_w.Inbox).Files.Single(f => f.Kind == "complaints");
        Assert.Equal((rows, rows - 1, 1, 0), (result.Read, result.Loaded, result.Quarantined, result.Updated));
        Assert.Equal([$"{repeat + 1}|complaint_id|B-0005"],
            _w.Db.CreateContext().QuarantinedRows.Select(q => $"{q.Line}|{q.Column}|{q.Value}").ToList());
        Assert.Equal(6L, _w.Integer("SELECT source_line FROM fact_complaint WHERE complaint_id = 'B-0005'"));
    }

    [Fact]
    public void Corrections_spread_over_several_batches_update_exactly_those_rows_with_their_history()
    {
        var rows = 3 * _batch + 16;
        // One corrected row in each of the four batches, the last one the file's final row (the tail).
        var corrected = new HashSet<int> { 100, _batch + 72, 2 * _batch + 44, rows };
        _w.Write("departments.csv", Samples.Departments);
        var file = _w.Write("complaints.csv", Complaints(rows));
        _w.Load(_w.Inbox);
        File.WriteAllText(file, Complaints(rows, validOf: n => corrected.Contains(n) ? "否" : "是"));
        var result = _w.Load(file).Files.Single();
        Assert.Equal((0, 4, rows - 4), (result.Loaded, result.Updated, result.Unchanged));
        Assert.Equal(4, _w.Count("row_change", "table_name = 'fact_complaint'"));
        Assert.Equal(4, _w.Count("fact_complaint", "valid = FALSE"));
        Assert.Equal(4, _w.Count("fact_complaint", $"valid = FALSE AND complaint_id IN ({string.Join(", ", corrected.Select(n => $"'{Id(n)}'"))})"));
    }

    [Fact]
    public void A_correction_repeated_inside_one_batch_of_a_reload_updates_the_row_once_and_the_repeat_is_a_duplicate()
    {
        // The second file corrects row 20 and repeats its key at row 30 (same batch) with yet other values: the first
        // occurrence updates the stored row, and the repeat is then found stored by this file — a duplicate — rather
        // than compared with the row as it was before the file (which would record a second correction).
        var rows = _batch + 10;
        _w.Write("departments.csv", Samples.Departments);
        var file = _w.Write("complaints.csv", Complaints(rows));
        _w.Load(_w.Inbox);
        File.WriteAllText(file, Complaints(rows, idOf: n => n == 30 ? Id(20) : Id(n), validOf: n => n == 20 ? "否" : "是"));
        var load = _w.Load(file);
        var result = load.Files.Single();
        Assert.Equal((0, 1, rows - 2, 1), (result.Loaded, result.Updated, result.Unchanged, result.Quarantined));
        Assert.Equal(["31|complaint_id|B-0020"],
            _w.Db.CreateContext().QuarantinedRows.Where(q => q.BatchId == load.BatchId).Select(q => $"{q.Line}|{q.Column}|{q.Value}").ToList());
        Assert.Equal(1, _w.Count("row_change", "table_name = 'fact_complaint'"));
        Assert.Equal(1, _w.Count("fact_complaint", "complaint_id = 'B-0020' AND valid = FALSE AND source_line = 21"));
    }

    [Fact]
    public void Stored_keys_in_the_middle_of_batches_of_new_rows_are_compared_and_the_rows_around_them_load_once()
    {
        // The first file stores four rows; the second holds those four keys (two of them corrected) spread over its
        // batches of otherwise new rows: at a batch's first row, in the middle, at its last row and in a later batch,
        // so the fast path meets a stored key after new rows, before new rows and again after all-new batches.
        var batch = _batch;
        var stored = new[] { batch + 1, batch + batch / 2, 2 * batch, 4 * batch + 7 };
        var rows = 5 * batch + 30;
        _w.Write("departments.csv", Samples.Departments);
        _w.Load(_w.Inbox);
        var lines = Complaints(rows).Split('\n');
        var first = _w.Write("first.csv", string.Join('\n', stored.Select(n => lines[n]).Prepend(lines[0])) + "\n");
        Assert.Equal(stored.Length, _w.Load(first).Files.Single().Loaded);

        var corrected = new HashSet<int> { stored[1], stored[3] };
        var second = _w.Write("second.csv", Complaints(rows, validOf: n => corrected.Contains(n) ? "否" : "是"));
        var result = _w.Load(second).Files.Single();

        Assert.Equal((rows, rows - stored.Length, 2, 2, 0), (result.Read, result.Loaded, result.Updated, result.Unchanged, result.Quarantined));
        Assert.Equal(rows, _w.Count("fact_complaint"));
        Assert.Equal(2, _w.Count("row_change", "table_name = 'fact_complaint'"));
        Assert.Equal(2, _w.Count("fact_complaint", $"valid = FALSE AND complaint_id IN ('{Id(stored[1])}', '{Id(stored[3])}')"));
        // New and corrected rows carry the second file's lineage and their own line; the unchanged ones keep the first's.
        Assert.Equal(rows - 2, _w.Count("fact_complaint",
            $"source_file_id = {result.SourceFileId} AND source_line = CAST(SUBSTR(complaint_id, 3) AS INTEGER) + 1"));
    }

    [Fact]
    public void Answers_keyed_by_response_and_question_reload_over_several_batches_with_exactly_the_corrections()
    {
        // A two-column natural key (response_id, question): the stored rows of a batch are found by both columns.
        var responses = 2 * _batch / 3 + 7; // three answers each: two full batches and a tail
        string Answers(Func<int, string, int> score)
        {
            var sb = new StringBuilder("response_id,department,quarter,customer,question,score\n");
            for (var r = 1; r <= responses; r++)
            {
                foreach (var (q, max) in new[] { ("Q1", 5), ("Q2", 5), ("Q3", 10) })
                    sb.Append($"R-{r:D4},{(r % 2 == 0 ? "LOG" : "STO")},2026Q2,客户{r % 9},{q},{Math.Min(max, score(r, q))}\n");
            }
            return sb.ToString();
        }
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("questions.csv", Samples.Questions);
        var file = _w.Write("answers.csv", Answers((r, q) => 3 + r % 3));
        var first = _w.Load(_w.Inbox).Files.Single(f => f.Kind == "surveys");
        Assert.Equal((3 * responses, 3 * responses, 0), (first.Read, first.Loaded, first.Quarantined));

        // R-0005's Q2 (first batch) and R-0060's Q3 (second batch on SQLite) are corrected; their other answers are not.
        File.WriteAllText(file, Answers((r, q) => (r, q) is (5, "Q2") or (60, "Q3") ? 1 : 3 + r % 3));
        var again = _w.Load(file).Files.Single();

        Assert.Equal((0, 2, 3 * responses - 2), (again.Loaded, again.Updated, again.Unchanged));
        Assert.Equal(2, _w.Count("row_change", "table_name = 'fact_survey_answer'"));
        Assert.Equal(2, _w.Count("fact_survey_answer", "CAST(score AS REAL) = 1"));
        Assert.Equal(1, _w.Count("fact_survey_answer", "response_id = 'R-0005' AND question = 'Q2' AND CAST(score AS REAL) = 1"));
        Assert.Equal(1, _w.Count("fact_survey_answer", "response_id = 'R-0060' AND question = 'Q3' AND CAST(score AS REAL) = 1"));
    }

    [Fact]
    public void A_fault_after_several_batches_leaves_the_warehouse_as_before_the_file()
    {
        var rows = 4 * _batch + 88;
        _w.Write("departments.csv", Samples.Departments);
        _w.Load(_w.Inbox);
        var before = _w.Dump();
        var file = _w.Write("complaints.csv", Complaints(rows));
        Assert.Throws<InvalidOperationException>(() => _w.Load(new LoaderOptions { Observer = new FailAt(3 * _batch + 66) }, file));
        Assert.Equal(before, _w.Dump());
        Assert.Equal(rows, _w.Load(file).Files.Single().Loaded);
    }

    private sealed class FailAt(int row) : ILoadObserver
    {
        public void RowWritten(string file, string? sheet, int line, int rowsSoFar)
        {
            if (rowsSoFar == row) throw new InvalidOperationException("injected fault");
        }
    }

    /// <summary>Customers and categories are looked up on the staging thread while the writing thread creates the new
    /// ones: whichever thread resolves a name, each name is one dimension row, every fact points at the row of its own
    /// name, and a later file reuses the rows (the names here recur across many batches, and new names appear late).</summary>
    [Fact]
    public void Customer_and_category_names_become_one_dimension_row_each_and_every_fact_points_at_its_own_name()
    {
        var rows = 6 * _batch + 30;
        _w.Write("departments.csv", Samples.Departments);
        static string Customer(int i) => i > 500 && i % 7 == 0 ? $"晚到客户{i % 11}" : $"客户{i % 13}";
        static string Category(int i) => i % 9 == 0 ? "" : $"类别{i % 4}";
        var sb = new StringBuilder("complaint_id,department,received_at,channel,valid,customer,category\n");
        for (var i = 1; i <= rows; i++) sb.Append($"{Id(i)},LOG,2026-05-{1 + i % 28:D2} 10:00,电话,是,{Customer(i)},{Category(i)}\n");
        _w.Write("complaints.csv", sb.ToString());
        Assert.Equal(rows, _w.Load(_w.Inbox).Files.Single(f => f.Kind == "complaints").Loaded);

        var customers = Enumerable.Range(1, rows).Select(Customer).Distinct().Count();
        var categories = Enumerable.Range(1, rows).Select(Category).Where(c => c.Length > 0).Distinct().Count();
        Assert.Equal((customers, categories), (_w.Count("dim_customer"), _w.Count("dim_category")));
        for (var i = 1; i <= rows; i += 37)
        {
            Assert.Equal(Customer(i), _w.Scalar($"SELECT c.name FROM fact_complaint f JOIN dim_customer c ON c.customer_key = f.customer_key WHERE f.complaint_id = '{Id(i)}'"));
            var category = _w.Scalar($"SELECT g.name FROM fact_complaint f LEFT JOIN dim_category g ON g.category_key = f.category_key WHERE f.complaint_id = '{Id(i)}'");
            Assert.Equal(Category(i).Length == 0 ? null : Category(i), category is DBNull ? null : category);
        }

        // A second file with the same names and one new customer creates only that one.
        _w.Write("more.csv", $"complaint_id,department,received_at,channel,valid,customer,category\nM-1,LOG,2026-06-01 09:00,电话,是,{Customer(1)},{Category(1)}\nM-2,STO,2026-06-02 09:00,邮件,否,新客户,类别1\n");
        Assert.Equal(2, _w.Load(Path.Combine(_w.Inbox, "more.csv")).Files.Single().Loaded);
        Assert.Equal((customers + 1, categories), (_w.Count("dim_customer"), _w.Count("dim_category")));
        Assert.Equal(Customer(1), _w.Scalar("SELECT c.name FROM fact_complaint f JOIN dim_customer c ON c.customer_key = f.customer_key WHERE f.complaint_id = 'M-1'"));
    }
}
