using QualityAnalytics.Etl.Audit;
using QualityAnalytics.Etl.Loading;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>A file that lacks an optional column says nothing about that field: an update keeps the stored value (a
/// partial export erased resolved_at, handler, satisfaction… of every complaint it repeated), while an empty cell of a
/// column the file has is a correction and clears it. The dry run predicts exactly what the load does.</summary>
public sealed class PartialFileUpdateTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private const string FullComplaints =
        "complaint_id,department,received_at,channel,valid,customer,category,description,replied_at,resolved_at,direct_deduction,handler,satisfaction\n" +
        "C-1,LOG,2026-04-03 14:05,邮件,是,华中公司,单据,单据不一致,2026-04-04 09:00,2026-04-06 09:00,2,王海燕,基本满意\n";

    private string Complaint(string column) => Convert.ToString(_w.Scalar($"SELECT CAST({column} AS TEXT) FROM fact_complaint WHERE complaint_id = 'C-1'"),
        System.Globalization.CultureInfo.InvariantCulture)!;

    [Fact]
    public void A_complaints_file_with_only_the_required_columns_keeps_the_optional_values_and_changes_the_required_one()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("full.csv", FullComplaints);
        _w.Load(_w.Inbox);
        var minimal = _w.Write("minimal.csv", "complaint_id,department,received_at,channel,valid\nC-1,LOG,2026-04-03 14:05,邮件,否\n");

        var file = Assert.Single(_w.Load(minimal).Files);

        Assert.Equal((0, 1, 0), (file.Loaded, file.Updated, file.Unchanged));
        Assert.Equal(["2026-04-04 09:00:00", "2026-04-06 09:00:00", "王海燕", "neutral", "单据不一致"],
            new[] { "replied_at", "resolved_at", "handler", "satisfaction", "description" }.Select(Complaint).ToArray());
        Assert.Equal(2m, Convert.ToDecimal(_w.Scalar("SELECT direct_deduction FROM fact_complaint WHERE complaint_id = 'C-1'"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(_w.Scalar("SELECT customer_key FROM fact_complaint WHERE complaint_id = 'C-1'"));
        Assert.NotNull(_w.Scalar("SELECT category_key FROM fact_complaint WHERE complaint_id = 'C-1'"));
        Assert.Equal(0L, _w.Integer("SELECT CASE WHEN valid THEN 1 ELSE 0 END FROM fact_complaint WHERE complaint_id = 'C-1'"));
        // The change history names only what changed.
        Assert.Equal("{\"valid\":\"1\"}", _w.Scalar("SELECT old_values FROM row_change"));
        Assert.Equal("{\"valid\":\"0\"}", _w.Scalar("SELECT new_values FROM row_change"));
        // Loaded again: nothing to do.
        var again = Assert.Single(_w.Load(minimal).Files);
        Assert.Equal((0, 0, 1), (again.Loaded, again.Updated, again.Unchanged));
    }

    [Fact]
    public void An_empty_cell_of_a_present_column_still_clears_the_value()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("full.csv", FullComplaints);
        _w.Load(_w.Inbox);
        var corrected = _w.Write("corrected.csv", "complaint_id,department,received_at,channel,valid,resolved_at\nC-1,LOG,2026-04-03 14:05,邮件,是,\n");

        var file = Assert.Single(_w.Load(corrected).Files);

        Assert.Equal(1, file.Updated);
        Assert.Null(_w.Scalar("SELECT resolved_at FROM fact_complaint WHERE complaint_id = 'C-1'"));
        Assert.Equal("2026-04-04 09:00:00", Complaint("replied_at"));
        Assert.Equal("王海燕", Complaint("handler"));
    }

    [Fact]
    public void A_checks_file_without_inspector_or_date_keeps_them()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("checks.csv", "check_id,department,month,kind,score,inspector,checked_on,note\nK-1,LOG,2026-05,自查,97,张三,2026-05-31,月检\n");
        _w.Load(_w.Inbox);
        var update = _w.Write("update.csv", "check_id,department,month,kind,score\nK-1,LOG,2026-05,自查,96\n");

        Assert.Equal(1, Assert.Single(_w.Load(update).Files).Updated);

        Assert.Equal("张三", _w.Scalar("SELECT inspector FROM fact_check WHERE check_id = 'K-1'"));
        Assert.Equal(20260531L, _w.Integer("SELECT checked_on_key FROM fact_check WHERE check_id = 'K-1'"));
        Assert.Equal("月检", _w.Scalar("SELECT note FROM fact_check WHERE check_id = 'K-1'"));
        Assert.Equal(96m, Convert.ToDecimal(_w.Scalar("SELECT score FROM fact_check WHERE check_id = 'K-1'"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_callback_without_a_deduction_column_keeps_its_deduction_until_its_finding_changes()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("callbacks.csv", "callback_id,department,called_on,finding,deduction,customer,note\nB-1,LOG,2026-05-20,记录不全,0.8,华中公司,电话\nB-2,LOG,2026-05-21,记录不全,0.8,,\n");
        _w.Load(_w.Inbox);
        // B-1 repeated as it was, without the optional columns; B-2's finding corrected to none (which implies 0).
        var update = _w.Write("update.csv", "callback_id,department,called_on,finding\nB-1,LOG,2026-05-20,记录不全\nB-2,LOG,2026-05-21,无\n");

        var file = Assert.Single(_w.Load(update).Files);

        Assert.Equal((1, 1), (file.Unchanged, file.Updated));
        Assert.Equal(0.8m, Convert.ToDecimal(_w.Scalar("SELECT deduction FROM fact_callback WHERE callback_id = 'B-1'"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("电话", _w.Scalar("SELECT note FROM fact_callback WHERE callback_id = 'B-1'"));
        Assert.Equal(0m, Convert.ToDecimal(_w.Scalar("SELECT deduction FROM fact_callback WHERE callback_id = 'B-2'"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_departments_file_without_a_manager_column_keeps_the_manager_and_opens_no_version()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Load(_w.Inbox);
        var names = _w.Write("names.csv", "code,name\nLOG,物流业务部\nSTO,储运中心\n");

        var file = Assert.Single(_w.Load(names).Files);

        Assert.Equal((0, 2), (file.Updated, file.Unchanged));
        Assert.Equal("张伟", _w.Scalar("SELECT manager FROM dim_department WHERE code = 'LOG' AND is_current = TRUE"));
        Assert.Equal(2, _w.Count("dim_department"));
    }

    [Fact]
    public void The_dry_run_of_a_partial_file_predicts_the_same_change_as_the_load()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("full.csv", FullComplaints);
        _w.Load(_w.Inbox);
        var minimal = _w.Write("minimal.csv", "complaint_id,department,received_at,channel,valid\nC-1,LOG,2026-04-03 14:05,邮件,否\n");

        var predicted = new FileLoader(_w.Db, _w.Clock).Check([minimal], (result, rows) =>
            (Assert.Single(result.Files).Updated, rows.ChangesOf(result.Files[0]).SelectMany(c => c.Fields.Select(f => f.Field)).ToList()));

        Assert.Equal(1, predicted.Item1);
        Assert.Equal(["valid"], predicted.Item2);
        Assert.Equal("王海燕", Complaint("handler"));
    }
}
