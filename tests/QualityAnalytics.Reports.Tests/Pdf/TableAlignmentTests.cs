using QualityAnalytics.Reports.Pdf;
using QualityAnalytics.Reports.Pdf.Components;
using SkiaSharp;

namespace QualityAnalytics.Reports.Tests.Pdf;

/// <summary>Auto alignment: a column of numbers sits on the right even where a cell says "no value" with a dash.</summary>
public class TableAlignmentTests
{
    private static IReadOnlyList<IReadOnlyList<string>> Rows(params string[] cells) => cells.Select(c => (IReadOnlyList<string>)[c]).ToList();

    [Fact]
    public void A_number_column_with_a_dash_for_a_missing_value_aligns_right()
    {
        // The service-target table's 投诉 C column ("90.00", …, "—" for the company row) was drawn on the left, right
        // beside the right-aligned direct deductions, so "0" and "90.00" read as one number "0 90.00".
        Assert.Equal(SKTextAlign.Right, TableComponent.Resolve(CellAlignment.Auto, Rows("90.00", "100.00", "—"), 0));
        Assert.Equal(SKTextAlign.Right, TableComponent.Resolve(CellAlignment.Auto, Rows("100.0%", "—", "52.9%"), 0));
    }

    [Fact]
    public void A_column_of_dashes_or_of_words_aligns_left()
    {
        Assert.Equal(SKTextAlign.Left, TableComponent.Resolve(CellAlignment.Auto, Rows("—", "—"), 0));
        Assert.Equal(SKTextAlign.Left, TableComponent.Resolve(CellAlignment.Auto, Rows("90.00", "不合格"), 0));
    }
}
