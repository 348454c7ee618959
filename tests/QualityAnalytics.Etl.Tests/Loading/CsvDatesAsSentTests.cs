namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>Dates in a CSV as departments' exports write them: the contract's forms load, in full-width too; a month-first
/// date is a guess and is refused; an Excel serial number (a column not formatted as a date before saving) is refused
/// with a reason that says what it would be and what to do.</summary>
public sealed class CsvDatesAsSentTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public CsvDatesAsSentTests() => _w.Load(_w.Write("base/departments.csv", Samples.Departments));

    public void Dispose() => _w.Dispose();

    [Fact]
    public void Dates_load_in_the_contract_s_forms_and_a_serial_number_is_refused_saying_what_it_is()
    {
        var file = _w.Load(_w.Write("投诉.csv",
            "投诉编号,部门编码,受理时间,投诉渠道,是否有效,解决时间\n" +
            "D-1,LOG,2026年7月1日,电话,是,2026年7月2日 9:30\n" +
            "D-2,LOG,2026/7/1,电话,是,2026/7/1 18:00\n" +
            "D-3,LOG,２０２６年７月１日,电话,是,\n" +
            "D-4,LOG,46204,电话,是,46204.5\n" +
            "D-5,LOG,7/1/2026,电话,是,\n" +
            "D-6,LOG,5,电话,是,\n")).Files.Single();

        Assert.Equal((6, 3, 3), (file.Read, file.Loaded, file.Quarantined));
        using var db = _w.Db.CreateContext();
        Assert.Equal(
        [
            ("D-1", new DateTime(2026, 7, 1), (DateTime?)new DateTime(2026, 7, 2, 9, 30, 0)),
            ("D-2", new DateTime(2026, 7, 1), new DateTime(2026, 7, 1, 18, 0, 0)),
            ("D-3", new DateTime(2026, 7, 1), null),
        ], db.Complaints.OrderBy(c => c.ComplaintId).ToList().Select(c => (c.ComplaintId, c.ReceivedAt, c.ResolvedAt)));
        Assert.Equal(
        [
            "5|受理时间|46204|is a number, not a date: a CSV carries dates as text (46204 is 2026-07-01 as Excel's serial date; format the column as a date in Excel before saving)",
            "5|解决时间|46204.5|is a number, not a date: a CSV carries dates as text (46204.5 is 2026-07-01 12:00 as Excel's serial date; format the column as a date in Excel before saving)",
            "6|受理时间|7/1/2026|is not a date and time (e.g. 2026-04-03 14:05)",
            "7|受理时间|5|is not a date and time (e.g. 2026-04-03 14:05)",
        ], db.QuarantinedRows.Where(q => q.SourceFileId == file.SourceFileId).OrderBy(q => q.Line).ThenBy(q => q.Id).ToList()
            .Select(q => $"{q.Line}|{q.Column}|{q.Value}|{q.Reason}"));
    }
}
