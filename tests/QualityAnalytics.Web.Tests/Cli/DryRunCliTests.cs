using System.Text.Json;
using QualityAnalytics.TestSupport;

namespace QualityAnalytics.Web.Tests.Cli;

/// <summary>`qa load --dry-run`: the files checked as the load would take them, the values it would quarantine listed,
/// nothing stored (no rows, no batch), and the load's exit codes.</summary>
public sealed class DryRunCliTests : IDisposable
{
    private readonly CliRun _qa = new();

    public void Dispose() => _qa.Dispose();

    private void WriteFiles()
    {
        _qa.Write("inbox/departments.csv", "code,name\nLOG,物流业务部\n");
        _qa.Write("inbox/complaints.csv",
            "complaint_id,department,received_at,channel,valid\nC-1,LOG,2026-04-01 10:00,电话,是\nC-2,LOG,2026-04-01 10:00,传真,是\nC-3,NOPE,2026-04-02 10:00,电话,是\n");
    }

    [Fact]
    public void A_dry_run_prints_the_loads_lines_and_the_values_it_would_quarantine_and_stores_nothing()
    {
        WriteFiles();

        var (exit, output, _) = _qa.Run("load", "inbox", "--dry-run");

        Assert.Equal(0, exit);
        var complaints = Path.Combine("inbox", "complaints.csv");
        Assert.Equal(
        [
            $"checked   {Path.Combine("inbox", "departments.csv")} (departments): read 1, new 1, updated 0, unchanged 0, quarantined 0",
            $"checked   {complaints} (complaints): read 3, new 1, updated 0, unchanged 0, quarantined 2",
            "dry run: 2 file(s)/sheet(s), 2 new, 0 updated, 2 quarantined, 0 rejected; nothing was stored",
            "quarantined values (2):",
            // Each value by its file's path, as the file's line names it (two folders' complaints.csv would be one name).
            $"{complaints} line 3, channel = '传真': must be one of phone/电话, email/邮件, web/网站, suggestion box/意见箱, other/其他",
            $"{complaints} line 4, department = 'NOPE': unknown department (neither a code nor a current name in the warehouse or this load)",
        ], output.TrimEnd().Split(Environment.NewLine));
        Assert.Contains("No load batches yet.", _qa.Run("batches").Out);
        // The load that follows finds the warehouse as it was: every row new, as the check said.
        var (_, loaded, _) = _qa.Run("load", "inbox");
        Assert.Contains($"loaded    {complaints} (complaints): read 3, new 1, updated 0, unchanged 0, quarantined 2", loaded);
    }

