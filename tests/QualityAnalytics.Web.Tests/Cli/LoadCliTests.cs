using System.Text;
using System.Text.Json;

namespace QualityAnalytics.Web.Tests.Cli;

public sealed class LoadCliTests : IDisposable
{
    private readonly CliRun _qa = new();

    public void Dispose() => _qa.Dispose();

    [Fact]
    public void Load_json_prints_one_object_per_file_with_the_contract_keys_and_exits_0_despite_quarantined_rows()
    {
        _qa.Write("inbox/departments.csv", "code,name\nLOG,物流业务部\n");
        _qa.Write("inbox/complaints.csv", "complaint_id,department,received_at,channel,valid,extra\nC-1,LOG,2026-04-01 10:00,电话,是,x\nC-2,NOPE,2026-04-01 10:00,电话,是,x\n");

        var (exit, output, _) = _qa.Run("load", "inbox", "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var files = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, files.Count);
        foreach (var key in new[] { "file", "sheet", "kind", "read", "loaded", "updated", "unchanged", "quarantined", "rejected", "reason" })
            Assert.All(files, f => Assert.True(f.TryGetProperty(key, out _), key));
        var complaints = files[1];
        Assert.Equal(Path.Combine("inbox", "complaints.csv"), complaints.GetProperty("file").GetString());
        Assert.Equal(JsonValueKind.Null, complaints.GetProperty("sheet").ValueKind);
        Assert.Equal("complaints", complaints.GetProperty("kind").GetString());
        Assert.Equal((2, 1, 1), (complaints.GetProperty("read").GetInt32(), complaints.GetProperty("loaded").GetInt32(), complaints.GetProperty("quarantined").GetInt32()));
        Assert.False(complaints.GetProperty("rejected").GetBoolean());
        Assert.Equal("extra", complaints.GetProperty("unknown_columns")[0].GetString());
    }

    [Fact]
    public void On_a_terminal_a_long_load_shows_its_progress_on_standard_error_and_clears_it_before_the_summaries()
    {
        using var qa = new CliRun { ErrorIsTerminal = true };
        WriteTenThousandComplaintsWithASecondPerClockReading(qa);

        var (exit, output, error) = qa.Run("load", "inbox");

        Assert.Equal(0, exit);
        var name = Path.Combine("inbox", "complaints.csv");
        Assert.Contains($"\r{name}: 4,096 rows read", error);
        Assert.Contains($"\r{name}: 8,192 rows read", error);
        // Then the commit is announced, and the line is overwritten with spaces before the summaries and the rescoring note.
        Assert.Contains($"\r{name}: 10,000 rows read, committing…", error);
        var cleared = "\r" + new string(' ', $"{name}: 10,000 rows read, committing…".Length) + "\r";
        Assert.Contains(cleared, error);
        Assert.True(error.LastIndexOf("rows read", StringComparison.Ordinal) < error.IndexOf(cleared, StringComparison.Ordinal));
        // Standard output is exactly what it is without a terminal.
        Assert.Contains($"loaded    {name} (complaints): read 10000, new 10000, updated 0, unchanged 0, quarantined 0", output);
        Assert.DoesNotContain("rows read", output);
    }

    [Fact]
    public void On_a_terminal_the_rebuild_after_the_load_shows_each_quarter_and_is_cleared_before_the_rescored_note()
    {
        using var qa = new CliRun { ErrorIsTerminal = true };
        qa.Write("inbox/departments.csv", "code,name\nLOG,物流业务部\n");
        qa.Write("inbox/complaints.csv", "complaint_id,department,received_at,channel,valid\nC-1,LOG,2026-02-01 10:00,电话,是\nC-2,LOG,2026-05-01 10:00,电话,是\n");
        qa.Clock.AutoAdvanceAmount = TimeSpan.FromSeconds(1); // every step is a second after the last: each is shown

        var (exit, output, error) = qa.Run("load", "inbox");

        Assert.Equal(0, exit);
        Assert.Contains("\rrebuilding the marts: 2026Q1 (1 of 2 quarters)", error);
        Assert.Contains("\rrebuilding the marts: 2026Q2 (2 of 2 quarters)", error);
        Assert.Contains("\rchecking the scores: 2026Q1 (1 of 2 quarters)", error);
        var last = "checking the scores: 2026Q2 (2 of 2 quarters)";
        Assert.Contains("\r" + last, error);
        // The line is overwritten with spaces before the note that follows it; standard output never sees it.
        Assert.EndsWith("\r" + new string(' ', last.Length) + "\r" + "rescored: 2026Q1, 2026Q2" + Environment.NewLine, error);
        Assert.DoesNotContain("quarters)", output);
    }

    [Fact]
    public void Batches_lists_each_load_with_its_counts_and_how_long_it_took()
    {
        _qa.Write("inbox/departments.csv", "code,name\nLOG,物流业务部\n");
        _qa.Clock.AutoAdvanceAmount = TimeSpan.FromSeconds(1.5); // the load reads the clock as it goes: it takes some seconds

        _qa.Run("load", "inbox");
        var output = _qa.Run("batches").Out;

        using var db = _qa.Warehouse.CreateContext();
        var batch = db.LoadBatches.Single();
        var took = (batch.FinishedAt!.Value - batch.StartedAt).TotalSeconds;
        Assert.True(took >= 1.5, $"{took} s");
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"by {batch.LoadedBy}: 1 file(s), read 1, new 1, updated 0, unchanged 0, quarantined 0, rejected 0; took {took:0.0} s"), output);
    }

    [Fact]
    public void Without_a_terminal_the_load_prints_no_progress()
    {
        WriteTenThousandComplaintsWithASecondPerClockReading(_qa);

        var (exit, _, error) = _qa.Run("load", "inbox");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("rows read", error);
    }

    /// <summary>An inbox of one department and 10,000 complaints; every reading of the clock is a second later, so a
    /// progress line is due at every check (each 4,096 rows).</summary>
    private static void WriteTenThousandComplaintsWithASecondPerClockReading(CliRun qa)
    {
        var complaints = new StringBuilder("complaint_id,department,received_at,channel,valid\n");
        for (var i = 1; i <= 10_000; i++) complaints.Append($"C-{i},LOG,2026-04-01 10:00,电话,是\n");
        qa.Write("inbox/departments.csv", "code,name\nLOG,物流业务部\n");
        qa.Write("inbox/complaints.csv", complaints.ToString());
        qa.Clock.AutoAdvanceAmount = TimeSpan.FromSeconds(1);
    }

    [Fact]
    public void Load_exits_1_when_a_file_is_rejected_whole_and_says_why()
    {
        _qa.Write("inbox/complaints.csv", "complaint_id,department\nC-1,LOG\n");
        var (exit, output, _) = _qa.Run("load", "inbox");
        Assert.Equal(1, exit);
        Assert.Contains("REJECTED", output);
        Assert.Contains("complaints.csv", output);
    }

    /// <summary>The reason as recorded starts with the file's name (the data desk and the nightly job's .error.txt show it
    /// alone); after the path on the REJECTED line it read "complaints.csv: complaints.csv: looks like…".</summary>
    [Fact]
    public void The_rejected_line_names_the_file_once()
    {
        _qa.Write("f/r_missing.csv", "complaint_id,department\nC-1,LOG\n");

        var (_, output, _) = _qa.Run("load", "f/r_missing.csv");

        Assert.Contains($"REJECTED  {Path.Combine("f", "r_missing.csv")}: looks like complaints but lacks required column(s) received_at (受理时间), channel (投诉渠道), valid (是否有效){Environment.NewLine}", output);
        // The JSON's reason stays as recorded, for the tools that read it.
        var json = System.Text.Json.JsonDocument.Parse(_qa.Run("load", "f/r_missing.csv", "--format", "json").Out).RootElement[0];
        Assert.StartsWith("r_missing.csv: looks like complaints", json.GetProperty("reason").GetString());
    }

    /// <summary>Every verb tells an option it does not have the same way: the option, the verb, the options it takes.
    /// `qa load` said so (a mistyped option there is taken for a PATH), the others "Unrecognized command or argument".</summary>
    [Theory]
    [InlineData("unknown option '--bogus' for 'qa load' (options: --db, --format, --dry-run)", "load", "--bogus")]
    [InlineData("unknown option '--bogus' for 'qa load' (options: --db, --format, --dry-run)", "load", "inbox", "--bogus")]
    [InlineData("unknown option '--bogus' for 'qa batches' (options: --db, --last, --batch, --format)", "batches", "--bogus")]
    [InlineData("unknown option '--format' for 'qa quarantine' (options: --db, --batch, --out)", "quarantine", "--format", "json")]
    [InlineData("unknown option '--quater' for 'qa score' (options: --quarter, --db, --policy, --format, --compare)", "score", "--quater", "2026Q2")]
    [InlineData("unknown option '-x' for 'qa jobs run' (options: --db, --inbox)", "jobs", "run", "rescore", "-x")]
    [InlineData("unknown option '--x' for 'qa jobs list' (it takes no options)", "jobs", "list", "--x")]
    public void An_unknown_option_is_named_with_its_verb_and_the_verbs_options_and_exits_2(string message, params string[] args)
    {
        _qa.Write("inbox/departments.csv", "code,name\nLOG,物流业务部\n");

        var (exit, output, error) = _qa.Run(args);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith($"qa: {message}{Environment.NewLine}", error);
        Assert.DoesNotContain("Unrecognized", error);
    }

    [Theory]
    [InlineData("load")]
    [InlineData("load", "x.csv", "--format", "xml")]
    [InlineData("load", "x.csv", "--formt", "json")]
    [InlineData("load", "--bogus")]
    [InlineData("frobnicate")]
    [InlineData("quarantine", "--batch", "abc")]
    public void Usage_errors_are_clear_and_exit_2(params string[] args)
    {
        var (exit, _, error) = _qa.Run(args);
        Assert.Equal(2, exit);
        Assert.StartsWith("qa: ", error);
    }

    [Fact]
    public void A_mistyped_option_loads_nothing_and_names_the_option()
    {
        // It was taken for two paths: the inbox loaded, "--formt" and "json" were refused as missing files (exit 1), and
        // the batch recorded them.
        _qa.Write("inbox/departments.csv", "code,name\nLOG,物流业务部\n");

        var (exit, output, error) = _qa.Run("load", "inbox", "--formt", "json");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("'--formt'", error);
        Assert.Contains("No load batches yet.", _qa.Run("batches").Out);
    }

    [Fact]
    public void Loading_the_same_folder_twice_reports_every_row_unchanged()
    {
        _qa.Write("inbox/departments.csv", "code,name\nLOG,物流业务部\n");
        _qa.Write("inbox/callbacks.csv", "callback_id,department,called_on,finding\nB-1,LOG,2026-05-01,无\nB-2,LOG,2026-05-02,记录不全\n");
        _qa.Run("load", "inbox");
        var (_, output, _) = _qa.Run("load", "inbox", "--format", "json");
        using var json = JsonDocument.Parse(output);
        Assert.All(json.RootElement.EnumerateArray(), f =>
        {
            Assert.Equal(0, f.GetProperty("loaded").GetInt32());
            Assert.Equal(f.GetProperty("read").GetInt32(), f.GetProperty("unchanged").GetInt32());
        });
    }

    [Fact]
    public void Quarantined_rows_export_as_CSV_with_a_BOM_so_Excel_opens_it()
    {
        _qa.Write("inbox/departments.csv", "code,name\nLOG,物流业务部\n");
        _qa.Write("inbox/complaints.csv", "complaint_id,department,received_at,channel,valid\nC-1,LOG,2026-04-01 10:00,传真,是\n");
        _qa.Run("load", "inbox");

        var (exit, output, _) = _qa.Run("quarantine", "--out", "rows.csv");

        Assert.Equal(0, exit);
        Assert.Contains("rows.csv", output);
        var bytes = File.ReadAllBytes(Path.Combine(_qa.Folder, "rows.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("batch,file,sheet,line,column,value,reason,path,column_key", lines[0]);
        Assert.Equal($"1,complaints.csv,,2,channel,传真,\"must be one of phone/电话, email/邮件, web/网站, suggestion box/意见箱, other/其他\",{Path.Combine("inbox", "complaints.csv")},channel", lines[1]);
    }

    [Fact]
    public void Batches_lists_the_load_history()
    {
        _qa.Write("inbox/departments.csv", "code,name\nLOG,物流业务部\n");
        _qa.Run("load", "inbox");
        var (exit, output, _) = _qa.Run("batches");
        Assert.Equal(0, exit);
        Assert.Contains("batch 1", output);
        Assert.Contains("succeeded", output);
    }
}
