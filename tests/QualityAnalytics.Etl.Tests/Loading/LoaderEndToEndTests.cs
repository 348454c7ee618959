using QualityAnalytics.Etl.Loading;

namespace QualityAnalytics.Etl.Tests.Loading;

public sealed class LoaderEndToEndTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private void WriteAllSamples()
    {
        // Names chosen so that alphabetical order puts facts before the dimensions they need.
        _w.Write("a-complaints.csv", Samples.Complaints);
        _w.Write("b-checks.csv", Samples.Checks);
        _w.Write("c-surveys.csv", Samples.Surveys);
        _w.Write("d-callbacks.csv", Samples.Callbacks);
        _w.Write("y-questions.csv", Samples.Questions);
        _w.Write("z-departments.csv", Samples.Departments);
    }

    [Fact]
    public void Dimension_files_load_before_facts_whatever_their_names()
    {
        WriteAllSamples();
        var result = _w.Load(_w.Inbox);
        // The facts then in name order (the folder's): a file's place, not its kind, decides which values are the latest.
        Assert.Equal(["departments", "survey_questions", "complaints", "checks", "surveys", "callbacks"], result.Files.Select(f => f.Kind));
        Assert.All(result.Files, f => Assert.Equal(0, f.Quarantined));
        Assert.Equal(3, _w.Count("fact_complaint"));
        Assert.Equal(4, _w.Count("fact_check"));
        Assert.Equal(3, _w.Count("fact_survey_answer"));
        Assert.Equal(2, _w.Count("fact_callback"));
    }

    [Fact]
    public void A_folder_loaded_twice_changes_nothing_the_second_time()
    {
        WriteAllSamples();
        _w.Load(_w.Inbox);
        var before = _w.Dump();
        var second = _w.Load(_w.Inbox);
        Assert.Equal(before, _w.Dump());
        Assert.All(second.Files, f => Assert.Equal((0, 0, f.Read), (f.Loaded, f.Updated, f.Unchanged)));
        Assert.Equal(0, _w.Count("row_change"));
    }

    [Fact]
    public void A_late_correction_updates_exactly_that_row_and_records_the_change()
    {
        _w.Write("departments.csv", Samples.Departments);
        var complaints = _w.Write("complaints.csv", Samples.Complaints);
        _w.Load(_w.Inbox);
        var before = _w.Dump();

        // The next export: C-102 now resolved, everything else identical.
        File.WriteAllText(complaints, Samples.Complaints.Replace("C-102,物流业务部,2026/5/3 9:00,邮件,Y,服务态度,3,", "C-102,物流业务部,2026/5/3 9:00,邮件,Y,服务态度,3,2026-05-04 10:30"));
        var result = _w.Load(complaints);

        var file = Assert.Single(result.Files);
        Assert.Equal((0, 1, 2), (file.Loaded, file.Updated, file.Unchanged));
        Assert.Equal("2026-05-04 10:30:00", _w.Scalar("SELECT CAST(replied_at AS TEXT) FROM fact_complaint WHERE complaint_id = 'C-102'"));
        Assert.Equal(1, _w.Count("row_change"));
        Assert.Equal("fact_complaint", _w.Scalar("SELECT table_name FROM row_change"));
        Assert.Equal("C-102", _w.Scalar("SELECT natural_key FROM row_change"));
        Assert.Equal("{\"replied_at\":null}", _w.Scalar("SELECT old_values FROM row_change"));
        Assert.Contains("2026-05-04 10:30:00", (string)_w.Scalar("SELECT new_values FROM row_change")!);
        // Only that row differs from before.
        var changedLines = _w.Dump().Split('\n').Except(before.Split('\n')).ToList();
        Assert.Single(changedLines);
        Assert.StartsWith("2|C-102|", changedLines[0]);
    }

    [Fact]
    public void Bad_rows_are_quarantined_with_reasons_and_good_rows_load()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("complaints.csv", Samples.Complaints +
            "C-104,XYZ,2026-06-03,网站,否,,,\n" +
            "C-105,LOG,2026-13-01,传真,否,,,\n" +
            "C-106,LOG,2026-06-05 10:00,电话,是,,,2026-06-04 09:00\n");
        var result = _w.Load(_w.Inbox);

        var complaints = result.Files.Single(f => f.Kind == "complaints");
        Assert.Equal((6, 3, 3), (complaints.Read, complaints.Loaded, complaints.Quarantined));
        Assert.False(complaints.Rejected);
        var rows = _w.Db.CreateContext().QuarantinedRows.OrderBy(q => q.Line).ThenBy(q => q.Column)
            .Select(q => $"{q.File}|{q.Line}|{q.Column}|{q.Value}|{q.Reason}").ToList();
        Assert.Equal(
        [
            "complaints.csv|5|department|XYZ|unknown department (neither a code nor a current name in the warehouse or this load)",
            "complaints.csv|6|channel|传真|must be one of phone/电话, email/邮件, web/网站, suggestion box/意见箱, other/其他",
            "complaints.csv|6|received_at|2026-13-01|is not a date and time (e.g. 2026-04-03 14:05)",
            "complaints.csv|7|replied_at|2026-06-04 09:00|is before received_at",
        ], rows);
    }

    [Fact]
    public void Odd_values_are_quarantined_or_read_and_never_stop_the_load()
    {
        // Each of these values once threw out of the parser, rolled the file back and ended the whole load (qa exited
        // with an unhandled exception); the files after it were never read.
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("a-checks.csv", "check_id,department,month,kind,score\nK-1,LOG,0000-04,self,90\nK-2,LOG,２０２６年４月,self,９０\n");
        _w.Write("b-complaints.csv", Samples.Complaints + "C-104,LOG,0000/04/03,电话,是,,,\nC-105,LOG,２０２６-０４-０３ １４:０５,电话,是,,,\n");
        _w.Write("c-surveys.csv", Samples.Surveys.Replace("R-1,LOG,2026Q2,中石化华中分公司,Q1,5", "R-1,LOG,1026Q2,中石化华中分公司,Q1,5"));
        _w.Write("questions.csv", Samples.Questions);
        var result = _w.Load(_w.Inbox);

        Assert.Equal([("checks", 2, 1, 1), ("complaints", 5, 4, 1), ("surveys", 3, 2, 1)],
            result.Files.Where(f => f.Kind is "checks" or "surveys" or "complaints").Select(f => (f.Kind, f.Read, f.Loaded, f.Quarantined)));
        Assert.Equal("2026-04-03 14:05:00", _w.Scalar("SELECT CAST(received_at AS TEXT) FROM fact_complaint WHERE complaint_id = 'C-105'"));
        Assert.Equal(20260401L, _w.Integer("SELECT month_key FROM fact_check WHERE check_id = 'K-2'"));
        var rows = _w.Db.CreateContext().QuarantinedRows.OrderBy(q => q.File).Select(q => $"{q.File}|{q.Line}|{q.Column}|{q.Value}").ToList();
        Assert.Equal(["a-checks.csv|2|month|0000-04", "b-complaints.csv|5|received_at|0000/04/03", "c-surveys.csv|2|quarter|1026Q2"], rows);
    }

    [Fact]
    public void A_fault_in_the_middle_of_a_file_leaves_the_warehouse_as_before_that_file()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Load(_w.Inbox);
        var complaints = _w.Write("complaints.csv", Samples.Complaints);
        var before = _w.Dump();
        var sourceFilesBefore = _w.Count("source_file", "rejected = FALSE");

        var ex = Assert.Throws<InvalidOperationException>(() =>
            _w.Load(new LoaderOptions { Observer = new FailAtRow(2) }, complaints));

        Assert.Equal("injected fault", ex.Message);
        Assert.Equal(before, _w.Dump());
        Assert.Equal(sourceFilesBefore, _w.Count("source_file", "rejected = FALSE"));
        Assert.Equal(0, _w.Count("source_file", "sha256 = ''")); // the file's pending record withdrawn
        Assert.Equal("failed", _w.Scalar("SELECT status FROM load_batch ORDER BY id DESC LIMIT 1"));
        // And the next run takes the whole file.
        var again = _w.Load(complaints);
        Assert.Equal(3, again.Files.Single().Loaded);
    }

    [Fact]
    public void A_file_missing_a_required_column_is_rejected_whole_and_the_others_load()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("complaints.csv", "complaint_id,department,received_at,valid\nC-1,LOG,2026-04-01,是\n");
        var result = _w.Load(_w.Inbox);

        var rejected = result.Files.Single(f => f.Kind == "complaints");
        Assert.True(rejected.Rejected);
        Assert.Equal("complaints.csv: looks like complaints but lacks required column(s) channel (投诉渠道)", rejected.Reason);
        Assert.True(result.AnyRejected);
        Assert.Equal(0, _w.Count("fact_complaint"));
        Assert.Equal(2, _w.Count("dim_department"));
    }

    [Fact]
    public void A_file_whose_header_matches_no_kind_is_rejected()
    {
        _w.Write("notes.csv", "说明,内容\n本月,无\n");
        var result = _w.Load(_w.Inbox);
        var file = Assert.Single(result.Files);
        Assert.True(file.Rejected);
        Assert.Null(file.Kind);
        Assert.Contains("matches no kind", file.Reason);
    }

    [Fact]
    public void The_same_key_twice_in_one_file_quarantines_the_second()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("complaints.csv", Samples.Complaints + "C-101,LOG,2026-04-09 14:05,电话,是,,,\n");
        var result = _w.Load(_w.Inbox);
        var complaints = result.Files.Single(f => f.Kind == "complaints");
        Assert.Equal((3, 1), (complaints.Loaded, complaints.Quarantined));
        Assert.Equal("2026-04-03 14:05:00", _w.Scalar("SELECT CAST(received_at AS TEXT) FROM fact_complaint WHERE complaint_id = 'C-101'"));
        Assert.Contains("duplicate key", (string)_w.Scalar("SELECT reason FROM quarantined_row")!);
    }

    [Theory]
    [InlineData("2026-06-30 23:59:59", 20262)]
    [InlineData("2026-07-01 00:00:00", 20263)]
    [InlineData("2026-03-31 23:59:59", 20261)]
    [InlineData("2026-04-01 00:00:00", 20262)]
    public void A_complaint_belongs_to_the_quarter_of_its_local_receipt_time(string receivedAt, long quarterKey)
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("complaints.csv", $"complaint_id,department,received_at,channel,valid\nC-1,LOG,{receivedAt},电话,是\n");
        _w.Load(_w.Inbox);
        Assert.Equal(quarterKey, _w.Integer("SELECT quarter_key FROM fact_complaint"));
    }

    [Fact]
    public void An_answer_above_its_questions_scale_and_an_unknown_question_are_quarantined()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("questions.csv", Samples.Questions);
        _w.Write("surveys.csv", Samples.Surveys + "R-2,LOG,2026Q2,客户乙,Q1,6\nR-2,LOG,2026Q2,客户乙,Q9,3\n");
        var result = _w.Load(_w.Inbox);
        Assert.Equal(2, result.Files.Single(f => f.Kind == "surveys").Quarantined);
        var reasons = _w.Db.CreateContext().QuarantinedRows.OrderBy(q => q.Line).Select(q => q.Reason).ToList();
        Assert.Equal(["must be between 0 and 5 (the scale of question Q1)", "unknown survey question (not in the warehouse or this load)"], reasons);
    }

    [Fact]
    public void A_check_whose_deductions_do_not_add_up_loads_with_a_warning()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("checks.csv", Samples.Checks);
        _w.Write("deductions.csv", "check_id,item,points\nK-1,台账不全,2\nK-1,单据缺失,2\nK-2,台账不全,5\n");
        var result = _w.Load(_w.Inbox);
        var deductions = result.Files.Single(f => f.Kind == "check_deductions");
        Assert.Equal((3, 0, 1), (deductions.Loaded, deductions.Quarantined, deductions.Warnings));
        var message = (string)_w.Scalar("SELECT message FROM load_warning")!;
        Assert.Equal("check K-2 scores 94 but its deductions total 5 (expected 95)", message);
    }

    [Fact]
    public void A_deduction_that_arrives_before_its_check_loads_with_a_warning_and_is_checked_when_the_check_arrives()
    {
        _w.Write("departments.csv", Samples.Departments);
        var deductions = _w.Write("deductions.csv", "check_id,item,points\nK-1,台账不全,5\n");
        var first = _w.Load(_w.Inbox).Files.Single(f => f.Kind == "check_deductions");
        Assert.Equal((1, 0, 1), (first.Loaded, first.Quarantined, first.Warnings));

        File.Delete(deductions);
        _w.Write("checks.csv", Samples.Checks);
        var checks = _w.Load(_w.Inbox).Files.Single(f => f.Kind == "checks");
        Assert.Equal(1, checks.Warnings);
        Assert.Equal("check K-1 scores 96 but its deductions total 5 (expected 95)",
            _w.Scalar("SELECT message FROM load_warning ORDER BY id DESC LIMIT 1"));
    }

    [Fact]
    public void A_callback_deduction_outside_the_range_is_quarantined_and_a_missing_one_stays_empty()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("callbacks.csv", Samples.Callbacks + "B-3,LOG,2026-05-22,记录不全,2.0\nB-4,LOG,2026-05-23,与实际不符,0.8\n");
        var result = _w.Load(_w.Inbox);
        Assert.Equal(1, result.Files.Single(f => f.Kind == "callbacks").Quarantined);
        Assert.Null(_w.Scalar("SELECT deduction FROM fact_callback WHERE callback_id = 'B-1'"));
        Assert.Equal("0.8", _w.Scalar("SELECT CAST(deduction AS TEXT) FROM fact_callback WHERE callback_id = 'B-4'"));
        Assert.Equal("must be between 0.5 and 1", _w.Scalar("SELECT reason FROM quarantined_row"));
    }

    private sealed class FailAtRow(int row) : ILoadObserver
    {
        public void RowWritten(string file, string? sheet, int line, int rowsSoFar)
        {
            if (rowsSoFar == row) throw new InvalidOperationException("injected fault");
        }
    }
}
