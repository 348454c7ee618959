using System.Runtime.CompilerServices;
using QualityAnalytics.Etl.Parsing;
using QualityAnalytics.Etl.Reading;
using QualityAnalytics.Warehouse.Contract;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Etl.Staging;

/// <summary>Reads one raw row by contract column name, parsing each value and collecting every error of the row
/// (not just the first), so that a quarantined row tells the sender everything to fix at once.</summary>
/// <param name="excelSerialDates">The row is a workbook's: a plain number in a date, date-time or month column is an
/// Excel serial date (<see cref="ValueParsers.TryParseExcelSerial"/>; see <see cref="ITabularSource.NumbersMayBeDates"/>).</param>
/// <param name="workbook">The row is a workbook sheet's: a cell is named by its column letter (G), not its number.</param>
public sealed class RowReader
{
    private readonly HeaderMatch _header;
    private readonly bool _excelSerialDates;
    private readonly bool _workbook;
    private IReadOnlyList<string> _cells;

    /// <param name="flaws">The row's cells that hold no value (<see cref="RawRow.Flaws"/>): null for nearly every row.</param>
    public RowReader(HeaderMatch header, IReadOnlyList<string> cells, bool excelSerialDates = false, bool workbook = false,
        IReadOnlyList<CellFlaw>? flaws = null)
    {
        _header = header;
        _excelSerialDates = excelSerialDates;
        _workbook = workbook;
        _cells = cells;
        CheckWidth();
        if (flaws is not null) RefuseFlaws(flaws);
    }

    /// <summary>Reads the next row under the same header: one reader per sheet instead of one per row (a bulk load's
    /// million readers were ~47 MiB of its allocations). The previous row's errors stay with whoever took them.</summary>
    /// <param name="flaws">See the constructor: a CSV's rows never have any, so a CSV pays one comparison per row.</param>
    public void MoveTo(IReadOnlyList<string> nextCells, IReadOnlyList<CellFlaw>? flaws = null)
    {
        _cells = nextCells;
        _errors = null;
        _warnings = null;
        CheckWidth();
        if (flaws is not null) RefuseFlaws(flaws);
    }

    /// <summary>A field's cell that holds an Excel error value or a formula never calculated is no value: the row fails
    /// with the reason that says what the cell is, whatever the field (free text too: "#N/A" is no complaint's
    /// description), and the field then reads as empty, so the row is not also told it "is not a number" or "is
    /// missing". A cell under no field is not loaded, and so costs the row nothing.</summary>
    private void RefuseFlaws(IReadOnlyList<CellFlaw> flaws)
    {
        string[]? masked = null;
        foreach (var flaw in flaws)
        {
            if (FieldAt(flaw.Index) is not { } field) continue;
            Fail(field, flaw.Shown, flaw.Kind == CellFlawKind.ErrorValue ? ExcelErrorValue.Reason(flaw.Shown ?? "") : ExcelErrorValue.UncalculatedReason);
            if (flaw.Index >= _cells.Count) continue;
            masked ??= [.. _cells];
            masked[flaw.Index] = "";
        }
        if (masked is not null) _cells = masked;
    }

    private string? FieldAt(int index)
    {
        foreach (var (field, at) in _header.Columns)
        {
            if (at == index) return field;
        }
        return null;
    }

    /// <summary>A value beyond the header's last named column usually means a shifted row (an unquoted comma in a CSV
    /// cell, a cell inserted in a workbook row): its named cells cannot be trusted either, so the row is quarantined,
    /// naming where the first such value sits. Empty cells there (<c>a,b,c,,,</c>, as Excel exports) mean nothing.
    /// One comparison per row; the cells are looked at only when the row is longer than the header.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckWidth()
    {
        if (_cells.Count > _header.Width) CheckCellsBeyondHeader();
    }

    private void CheckCellsBeyondHeader()
    {
        for (var i = _header.Width; i < _cells.Count; i++)
        {
            var text = CellText.Trimmed(_cells[i]);
            if (text.Length == 0) continue;
            var position = _workbook ? RepeatedColumn.ColumnLetters(i) : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Fail(FieldNames.Position(position), text, BeyondHeader(_header.Width, position, text));
            return;
        }
    }

