using QualityAnalytics.Reports.Pdf;
using QualityAnalytics.Reports.Pdf.Components;
using QualityAnalytics.Reports.Pdf.Fonts;
using QualityAnalytics.Reports.Pdf.Layout;
using QualityAnalytics.Reports.Report;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Reports.Tests.Report;

/// <summary>
/// Every table of the demo's reports, in both languages, laid out with the document's own font: no word, number or
/// code may be cut across two lines of its cell ("Self-che / ck S", "TS-2026Q3- / MKT-03"), which is what a reader saw
/// when a column was narrower than its widest word.
/// </summary>
public sealed class ReportTableFitTests(DemoWarehouse demo) : IClassFixture<DemoWarehouse>
{
    public static TheoryData<string, string> Reports => new()
    {
        { "2026Q2", "zh-CN" }, { "2026Q2", "en" },
        { "2026Q3", "zh-CN" }, { "2026Q3", "en" },
        { "2024Q4", "zh-CN" }, { "2024Q4", "en" },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public void No_table_cell_cuts_a_word_across_lines(string quarter, string language)
    {
        var document = Compose(quarter, language);
        var cut = new List<string>();
        using (var context = Layout(document))
        {
            foreach (var table in document.Blocks.OfType<TableBlock>())
            {
                cut.AddRange(TableComponent.WordsCut(table, context).Select(w => $"[{table.Columns[0].Header}…] {w}"));
            }
        }
        Assert.True(cut.Count == 0, "cut across lines: " + string.Join(" | ", cut));
    }

    private ReportDocument Compose(string quarter, string language)
    {
        var options = new ReportOptions { Language = language };
        using var db = demo.Db.CreateContext();
        var model = ReportDataReader.Read(db, Quarter.Parse(quarter), options, PolicyFile.Default, demo.Clock);
        return QuarterlyReport.Compose(model, options);
    }

    private static LayoutContext Layout(ReportDocument document)
    {
        var font = FontSource.Load(new FontLocator().Locate());
        return new LayoutContext(font.Typeface, document.Page.ContentWidth, document.Page.ContentHeight, []);
    }
}
