using QualityAnalytics.Etl.Loading;
using QualityAnalytics.TestSupport;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>An .xlsx is a zip: a file small enough to upload (or to drop in the inbox) can unpack to gigabytes of sheet
/// XML. A workbook that unpacks past the loader's limit is refused whole before a row of it is read, whatever its
/// headers declare; an ordinary workbook loads under the same limit. The limit is set low here so the tests stay fast.</summary>
public sealed class WorkbookBombTests : IDisposable
{
    private const long Limit = 1024 * 1024;
    private const long Unpacked = 200L * 1024 * 1024;
    private readonly TestWarehouse _w = new();
    private static readonly LoaderOptions LowLimit = new() { MaxWorkbookUnpackedBytes = Limit };

    public WorkbookBombTests() => Directory.CreateDirectory(_w.Inbox);

    public void Dispose() => _w.Dispose();

    private const string Refusal =
        "部门.xlsx: expands to more than 1 MB when unpacked, the limit for a workbook (too large at its part xl/worksheets/sheet1.xml).";

    [Fact]
    public void A_workbook_that_unpacks_past_the_limit_is_refused_whole_naming_the_file_and_the_part()
    {
        var bomb = WorkbookBomb.Write(Path.Combine(_w.Inbox, "部门.xlsx"), Unpacked);
        Assert.True(new FileInfo(bomb).Length < 2 * 1024 * 1024, "the bomb is small on disk");

        var file = Assert.Single(_w.Load(LowLimit, bomb).Files);

        Assert.True(file.Rejected);
        Assert.Equal(Refusal, file.Reason);
        Assert.Equal(0, _w.Count("dim_department", "code = 'BOOM'"));
    }

    [Fact]
    public void A_part_that_declares_a_small_size_is_refused_without_being_unpacked_past_it()
    {
        // Its headers say 1,000 bytes, so the declared sizes pass. The zip reader inflates a part no further than its
        // declared size (the count of the bytes that come out is the check that does not rely on that): the sheet is cut
        // short, and the workbook is refused as unreadable rather than 200 MB of it read.
        var bomb = WorkbookBomb.Write(Path.Combine(_w.Inbox, "部门.xlsx"), Unpacked, declaredSheetBytes: 1000);

        var file = Assert.Single(_w.Load(LowLimit, bomb).Files);

        Assert.True(file.Rejected);
        Assert.Contains("is not a readable .xlsx workbook", file.Reason, StringComparison.Ordinal);
        Assert.Equal(0, _w.Count("dim_department", "code = 'BOOM'"));
    }

    [Fact]
    public void An_ordinary_workbook_loads_under_the_same_limit()
    {
        var path = Path.Combine(_w.Inbox, "部门.xlsx");
        HandWrittenXlsx.Write(path, "部门", new Dictionary<int, string[]>
        {
            [1] = ["部门编码", "部门名称"],
            [2] = ["LOG", "物流业务部"],
            [3] = ["STO", "储运中心"],
        });

        var file = Assert.Single(_w.Load(LowLimit, path).Files);

        Assert.False(file.Rejected, file.Reason);
        Assert.Equal(2, file.Loaded);
    }
}