    /// <summary>The reason of a row with a value past the header (<see cref="CheckWidth"/>).</summary>
    internal static string BeyondHeader(int headerWidth, string position, string value) =>
        $"the row has a value beyond the header's {headerWidth.ToString(System.Globalization.CultureInfo.InvariantCulture)} columns, in column {position} (\"{value}\"); its cells may be shifted (an unquoted comma?)";

    // Made at the first error: a bulk load reads a million rows, nearly all without one (docs/benchmarks.md, "Seventeenth session").
    private List<RowError>? _errors;

    public IReadOnlyList<RowError> Errors => _errors ?? (IReadOnlyList<RowError>)[];
    public bool HasErrors => _errors is { Count: > 0 };

    /// <summary>Whether a value of this column was refused already (a later check that depends on it stays quiet).</summary>
    public bool HasErrorIn(string column)
    {
        if (_errors is null) return false;
        foreach (var e in _errors) if (e.Column == column) return true;
        return false;
    }

    /// <summary>A field's header as the file wrote it (受理时间 for received_at), for a reason that names another column.</summary>
    public string HeaderOf(string column) => _header.HeaderOf(column);

    public void Fail(string column, string? value, string reason) => (_errors ??= []).Add(new RowError(column, value, reason));

    // Made at the first warning, as the errors are.
    private List<RowError>? _warnings;

    /// <summary>What the row loads with but the data desk should see (a value read as empty): null when none.</summary>
    public IReadOnlyList<RowError>? Warnings => _warnings;

    /// <summary>The row still loads; the loader records this as a load warning (file, sheet, line, column, value).</summary>
    public void Warn(string column, string? value, string reason) => (_warnings ??= []).Add(new RowError(column, value, reason));

