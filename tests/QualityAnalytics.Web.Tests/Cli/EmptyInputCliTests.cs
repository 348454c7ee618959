using System.Text.Json;
using MiniExcelLibs;

namespace QualityAnalytics.Web.Tests.Cli;

/// <summary>What `qa load` does with an export that holds nothing, and with a PATH that names nothing (README, "qa load"):
/// a header with no rows under it is a month with nothing to report and loads; a file with nothing at all (0 bytes,
/// blank, a workbook of empty sheets) has no kind to recognise and is skipped with a line saying so, exit 0, so a
/// nightly load does not fail for it; a PATH that does not exist is a usage error (exit 2) and nothing is loaded.</summary>
public sealed class EmptyInputCliTests : IDisposable
{
    private readonly CliRun _qa = new();

    public void Dispose() => _qa.Dispose();

    private const string ComplaintsHeader = "complaint_id,department,received_at,channel,valid\n";

    [Fact]
    public void A_header_without_rows_loads_0_rows_says_so_and_exits_0()
    {
        _qa.Write("inbox/投诉_5月.csv", ComplaintsHeader);

        var (exit, output, _) = _qa.Run("load", "inbox");

        Assert.Equal(0, exit);
        Assert.Contains($"loaded    {Path.Combine("inbox", "投诉_5月.csv")} (complaints): read 0, new 0, updated 0, unchanged 0, quarantined 0; no data rows", output);
        Assert.Contains("0 rejected", output);
        using var db = _qa.Warehouse.CreateContext();
        Assert.Equal("succeeded", db.LoadBatches.Single().Status);
    }

    [Fact]
    public void A_0_byte_or_blank_file_is_skipped_with_a_line_saying_so_and_the_load_exits_0()
    {
        _qa.Write("inbox/departments.csv", "code,name\nLOG,物流业务部\n");
        _qa.Write("inbox/empty.csv", "");
        _qa.Write("inbox/blank.csv", "\n   \n,,\n");
        _qa.Write("inbox/empty.xlsx", "");

        var (exit, output, _) = _qa.Run("load", "inbox");

        Assert.Equal(0, exit);
        Assert.Contains($"skipped   {Path.Combine("inbox", "empty.csv")}: has no header row (the file is empty or blank).", output);
        Assert.Contains($"skipped   {Path.Combine("inbox", "blank.csv")}: has no header row (the file is empty or blank).", output);
        Assert.Contains($"skipped   {Path.Combine("inbox", "empty.xlsx")}: has no header row (the file is empty or blank).", output);
        Assert.Contains("batch 1: 4 file(s)/sheet(s), 1 new, 0 updated, 0 quarantined, 0 rejected", output);
        using var db = _qa.Warehouse.CreateContext();
        Assert.Equal("succeeded", db.LoadBatches.Single().Status);
        // Recorded with the batch, as every file it was given (a folder's in name order): not refused, no kind.
        var skipped = db.SourceFiles.Where(f => f.Kind == null).OrderBy(f => f.Id).ToList();
        Assert.Equal(["blank.csv", "empty.csv", "empty.xlsx"], skipped.Select(f => f.FileName));
        Assert.All(skipped, f => Assert.False(f.Rejected));
    }

    /// <summary>The reason for skipping rather than refusing: the nightly job exits 1 and moves a refused file to
    /// rejected/ for the working group; a department that had nothing to send and sent an empty file is not that.</summary>
    [Fact]
    public void The_nightly_load_archives_an_empty_file_and_does_not_fail()
    {
        var inbox = Path.Combine(_qa.Folder, "data", "inbox", "LOG");
        Directory.CreateDirectory(inbox);
        var empty = Path.Combine(inbox, "投诉.csv");
        File.WriteAllText(empty, "");
        File.SetLastWriteTimeUtc(empty, _qa.Clock.GetUtcNow().UtcDateTime.AddHours(-1)); // settled: not a copy in progress

        var (exit, output, error) = _qa.Run("jobs", "run", "nightly-load");

        Assert.True(exit == 0, output + error);
        Assert.Contains("rejected 0", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_qa.Folder, "data", "archive", "1", "LOG", "投诉.csv")));
    }

    [Fact]
    public void A_workbook_whose_sheets_are_all_empty_is_skipped_and_json_says_not_rejected()
    {
        var book = Path.Combine(_qa.Folder, "inbox", "空表.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(book)!);
        MiniExcel.SaveAs(book, new Dictionary<string, object> { ["Sheet1"] = Array.Empty<Dictionary<string, object>>() }, printHeader: false);

        var (exit, output, _) = _qa.Run("load", "inbox", "--format", "json");

        Assert.Equal(0, exit);
        var file = JsonDocument.Parse(output).RootElement.EnumerateArray().Single();
        Assert.Equal(JsonValueKind.Null, file.GetProperty("kind").ValueKind);
        Assert.False(file.GetProperty("rejected").GetBoolean());
        Assert.Equal("空表.xlsx: has no sheet with a header row (every sheet is empty).", file.GetProperty("reason").GetString());
    }

    [Fact]
    public void A_path_that_does_not_exist_is_a_usage_error_and_nothing_is_loaded_or_recorded()
    {
        _qa.Write("inbox/departments.csv", "code,name\nLOG,物流业务部\n");

        var (exit, output, error) = _qa.Run("load", "inbox", "does_not_exist.csv");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith("qa: no such file or folder: does_not_exist.csv (nothing was loaded)", error);
        Assert.Contains("No load batches yet.", _qa.Run("batches").Out);
        // The same for a check: it would say nothing of a file it cannot find.
        Assert.Equal(2, _qa.Run("load", "--dry-run", "does_not_exist.csv").Exit);
    }
}
