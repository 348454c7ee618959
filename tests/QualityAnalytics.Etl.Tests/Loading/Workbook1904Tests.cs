using QualityAnalytics.TestSupport;
using QualityAnalytics.Etl.Tests.Reading;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>A workbook kept in Excel's 1904 date system (old Mac workbooks) would load every date 4 years and a day
/// early, into another quarter, without a word: it is refused whole, saying what to do, and the same workbook in the
/// 1900 system (Excel's default) loads its date as it is.</summary>
public sealed class Workbook1904Tests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public Workbook1904Tests() => Directory.CreateDirectory(_w.Inbox);

    public void Dispose() => _w.Dispose();

    private string Write(string name, bool date1904)
    {
        var path = Path.Combine(_w.Inbox, name);
        HandWrittenXlsx.Write(path, "部门", new Dictionary<int, object[]>
        {
            [1] = ["部门编码", "部门名称"],
            [2] = ["LOG", "物流业务部"],
        }, date1904);
        return path;
    }

    [Fact]
    public void A_1904_workbook_is_refused_whole_saying_what_to_do()
    {
        var path = Write("部门_mac.xlsx", date1904: true);

        var file = Assert.Single(_w.Load(path).Files);

        Assert.True(file.Rejected);
        Assert.Equal("部门_mac.xlsx: uses Excel's 1904 date system, whose dates would load 4 years and a day early; " +
            "turn off \"Use 1904 date system\" in Excel (Options, Advanced) and send it again.", file.Reason);
        Assert.Equal(0, _w.Count("dim_department", "code = 'LOG'"));
    }

    [Fact]
    public void The_same_workbook_in_the_1900_system_is_read()
    {
        var path = Write("部门.xlsx", date1904: false);

        var file = Assert.Single(_w.Load(path).Files);

        Assert.False(file.Rejected, file.Reason);
        Assert.Equal(1, file.Loaded);
    }
}