    // Per row of a bulk load: compiled optimized at the first call, not after a tier-up (docs/benchmarks.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string? Optional(string column)
    {
        var index = _header.IndexOf(column);
        if (index is null || index.Value >= _cells.Count) return null;
        var text = CellText.Trimmed(_cells[index.Value]);
        return text.Length == 0 ? null : text;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Required(string column)
    {
        var text = Optional(column);
        // A cell refused already (an error value) is not also missing.
        if (text is null && !HasErrorIn(column)) Fail(column, null, "required value is missing");
        return text ?? "";
    }

    public decimal RequiredDecimal(string column) => ParseRequired<decimal>(column, ValueParsers.TryParseDecimal, "is not a number");

    public decimal? OptionalDecimal(string column) => ParseOptional<decimal>(column, ValueParsers.TryParseDecimal, "is not a number");

    public DateTime RequiredDateTime(string column) =>
        ParseRequired(column, _excelSerialDates ? DateTimeOrSerial : ValueParsers.TryParseDateTime, "is not a date and time (e.g. 2026-04-03 14:05)", dated: true);

    public DateTime? OptionalDateTime(string column) =>
        ParseOptional(column, _excelSerialDates ? DateTimeOrSerial : ValueParsers.TryParseDateTime, "is not a date and time (e.g. 2026-04-03 14:05)", dated: true);

    public DateOnly RequiredDate(string column) =>
        ParseRequired(column, _excelSerialDates ? DateOrSerial : ValueParsers.TryParseDate, "is not a date (e.g. 2026-04-03)", dated: true);

    public DateOnly? OptionalDate(string column) =>
        ParseOptional(column, _excelSerialDates ? DateOrSerial : ValueParsers.TryParseDate, "is not a date (e.g. 2026-04-03)", dated: true);

    public DateOnly RequiredMonth(string column) =>
        ParseRequired(column, _excelSerialDates ? MonthOrSerial : ValueParsers.TryParseMonth, "is not a month (e.g. 2026-04)", dated: true);

    // Held once: a workbook row asks for two or three of them.
    private static readonly TryParse<DateTime> DateTimeOrSerial = (string text, out DateTime value) =>
        ValueParsers.TryParseDateTime(text, out value) || ValueParsers.TryParseExcelSerial(text, out value);

    private static readonly TryParse<DateOnly> DateOrSerial = (string text, out DateOnly value) =>
    {
        var ok = DateTimeOrSerial(text, out var moment);
        value = ok ? DateOnly.FromDateTime(moment) : default;
        return ok;
    };

    private static readonly TryParse<DateOnly> MonthOrSerial = (string text, out DateOnly value) =>
    {
        if (ValueParsers.TryParseMonth(text, out value)) return true;
        var ok = ValueParsers.TryParseExcelSerial(text, out var moment);
        value = ok ? new DateOnly(moment.Year, moment.Month, 1) : default;
        return ok;
    };

    public Quarter RequiredQuarter(string column) => ParseRequired<Quarter>(column, ValueParsers.TryParseQuarter, "is not a quarter (e.g. 2026Q2)");

    public bool RequiredBool(string column) => ParseRequired<bool>(column, ValueParsers.TryParseBool, "is not a yes/no value (是/否, Y/N, 1/0, 有效/无效)");

    public bool? OptionalBool(string column) =>
        ParseOptional<bool>(column, ValueParsers.TryParseBool, "is not a yes/no value (是/否, Y/N, 1/0, 有效/无效)");

    public void RequireRange(string column, decimal value, decimal min, decimal max)
    {
        if (value < min || value > max) Fail(column, Optional(column), $"must be between {min} and {max}");
    }

    private delegate bool TryParse<T>(string text, out T value);

    /// <param name="dated">A date, date-time or month column: see <see cref="Problem"/>.</param>
    private T ParseRequired<T>(string column, TryParse<T> parse, string problem, bool dated = false) where T : struct
    {
        var text = Optional(column);
        if (text is null)
        {
            if (!HasErrorIn(column)) Fail(column, null, "required value is missing");
            return default;
        }
        if (parse(text, out var value) || TryFolded(text, parse, out value)) return value;
        Fail(column, text, Problem(text, problem, dated));
        return default;
    }

    private T? ParseOptional<T>(string column, TryParse<T> parse, string problem, bool dated = false) where T : struct
    {
        var text = Optional(column);
        if (text is null) return null;
        if (parse(text, out var value) || TryFolded(text, parse, out value)) return value;
        Fail(column, text, Problem(text, problem, dated));
        return null;
    }

    /// <summary>Why a value did not read. A number in a CSV's date column is what Excel writes when the column was not
    /// formatted as a date (46204 for 2026-07-01): the contract does not read it as a date (in a CSV a number is a number),
    /// and "is not a date" alone left the sender looking at a number with no idea why; the reason says what it would be and
    /// what to do. Only for serials of this century's dates, so a stray 5 is simply not a date.</summary>
    /// <para>An Excel error value in a CSV (#N/A: what Excel exports for a formula that failed) is named as what it is,
    /// in every column that must parse; a workbook's never gets here (<see cref="RefuseFlaws"/>).</para>
    private string Problem(string text, string problem, bool dated)
    {
        if (ExcelErrorValue.Is(text)) return ExcelErrorValue.Reason(text);
        if (!dated || _excelSerialDates || !ValueParsers.TryParseExcelSerial(text, out var serial) || serial.Year is < 2000 or > 2099) return problem;
        var date = serial.ToString(serial.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return $"is a number, not a date: a CSV carries dates as text ({text} is {date} as Excel's serial date; format the column as a date in Excel before saving)";
    }

    /// <summary>A value typed in full-width (２０２６年４月, ９５, Ｙ) parses as its ASCII form; asked only after the text
    /// as written failed, so it costs a bulk load nothing. The row's error, if any, still shows the text as written.</summary>
    private static bool TryFolded<T>(string text, TryParse<T> parse, out T value)
    {
        value = default!;
        return ValueParsers.FoldFullWidth(text) is { } folded && parse(folded, out value);
    }
}
