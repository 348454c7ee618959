namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>A fact may name its department by the exact current name; a name that two current departments share
/// identifies neither, so the row is quarantined naming their codes (it went silently to one of them).</summary>
public sealed class AmbiguousDepartmentNameTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    [Fact]
    public void A_row_naming_a_shared_department_name_is_quarantined_with_both_codes_and_codes_still_resolve()
    {
        _w.Write("dept_dup.csv", "code,name\nAA2,重名部\nAA1,重名部\nLOG,物流业务部\n");
        _w.Write("complaints.csv", "complaint_id,department,received_at,channel,valid\n" +
            "TS-A-01,重名部,2026-04-03,电话,是\nTS-A-02,AA1,2026-04-03,电话,是\nTS-A-03,物流业务部,2026-04-03,电话,是\n");

        var file = _w.Load(_w.Inbox).Files.Single(f => f.Kind == "complaints");

        Assert.Equal((2, 1), (file.Loaded, file.Quarantined));
        using var db = _w.Db.CreateContext();
        var row = Assert.Single(db.QuarantinedRows.ToList());
        Assert.Equal((2, "department", "重名部", "ambiguous department name: the current name of AA1, AA2; give the department's code"),
            (row.Line, row.Column, row.Value, row.Reason));
        Assert.Equal(0, _w.Count("fact_complaint", "complaint_id = 'TS-A-01'"));
    }
}
