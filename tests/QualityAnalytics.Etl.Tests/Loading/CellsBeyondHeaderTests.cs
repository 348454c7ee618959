using QualityAnalytics.TestSupport;
using QualityAnalytics.Etl.Tests.Reading;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>A value in a cell beyond the header's last named column usually means a shifted row (an unquoted comma in a
/// CSV cell), so none of its named cells can be trusted: the row is quarantined, naming the column (its number in a
/// CSV, its letter in a workbook) and the first such value. Empty cells there (<c>a,b,c,,,</c>, as Excel exports every
/// line, the header's too) are ignored as before, and a row with fewer cells than the header still loads.</summary>
public sealed class CellsBeyondHeaderTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public CellsBeyondHeaderTests() => _w.Load(_w.Write("base/departments.csv", Samples.Departments));

    public void Dispose() => _w.Dispose();

    private List<(int Line, string Column, string? Value, string Reason)> Quarantined()
    {
        using var db = _w.Db.CreateContext();
        return db.QuarantinedRows.OrderBy(q => q.Id).ToList().Select(q => (q.Line, q.Column, q.Value, q.Reason)).ToList();
    }

    [Fact]
    public void A_csv_line_with_values_past_the_header_is_quarantined_naming_the_column_number_and_the_first_value()
    {
        var file = _w.Load(_w.Write("c_ragged.csv", "complaint_id,department,received_at,channel,valid,handler\n" +
            "TS-R-01,LOG,2026-04-03,电话,是,h\n" +
            "TS-R-02,LOG,2026-04-03,电话,是,h,,extra,extra2\n" + // shifted: the first value past the header is in column 8
            "TS-R-03,LOG,2026-04-03,电话,是,h,,,\n" +             // empty cells past it: nothing
            "TS-R-04,LOG,2026-04-03,电话,是\n")).Files.Single();   // fewer cells: the optional handler is empty

        Assert.Equal((4, 3, 1), (file.Read, file.Loaded, file.Quarantined));
        Assert.Equal([(3, "column 8", "extra",
            "the row has a value beyond the header's 6 columns, in column 8 (\"extra\"); its cells may be shifted (an unquoted comma?)")], Quarantined());
        Assert.Equal(0, _w.Count("fact_complaint", "complaint_id = 'TS-R-02'"));
    }

    [Fact]
    public void An_unquoted_comma_that_shifts_a_row_is_quarantined_with_every_problem_it_causes()
    {
        var file = _w.Load(_w.Write("shifted.csv", "complaint_id,department,received_at,channel,valid,description\n" +
            "TS-S-01,LOG,2026-04-03 14:05,电话,是,送货晚了,态度也差\n")).Files.Single();

        Assert.Equal((1, 0, 1), (file.Read, file.Loaded, file.Quarantined));
        Assert.Equal(("column 7", "态度也差"), (Quarantined()[0].Column, Quarantined()[0].Value));
    }

    [Fact]
    public void A_header_that_ends_in_empty_cells_counts_only_its_named_columns()
    {
        var file = _w.Load(_w.Write("excel.csv", "complaint_id,department,received_at,channel,valid,,,\n" +
            "TS-E-01,LOG,2026-04-03,电话,是,,,\n" +
            "TS-E-02,LOG,2026-04-03,电话,是,,x,\n")).Files.Single();

        Assert.Equal((2, 1, 1), (file.Read, file.Loaded, file.Quarantined));
        Assert.Equal(("column 7", "x"), (Quarantined()[0].Column, Quarantined()[0].Value));
    }

    [Fact]
    public void A_workbook_row_with_a_value_past_the_header_is_quarantined_naming_the_column_letter()
    {
        HandWrittenXlsx.Write(Path.Combine(_w.Inbox, "ledger.xlsx"), "投诉台账", new Dictionary<int, string[]>
        {
            [1] = ["complaint_id", "department", "received_at", "channel", "valid"],
            [2] = ["TS-X-01", "LOG", "2026-04-03", "电话", "是"],
            [3] = ["TS-X-02", "LOG", "2026-04-03", "电话", "是", "", "", "备注写错了列"],
        });

        var file = _w.Load(Path.Combine(_w.Inbox, "ledger.xlsx")).Files.Single();

        Assert.Equal((2, 1, 1), (file.Read, file.Loaded, file.Quarantined));
        Assert.Equal([(3, "column H", "备注写错了列",
            "the row has a value beyond the header's 5 columns, in column H (\"备注写错了列\"); its cells may be shifted (an unquoted comma?)")], Quarantined());
    }
}
