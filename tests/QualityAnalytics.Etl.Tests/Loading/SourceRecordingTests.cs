using QualityAnalytics.Etl.Loading;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>A file's sources are recorded in a transaction of their own, committed before the file's, pending until the
/// file's commit completes them (BatchRecorder.RecordSources says why: on SQLite, updating at the end rows written at the
/// start of a large file's transaction made the commit re-read the whole WAL). What the audit holds after a load, a
/// refusal or a fault is what it held before.</summary>
public sealed class SourceRecordingTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private string SourceRow(string fileName) =>
        string.Join("|", (string?)_w.Scalar($"SELECT kind FROM source_file WHERE file_name = '{fileName}'"),
            _w.Integer($"SELECT read FROM source_file WHERE file_name = '{fileName}'"),
            _w.Integer($"SELECT loaded FROM source_file WHERE file_name = '{fileName}'"),
            ((string?)_w.Scalar($"SELECT sha256 FROM source_file WHERE file_name = '{fileName}'"))?.Length);

    [Fact]
    public void A_file_being_loaded_is_recorded_pending_before_its_rows_and_completed_by_its_commit()
    {
        _w.Load(_w.Write("departments.csv", Samples.Departments));
        var complaints = _w.Write("complaints.csv", Samples.Complaints);
        var seenWhileWriting = new List<string>();

        var result = _w.Load(new LoaderOptions { Observer = new EachRow(() => seenWhileWriting.Add(SourceRow("complaints.csv"))) }, complaints);

        // Another connection sees the row committed, with no counts and no hash yet, while the file's rows are written.
        Assert.Equal(["complaints|0|0|0"], seenWhileWriting.Distinct());
        Assert.Equal(3, result.Files.Single().Loaded);
        Assert.Equal("complaints|3|3|64", SourceRow("complaints.csv"));
        Assert.Equal(1, _w.Count("source_file", "file_name = 'complaints.csv'"));
    }

    [Fact]
    public void A_file_refused_halfway_leaves_its_one_rejected_row_and_nothing_pending()
    {
        _w.Load(_w.Write("departments.csv", Samples.Departments));
        // A quote left open on the last line: found only when the rows before it have been written.
        var complaints = _w.Write("complaints.csv", Samples.Complaints + "C-9,LOG,2026-04-09 10:00,电话,是,\"unclosed,,\n");

        var file = _w.Load(complaints).Files.Single();

        Assert.True(file.Rejected, file.Reason);
        Assert.Equal(0, _w.Count("fact_complaint"));
        Assert.Equal(1, _w.Count("source_file", "file_name = 'complaints.csv'"));
        Assert.Equal(1, _w.Count("source_file", "file_name = 'complaints.csv' AND rejected = TRUE"));
        Assert.Equal(0, _w.Count("source_file", "sha256 = ''"));
    }

    [Fact]
    public void A_workbook_records_each_sheet_once_in_sheet_order_whatever_its_header_decided()
    {
        var workbook = Path.Combine(_w.Inbox, "book.xlsx");
        Directory.CreateDirectory(_w.Inbox);
        MiniExcelLibs.MiniExcel.SaveAs(workbook, new Dictionary<string, object>
        {
            ["说明"] = new List<Dictionary<string, object?>> { new() { ["说明"] = "本表为二季度数据", ["备注"] = "无" } },
            ["部门"] = new List<Dictionary<string, object?>> { new() { ["部门编码"] = "LOG", ["部门名称"] = "物流业务部", ["负责人"] = "张伟" } },
            ["投诉"] = new List<Dictionary<string, object?>> { new() { ["complaint_id"] = "C-1", ["department"] = "LOG" } },
        });

        var files = _w.Load(workbook).Files;

        // The departments load, the complaints lack required columns, the notes sheet is skipped: one row each.
        Assert.Equal(3, _w.Count("source_file"));
        Assert.Equal([("departments", false), ("complaints", true), ((string?)null, false)],
            files.Select(f => (f.Kind, f.Rejected)));
        Assert.Equal(files.Select(f => f.SourceFileId), files.Select(f => f.SourceFileId).Order());
        Assert.Equal(1, _w.Count("source_file", "sheet = '部门' AND read = 1 AND loaded = 1"));
        Assert.Equal(0, _w.Count("source_file", "sha256 = ''"));
    }

    private sealed class EachRow(Action action) : ILoadObserver
    {
        public void RowWritten(string file, string? sheet, int line, int rowsSoFar) => action();
    }
}