    [Fact]
    public void A_dry_run_in_json_has_the_contract_keys_no_batch_and_each_files_quarantined_values()
    {
        WriteFiles();

        var (exit, output, _) = _qa.Run("load", "inbox", "--dry-run", "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var files = json.RootElement.EnumerateArray().ToList();
        foreach (var key in new[] { "file", "sheet", "kind", "read", "loaded", "updated", "unchanged", "quarantined", "rejected", "reason" })
            Assert.All(files, f => Assert.True(f.TryGetProperty(key, out _), key));
        Assert.All(files, f => Assert.True(f.GetProperty("dry_run").GetBoolean()));
        Assert.All(files, f => Assert.Equal(JsonValueKind.Null, f.GetProperty("batch_id").ValueKind));
        Assert.Empty(files[0].GetProperty("quarantine").EnumerateArray());
        var values = files[1].GetProperty("quarantine").EnumerateArray()
            .Select(q => $"{q.GetProperty("line").GetInt32()}|{q.GetProperty("column").GetString()}|{q.GetProperty("value").GetString()}").ToList();
        Assert.Equal(["3|channel|传真", "4|department|NOPE"], values);
        Assert.Empty(files[1].GetProperty("changes").EnumerateArray()); // a first load changes no stored row
        Assert.Contains("No load batches yet.", _qa.Run("batches").Out);
    }

    [Fact]
    public void A_dry_run_lists_the_rows_that_would_load_with_a_warning()
    {
        _qa.Write("inbox/deductions.csv", "检查编号,考核项目,扣分\nK-NONE,服务态度,1\n");

        var (exit, output, _) = _qa.Run("load", "inbox", "--dry-run");

        Assert.Equal(0, exit);
        // The column as the file heads it, the contract's name beside a header that does not say it.
        Assert.Contains("rows that would load with a warning (1):" + Environment.NewLine + Path.Combine("inbox", "deductions.csv") + " line 2, 检查编号 (check_id) = 'K-NONE': " +
                        "no check with this 检查编号 yet; the deduction is kept and compared with the check's score when it arrives", output);
    }

    [Fact]
    public void A_dry_run_in_json_names_each_column_as_the_file_heads_it_with_the_contracts_key_beside()
    {
        _qa.Write("inbox/部门.csv", "部门编码,部门名称\nLOG,物流业务部\n");
        _qa.Write("inbox/自查.csv", "检查编号,部门编码,月份,检查类型,得分\nK-1,LOG,2026-04,自查,九十六\n");
        _qa.Write("inbox/checks.csv", "check_id,department,month,kind,score\nK-2,LOG,2026-04,self,ninety\n");
        _qa.Write("inbox/扣分.csv", "检查编号,考核项目,扣分\nK-NONE,服务态度,1\n");

        var (exit, output, _) = _qa.Run("load", "inbox", "--dry-run", "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var files = json.RootElement.EnumerateArray().ToDictionary(f => Path.GetFileName(f.GetProperty("file").GetString()!));
        static string Columns(JsonElement file, string list) => string.Join(";", file.GetProperty(list).EnumerateArray()
            .Select(q => $"{q.GetProperty("column").GetString()}|{q.GetProperty("column_key").GetString()}|{q.GetProperty("value").GetString()}"));
        Assert.Equal("得分|score|九十六", Columns(files["自查.csv"], "quarantine"));
        Assert.Equal("score|score|ninety", Columns(files["checks.csv"], "quarantine"));
        Assert.Equal("检查编号|check_id|K-NONE", Columns(files["扣分.csv"], "warning_rows"));
    }

    [Fact]
    public void A_callbacks_workbook_as_sent_a_title_above_a_totals_row_below_and_a_hidden_sheet_is_checked_sheet_by_sheet()
    {
        _qa.Write("inbox/departments.csv", "code,name\nLOG,物流业务部\n");
        var workbook = Path.Combine(_qa.Folder, "inbox", "回访.xlsx");
        MiniExcelLibs.MiniExcel.SaveAs(workbook, new Dictionary<string, object>
        {
            ["回访"] = new[]
            {
                new Dictionary<string, object?> { ["A"] = "物流业务部2026年第二季度回访记录", ["B"] = null, ["C"] = null, ["D"] = null },
                new Dictionary<string, object?> { ["A"] = "回访\n编号", ["B"] = "部门编码 ", ["C"] = "回访日期", ["D"] = "回访问题" },
                new Dictionary<string, object?> { ["A"] = "B-1", ["B"] = "LOG", ["C"] = new DateTime(2026, 5, 20), ["D"] = "无" },
                new Dictionary<string, object?> { ["A"] = "B-2", ["B"] = "LOG", ["C"] = "2026年5月21日", ["D"] = "记录不全" },
                new Dictionary<string, object?> { ["A"] = "合计", ["B"] = null, ["C"] = null, ["D"] = "2" },
            },
            ["旧版"] = new[]
            {
                new Dictionary<string, object?> { ["A"] = "回访编号", ["B"] = "部门编码", ["C"] = "回访日期", ["D"] = "回访问题" },
                new Dictionary<string, object?> { ["A"] = "B-1", ["B"] = "LOG", ["C"] = "2026-05-20", ["D"] = "与实际不符" },
            },
        }, printHeader: false);
        WorkbookSheetState.Hide(workbook, "旧版");

        var (exit, output, _) = _qa.Run("load", Path.Combine("inbox", "回访.xlsx"), Path.Combine("inbox", "departments.csv"), "--dry-run", "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var sheets = json.RootElement.EnumerateArray().Where(f => f.GetProperty("sheet").ValueKind == JsonValueKind.String)
            .ToDictionary(f => f.GetProperty("sheet").GetString()!);
        var callbacks = sheets["回访"];
        // The header wrapped in its cell (回访⏎编号) and spaced (部门编码 ) names its fields; the totals row is quarantined
        // with the one reason that says what it is.
        Assert.Equal(("callbacks", 3, 2, 0, 1), (callbacks.GetProperty("kind").GetString(), callbacks.GetProperty("read").GetInt32(),
            callbacks.GetProperty("loaded").GetInt32(), callbacks.GetProperty("unchanged").GetInt32(), callbacks.GetProperty("quarantined").GetInt32()));
        var totals = Assert.Single(callbacks.GetProperty("quarantine").EnumerateArray());
        Assert.Equal("5|回访 编号|callback_id|合计|a totals row (合计), not a record",
            $"{totals.GetProperty("line").GetInt32()}|{totals.GetProperty("column").GetString()}|{totals.GetProperty("column_key").GetString()}|" +
            $"{totals.GetProperty("value").GetString()}|{totals.GetProperty("reason").GetString()}");
        // A hidden sheet is a sheet: the contract reads every sheet of a workbook.
        var hidden = sheets["旧版"];
        Assert.Equal(("callbacks", false, 1), (hidden.GetProperty("kind").GetString(), hidden.GetProperty("rejected").GetBoolean(), hidden.GetProperty("read").GetInt32()));
    }

    [Fact]
    public void A_dry_run_exits_1_when_a_file_would_be_rejected_whole()
    {
        _qa.Write("inbox/complaints.csv", "complaint_id,department\nC-1,LOG\n");

        var (exit, output, _) = _qa.Run("load", "inbox", "--dry-run");

        Assert.Equal(1, exit);
        Assert.Contains("REJECTED  " + Path.Combine("inbox", "complaints.csv"), output);
        Assert.Contains("1 rejected; nothing was stored", output);
        Assert.Contains("No load batches yet.", _qa.Run("batches").Out);
    }

    [Fact]
    public void A_dry_run_after_a_load_reports_a_correction_as_an_update_and_leaves_the_stored_row()
    {
        WriteFiles();
        _qa.Run("load", "inbox");
        _qa.Write("inbox/complaints.csv", "complaint_id,department,received_at,channel,valid\nC-1,LOG,2026-04-01 10:00,邮件,是\n");

        var (_, output, _) = _qa.Run("load", Path.Combine("inbox", "complaints.csv"), "--dry-run");

        Assert.Contains("(complaints): read 1, new 0, updated 1, unchanged 0, quarantined 0", output);
        Assert.Contains("rows loaded before that would change (1):" + Environment.NewLine +
                        Path.Combine("inbox", "complaints.csv") + " C-1: channel '电话' → '邮件'", output);
        var batches = _qa.Run("batches").Out;
        Assert.Contains("batch 1 ", batches);
        Assert.DoesNotContain("batch 2 ", batches);
        // The stored row still has the channel it was loaded with: a load now updates it.
        Assert.Contains("updated 1", _qa.Run("load", Path.Combine("inbox", "complaints.csv")).Out);
    }

    [Fact]
    public void A_dry_run_in_json_is_written_as_it_is_read_not_held_whole()
    {
        // 20,000 bad rows make ~3 MB of JSON; the writes that carry it are each a small part of that.
        var text = new System.Text.StringBuilder("complaint_id,department,received_at,channel,valid\n");
        for (var i = 1; i <= 20_000; i++) text.Append($"C-{i},LOG,2026-04-01 10:00,传真,是\n");
        _qa.Write("inbox/departments.csv", "code,name\nLOG,物流业务部\n");
        _qa.Write("inbox/complaints.csv", text.ToString());
        var output = new WriteRecorder();

        var exit = _qa.RunTo(output, new StringWriter(), "load", "inbox", "--dry-run", "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output.ToString());
        var quarantine = json.RootElement[1].GetProperty("quarantine").EnumerateArray().ToList();
        Assert.Equal(20_000, quarantine.Count);
        Assert.Equal("传真", quarantine[^1].GetProperty("value").GetString()); // Chinese as itself, whole across the chunks
        Assert.Equal(20_001, quarantine[^1].GetProperty("line").GetInt32());
        Assert.True(output.Length > 2_000_000, $"{output.Length} characters");
        Assert.True(output.LargestWrite < 200_000, $"one write of {output.LargestWrite} characters");
    }

    /// <summary>Keeps what is written and the longest single write.</summary>
    private sealed class WriteRecorder : StringWriter
    {
        public int LargestWrite { get; private set; }
        public int Length => GetStringBuilder().Length;

        public override void Write(string? value)
        {
            LargestWrite = Math.Max(LargestWrite, value?.Length ?? 0);
            base.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            LargestWrite = Math.Max(LargestWrite, count);
            base.Write(buffer, index, count);
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
            base.Write(buffer);
        }
    }
}
