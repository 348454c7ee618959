using System.IO.Compression;
using QualityAnalytics.Etl.Reading;
using QualityAnalytics.TestSupport;
using static QualityAnalytics.TestSupport.HandWrittenXlsx;

namespace QualityAnalytics.Etl.Tests.Reading;

/// <summary>Workbook cells as departments' files hold them when a formula is involved: Excel's stored result of a formula
/// is the cell's value; an error value, or a formula saved without a result, is no value and is marked as such on the row
/// (<see cref="RawRow.Flaws"/>) instead of reading as text or as an empty cell.</summary>
public sealed class XlsxFormulaCellsTests
{
    private static RawRow ReadOneRow(TempFolder folder, params object[] cells)
    {
        var path = folder.File("book.xlsx");
        Write(path, "s", new Dictionary<int, object[]>
        {
            [1] = [.. cells.Select((_, i) => (object)$"h{i}")],
            [2] = cells,
        });
        using var source = Assert.Single(TabularFile.Open(path));
        return Assert.Single(source.ReadRows());
    }

    [Fact]
    public void A_formula_s_stored_result_reads_as_the_value_a_typed_cell_would_give_and_marks_nothing()
    {
        using var folder = new TempFolder();

        var row = ReadOneRow(folder,
            new Cell(null, "A2+1", "5"),                          // a number
            new Cell(null, "DATE(2026,7,3)", "46206", 14),        // a date: its serial, date-styled
            new Cell("str", "CONCAT(\"物流\",\"业务部\")", "物流业务部"), // text
            new Cell("b", "A2>1", "1"),                           // a yes/no
            new Cell("b", null, "0"),                             // a typed boolean cell
            "85",                                                 // a number stored as text (Excel's green triangle)
            new Cell("str", "IF(A2>9,\"x\",\"\")", ""));          // Excel's formula whose result is "" (nothing, as a blank cell)

        Assert.Equal(["5", "2026-07-03", "物流业务部", "true", "false", "85"], row.Cells);
        Assert.Null(row.Flaws);
    }

    [Theory]
    [InlineData("#N/A", null)]
    [InlineData("#DIV/0!", "1/0")]
    [InlineData("#VALUE!", "\"a\"+1")]
    [InlineData("#REF!", "#REF!+1")]
    [InlineData("#NAME?", "NOSUCH(1)")]
    public void An_error_value_is_marked_with_its_text_in_any_column(string error, string? formula)
    {
        using var folder = new TempFolder();

        var row = ReadOneRow(folder, "C-1", Cell.Error(error, formula), "text", new Cell("e", formula, error, 14));

        Assert.Equal(["C-1", error, "text", error], row.Cells);
        Assert.Equal([new CellFlaw(1, CellFlawKind.ErrorValue, error), new CellFlaw(3, CellFlawKind.ErrorValue, error)], row.Flaws);
    }

    [Fact]
    public void A_formula_saved_without_its_result_is_marked_with_the_formula_and_keeps_its_row_from_reading_as_blank()
    {
        using var folder = new TempFolder();
        var path = folder.File("book.xlsx");
        Write(path, "s", new Dictionary<int, object[]>
        {
            [1] = ["a", "b", "c", "d", "e"],
            [2] = ["C-1", new Cell(null, "A2+1", null), new Cell("str", "CONCAT(A2,\"x\")", null), new Cell(null, "DATE(2026,7,3)", "", 14), new Cell(null, null, "3")],
            // A shared formula's other cells carry no text of their own (<f t="shared" si="0"/>); the row has nothing else.
            [3] = ["", new Cell(null, "", null)],
        });

        using var source = Assert.Single(TabularFile.Open(path));
        var rows = source.ReadRows().ToList();

        Assert.Equal([2, 3], rows.Select(r => r.Line));
        Assert.Equal(["C-1", "", "", "", "3"], rows[0].Cells);
        Assert.Equal([
            new CellFlaw(1, CellFlawKind.UncalculatedFormula, "=A2+1"),
            new CellFlaw(2, CellFlawKind.UncalculatedFormula, "=CONCAT(A2,\"x\")"),
            new CellFlaw(3, CellFlawKind.UncalculatedFormula, "=DATE(2026,7,3)"),
        ], rows[0].Flaws);
        Assert.Equal([new CellFlaw(1, CellFlawKind.UncalculatedFormula, null)], rows[1].Flaws);
    }

    [Fact]
    public void A_workbook_whose_formulas_all_have_results_is_not_read_a_second_time_for_them()
    {
        using var folder = new TempFolder();
        var path = folder.File("book.xlsx");
        Write(path, "s", new Dictionary<int, object[]>
        {
            [1] = ["a", "b"],
            [2] = [new Cell(null, "1+1", "2"), new Cell("str", "\"x\"", "x")],
            [3] = [Cell.Error("#N/A", "NA()"), new Cell("b", null, "1")],
        });

        Assert.Empty(WorkbookSizeCheck.Check(path, TabularFile.DefaultMaxWorkbookUnpackedBytes));
    }

    [Theory]
    [InlineData("<c r=\"B2\"><f>A2+1</f></c>")]
    [InlineData("<x:c r=\"B2\"><x:f>A2+1</x:f></x:c>")]
    [InlineData("<c r=\"B2\"><f t=\"shared\" si=\"0\"/></c>")]
    [InlineData("<c r=\"B2\"><f>A2+1</f><v/></c>")]
    [InlineData("<c r=\"B2\"><f>A2+1</f><v></v></c>")]
    [InlineData("<x:c r=\"B2\"><x:f>A2+1</x:f><x:v></x:v></x:c>")]
    public void A_formula_without_its_result_is_found_wherever_the_reads_of_the_inflating_pass_cut_it(string cell)
    {
        var xml = System.Text.Encoding.UTF8.GetBytes("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c>" + cell + "</row>");
        // Every place a first read can end, the rest coming in a second.
        for (var cut = 1; cut < xml.Length; cut++)
        {
            var buffer = new byte[xml.Length + UncalculatedFormulas.Overlap];
            var kept = 0;
            xml.AsSpan(0, cut).CopyTo(buffer);
            var found = UncalculatedFormulas.Search(buffer, ref kept, cut);
            if (!found)
            {
                xml.AsSpan(cut).CopyTo(buffer.AsSpan(kept));
                found = UncalculatedFormulas.Search(buffer, ref kept, xml.Length - cut);
            }
            Assert.True(found, $"not found when cut after {cut} bytes");
        }
        Assert.False(UncalculatedFormulas.MaySuspect("<row r=\"2\"><c r=\"A2\"><f>A2+1</f><v>5</v></c><c r=\"B2\" s=\"1\"/></row>"u8));
    }
}
