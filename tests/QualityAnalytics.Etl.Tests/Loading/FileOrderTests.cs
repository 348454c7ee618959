namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>The order a load takes its files in: departments and questions first (the contract's rule), then every
/// other file where it was given, a folder's files in name order at the folder's place. Sorting every file by name put
/// 投诉_10月 before 投诉_7月, so July's older values overwrote October's correction.</summary>
public sealed class FileOrderTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private const string Header = "complaint_id,department,received_at,channel,valid,resolved_at\n";

    private string Resolved() => Convert.ToString(_w.Scalar("SELECT CAST(resolved_at AS TEXT) FROM fact_complaint WHERE complaint_id = 'C-1'"),
        System.Globalization.CultureInfo.InvariantCulture)!;

    [Fact]
    public void Files_given_oldest_to_newest_leave_the_newest_values()
    {
        var july = _w.Write("投诉_7月.csv", Header + "C-1,LOG,2026-04-03 10:00,电话,是,2026-04-05 10:00\n");
        var october = _w.Write("投诉_10月.csv", Header + "C-1,LOG,2026-04-03 10:00,电话,是,2026-04-07 11:30\n");
        var departments = _w.Write("部门.csv", Samples.Departments);

        var result = _w.Load(july, october, departments);

        Assert.Equal(["部门.csv", "投诉_7月.csv", "投诉_10月.csv"], result.Files.Select(f => Path.GetFileName(f.File)));
        Assert.Equal("2026-04-07 11:30:00", Resolved());
    }

    [Fact]
    public void Files_given_newest_first_are_taken_in_that_order_too()
    {
        var october = _w.Write("投诉_10月.csv", Header + "C-1,LOG,2026-04-03 10:00,电话,是,2026-04-07 11:30\n");
        var july = _w.Write("投诉_7月.csv", Header + "C-1,LOG,2026-04-03 10:00,电话,是,2026-04-05 10:00\n");
        _w.Write("部门.csv", Samples.Departments);
        _w.Load(Path.Combine(_w.Inbox, "部门.csv"));

        var result = _w.Load(july, october);

        Assert.Equal(["投诉_7月.csv", "投诉_10月.csv"], result.Files.Select(f => Path.GetFileName(f.File)));
        Assert.Equal("2026-04-07 11:30:00", Resolved());
    }

    [Fact]
    public void A_folders_files_come_in_name_order_at_the_folders_place()
    {
        _w.Write("部门.csv", Samples.Departments);
        _w.Load(Path.Combine(_w.Inbox, "部门.csv"));
        _w.Write("batch/b.csv", Header + "C-1,LOG,2026-04-03 10:00,电话,是,2026-04-06 10:00\n");
        _w.Write("batch/a.csv", Header + "C-1,LOG,2026-04-03 10:00,电话,是,2026-04-05 10:00\n");
        var first = _w.Write("first.csv", Header + "C-1,LOG,2026-04-03 10:00,电话,是,2026-04-04 10:00\n");
        var last = _w.Write("last.csv", Header + "C-2,LOG,2026-04-03 10:00,电话,是,\n");

        var result = _w.Load(first, Path.Combine(_w.Inbox, "batch"), last);

        Assert.Equal(["first.csv", "a.csv", "b.csv", "last.csv"], result.Files.Select(f => Path.GetFileName(f.File)));
        Assert.Equal("2026-04-06 10:00:00", Resolved());
    }
}
