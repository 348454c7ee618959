using System.Runtime.CompilerServices;

namespace QualityAnalytics.Etl.Reading;

/// <summary>What makes a workbook cell no value at all, though it is not empty.</summary>
public enum CellFlawKind
{
    /// <summary>An Excel error value (#N/A, #DIV/0!…): a formula that failed; the cell's text is the error.</summary>
    ErrorValue,

    /// <summary>A formula saved without its result (written by a program that does not calculate): the cell reads empty.</summary>
    UncalculatedFormula,
}

/// <summary>A cell of a workbook row that holds no value: the row is quarantined when the cell is one of its fields'
/// (<c>RowReader</c>), with a reason that says what the cell is instead of reading its text as data.</summary>
/// <param name="Index">0-based, as in <see cref="RawRow.Cells"/> (column A is 0).</param>
/// <param name="Shown">What the quarantined row shows as the cell's value: the error (#N/A), or the formula as written
/// (=A2+1; null for a cell that shares another cell's formula and so has no text of its own).</param>
public readonly record struct CellFlaw(int Index, CellFlawKind Kind, string? Shown);

/// <summary>Excel's error values, as a workbook cell holds them (<c>&lt;c t="e"&gt;&lt;v&gt;#N/A&lt;/v&gt;</c>) and as Excel
/// shows and exports them.</summary>
public static class ExcelErrorValue
{
    // Excel's own (#N/A … #NUM!, #GETTING_DATA) and those of dynamic arrays and data types (#SPILL!, #CALC!…).
    private static readonly string[] Values =
        ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"];

    /// <summary>Whether the text is exactly one of Excel's error values (trimmed, as cells are; Excel writes them in
    /// upper case). Answers an ordinary cell with one comparison of its first character.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Is(string text) => text.Length >= 4 && text[0] == '#' && IsOneOf(text);

    private static bool IsOneOf(string text)
    {
        foreach (var value in Values)
        {
            if (text.Equals(value, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>The reason of a row with an error value in one of its fields.</summary>
    public static string Reason(string value) => $"Excel error value {value} (a formula that failed), not a value";

    /// <summary>The reason of a row with a formula saved without its result in one of its fields.</summary>
    public const string UncalculatedReason =
        "a formula whose result was never computed (the file was saved by a program that does not calculate formulas); open the file in Excel or WPS and save it, so that its values are computed, then send it again";
}
