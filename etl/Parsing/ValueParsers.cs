using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using QualityAnalytics.Etl.Reading;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Etl.Parsing;

/// <summary>Every value form the data contract accepts. Each parser takes trimmed text and says yes or no;
/// the staging mappers turn a "no" into a quarantine reason naming the column and the value.</summary>
public static partial class ValueParsers
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // Digits are [0-9], not \d: \d also matches full-width and other scripts' digits, which int.Parse then refuses with an
    // exception (a whole load stopped by one cell). Full-width forms are folded to ASCII first (FoldFullWidth).
    // 2026-04-03, 2026/4/3, 2026.4.3, 2026年4月3日 (日 optional), optionally followed by a time 14:05 or 14:05:30
    // (after 日 the space may be left out: 2026年4月3日14:05).
    [GeneratedRegex(@"^([0-9]{4})\s*(?:[-/.]|年)\s*([0-9]{1,2})\s*(?:[-/.]|月)\s*([0-9]{1,2})(?:\s*日)?(?:(?:[ T]+|(?<=日))([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?)?$")]
    private static partial Regex DateTimePattern();

    // 2026-04, 2026/4, 2026年4月
    [GeneratedRegex(@"^([0-9]{4})\s*(?:[-/.]|年)\s*([0-9]{1,2})\s*月?$")]
    private static partial Regex MonthPattern();

    // 2026Q2, 2026-Q2, 2026 Q2, 2026年第2季度, 2026年二季度
    [GeneratedRegex(@"^([0-9]{4})\s*(?:[-\s]?[Qq]\s*([1-4])|年\s*第?\s*([1-4一二三四])\s*季度?)$")]
    private static partial Regex QuarterPattern();

    // Per row of a bulk load: compiled optimized at the first call, not after a tier-up (docs/benchmarks.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseDateTime(string text, out DateTime value)
    {
        if (TryParseCommonDateTime(text, out value, out var valid)) return valid;
        return TryParseDateTimeByPattern(text, out value);
    }

    /// <summary>Every date and time form of the contract, by its regular expression.</summary>
    internal static bool TryParseDateTimeByPattern(string text, out DateTime value)
    {
        value = default;
        var m = DateTimePattern().Match(text.Trim());
        if (!m.Success) return false;
        var year = int.Parse(m.Groups[1].ValueSpan, Inv);
        var month = int.Parse(m.Groups[2].ValueSpan, Inv);
        var day = int.Parse(m.Groups[3].ValueSpan, Inv);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        int hour = 0, minute = 0, second = 0;
        if (m.Groups[4].Success)
        {
            hour = int.Parse(m.Groups[4].ValueSpan, Inv);
            minute = int.Parse(m.Groups[5].ValueSpan, Inv);
            second = m.Groups[6].Success ? int.Parse(m.Groups[6].ValueSpan, Inv) : 0;
            if (hour > 23 || minute > 59 || second > 59) return false;
        }
        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return true;
    }

    /// <summary>The forms nearly every file uses, read character by character: <c>2026-04-03</c>, <c>2026/4/3</c>,
    /// <c>2026.04.03</c>, each optionally followed by one space or <c>T</c> and <c>14:05</c>, <c>9:05</c> or
    /// <c>14:05:30</c> (ASCII digits). A bulk load parses two or three dates per row, and the regular expression's match
    /// and groups cost more than the rest of the row's checks (a file writing <c>2024/3/1 9:05</c> in one row of ten
    /// still spent ~90 MiB per million rows on them). Returns false when the text is not exactly one of these forms (the
    /// regular expression decides then: 年月日, white space around the parts, fractions of a second...); otherwise
    /// <paramref name="valid"/> is the answer the regular expression path would give.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryParseCommonDateTime(string text, out DateTime value, out bool valid)
    {
        value = default;
        valid = false;
        var t = text.AsSpan();
        if (t.Length < 8 || !TwoDigits(t, 0, out var century) || !TwoDigits(t, 2, out var yy) || !IsDateSeparator(t[4])) return false;
        var at = 5;
        if (!Digits(t, ref at, 2, out var month) || at >= t.Length || !IsDateSeparator(t[at])) return false;
        at++;
        if (!Digits(t, ref at, 2, out var day)) return false;
        int hour = 0, minute = 0, second = 0;
        if (at < t.Length)
        {
            if (t[at] is not (' ' or 'T')) return false;
            at++;
            if (!Digits(t, ref at, 2, out hour) || at >= t.Length || t[at] != ':') return false;
            at++;
            if (at + 2 > t.Length || !TwoDigits(t, at, out minute)) return false;
            at += 2;
            if (at < t.Length)
            {
                if (at + 3 != t.Length || t[at] != ':' || !TwoDigits(t, at + 1, out second)) return false;
                at += 3;
            }
        }
        if (at != t.Length) return false;
        var year = century * 100 + yy;
        if (year == 0) return false; // the general path's answer for year 0000 is its own
        valid = month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59;
        if (valid) value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDateSeparator(char c) => c is '-' or '/' or '.';

    /// <summary>One to <paramref name="most"/> ASCII digits from <paramref name="at"/>, which moves past them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Digits(ReadOnlySpan<char> text, ref int at, int most, out int value)
    {
        value = 0;
        var start = at;
        while (at < text.Length && at - start < most && (uint)(text[at] - '0') <= 9) value = value * 10 + (text[at++] - '0');
        return at > start;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TwoDigits(ReadOnlySpan<char> text, int at, out int value)
    {
        var (a, b) = (text[at] - '0', text[at + 1] - '0');
        value = a * 10 + b;
        return (uint)a <= 9 && (uint)b <= 9;
    }

    /// <summary>A date; a time part, if any, is accepted and dropped (Excel often writes 00:00:00).</summary>
    public static bool TryParseDate(string text, out DateOnly value)
    {
        var ok = TryParseDateTime(text, out var dt);
        value = ok ? DateOnly.FromDateTime(dt) : default;
        return ok;
    }

    /// <summary>A month as its first day. A full date is accepted too (an Excel date cell formatted as a month).</summary>
    public static bool TryParseMonth(string text, out DateOnly firstDay)
    {
        firstDay = default;
        var t = text.Trim();
        var m = MonthPattern().Match(t);
        if (m.Success)
        {
            var year = int.Parse(m.Groups[1].ValueSpan, Inv);
            var month = int.Parse(m.Groups[2].ValueSpan, Inv);
            if (year < 1 || month is < 1 or > 12) return false;
            firstDay = new DateOnly(year, month, 1);
            return true;
        }
        if (!TryParseDate(t, out var date)) return false;
        firstDay = new DateOnly(date.Year, date.Month, 1);
        return true;
    }

    public static bool TryParseQuarter(string text, out Quarter quarter)
    {
        quarter = default;
        var m = QuarterPattern().Match(text.Trim());
        if (!m.Success) return false;
        var year = int.Parse(m.Groups[1].ValueSpan, Inv);
        var n = m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value;
        var number = n switch { "一" => 1, "二" => 2, "三" => 3, "四" => 4, _ => int.Parse(n, Inv) };
        if (year < 1900) return false; // "1026Q2" is a typo, not a quarter (Quarter refuses years before 1900 with an exception)
        quarter = new Quarter(year, number);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseBool(string text, out bool value)
    {
        // The text as written first: lower-casing allocates a string per row (and asks ICU for 是/否).
        var t = CellText.Trimmed(text);
        return TryParseBoolWord(t, out value) || TryParseBoolWord(t.ToLowerInvariant(), out value);
    }

    private static bool TryParseBoolWord(string word, out bool value)
    {
        switch (word)
        {
            case "是" or "y" or "yes" or "true" or "1" or "有效" or "t" or "√":
                value = true;
                return true;
            case "否" or "n" or "no" or "false" or "0" or "无效" or "f" or "×":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>
    /// An Excel serial date (days since 1899-12-30, the fraction the time of day), as a workbook's date cell arrives when
    /// its number format is one MiniExcel does not know as a date: the zh-CN built-in formats that Chinese Excel writes by
    /// id, 2012年3月14日 (31), 2012年3月 (57) and their kin, and mmm-yy (17). Only for workbook rows (a number in a CSV is
    /// not a date), and only from 61 (1900-03-01) on, where Excel's serials and the calendar agree. Rounded to the
    /// second, as <see cref="XlsxCellText"/> rounds a date cell MiniExcel does recognise.
    /// </summary>
    public static bool TryParseExcelSerial(string text, out DateTime value)
    {
        value = default;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, Inv, out var days) || days < 61m || days >= MaxExcelSerial) return false;
        var seconds = decimal.Round(days * 86_400m, MidpointRounding.AwayFromZero);
        value = XlsxCellText.ExcelSerialEpoch.AddTicks((long)seconds * TimeSpan.TicksPerSecond);
        return true;
    }

    /// <summary>The first serial after 9999-12-31, Excel's last date.</summary>
    private const decimal MaxExcelSerial = 2_958_466m;

    /// <summary>The text with its full-width forms (U+FF01..U+FF5E: ２０２６, －, ／, ：, Ｑ, Ｙ, ．) and ideographic spaces
    /// folded to ASCII, as a Chinese input method in full-width mode types them and as Excel itself reads them (it takes
    /// ２０２６/４/３ for a date); null when there is nothing to fold. The staging asks only after a value failed to parse
    /// as written, so the usual cell costs nothing.</summary>
    public static string? FoldFullWidth(string text)
    {
        var at = text.AsSpan().IndexOfAnyInRange('\u3000', '\uFF5E');
        if (at < 0) return null;
        var folded = false;
        var chars = text.ToCharArray();
        for (var i = at; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c is >= '\uFF01' and <= '\uFF5E') chars[i] = (char)(c - 0xFEE0);
            else if (c == '\u3000') chars[i] = ' ';
            else continue;
            folded = true;
        }
        return folded ? new string(chars) : null;
    }

    /// <summary>A department code as the warehouse keeps it: typed in full-width (ＬＯＧ, as a Chinese input method in
    /// full-width mode does) it is its ASCII form, as full-width dates and numbers are. The same instance when the code
    /// has no character at or above U+3000, as nearly every code has: one vectorised scan.</summary>
    public static string DepartmentCode(string code) => FoldFullWidth(code) ?? code;

    /// <summary>Invariant decimal; a thousands separator or a trailing 分 (points) is tolerated.</summary>
    public static bool TryParseDecimal(string text, out decimal value)
    {
        var t = CellText.Trimmed(text);
        if (t.EndsWith('分')) t = t[..^1].TrimEnd();
        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, Inv, out value);
    }
}
