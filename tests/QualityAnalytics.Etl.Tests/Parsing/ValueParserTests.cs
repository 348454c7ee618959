using QualityAnalytics.Etl.Parsing;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Etl.Tests.Parsing;

public sealed class ValueParserTests
{
    [Theory]
    [InlineData("2026-04-03", 2026, 4, 3, 0, 0, 0)]
    [InlineData("2026/4/3", 2026, 4, 3, 0, 0, 0)]
    [InlineData("2026年4月3日", 2026, 4, 3, 0, 0, 0)]
    [InlineData("2026年4月3日 14:05", 2026, 4, 3, 14, 5, 0)]
    [InlineData("2026年4月3日14:05", 2026, 4, 3, 14, 5, 0)]
    [InlineData("2026-04-03 14:05", 2026, 4, 3, 14, 5, 0)]
    [InlineData("2026-04-03 14:05:30", 2026, 4, 3, 14, 5, 30)]
    [InlineData("2026/4/3 9:05:30", 2026, 4, 3, 9, 5, 30)]
    [InlineData("2026-04-03T14:05:30", 2026, 4, 3, 14, 5, 30)]
    [InlineData(" 2026-06-30 23:59:59 ", 2026, 6, 30, 23, 59, 59)]
    [InlineData("2026-07-01 00:00:00", 2026, 7, 1, 0, 0, 0)]
    public void Every_date_and_time_form_of_the_contract_parses(string text, int y, int mo, int d, int h, int mi, int s)
    {
        Assert.True(ValueParsers.TryParseDateTime(text, out var value));
        Assert.Equal(new DateTime(y, mo, d, h, mi, s), value);
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("2026-02-30")]
    [InlineData("2026-04-03 24:00")]
    [InlineData("03/04/2026")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void Impossible_or_foreign_dates_are_refused(string text) => Assert.False(ValueParsers.TryParseDateTime(text, out _));

    // Each of these once threw out of the parser (\d matched the digit, int.Parse or DateTime refused it) and stopped the
    // whole load; a parser says no instead, and the row is quarantined.
    [Theory]
    [InlineData("２０２６-04-03")]
    [InlineData("٢٠٢٦-04-03")]
    [InlineData("0000-04-03")]
    [InlineData("0000/4/3 10:00")]
    public void Foreign_digits_and_year_zero_are_refused_not_thrown(string text) => Assert.False(ValueParsers.TryParseDateTime(text, out _));

    [Theory]
    [InlineData("0000-04")]
    [InlineData("２０２６年4月")]
    public void Months_in_year_zero_or_foreign_digits_are_refused_not_thrown(string text) => Assert.False(ValueParsers.TryParseMonth(text, out _));

    [Theory]
    [InlineData("1026Q2")]
    [InlineData("0000年第2季度")]
    [InlineData("２０２６Q2")]
    public void Quarters_before_1900_or_in_foreign_digits_are_refused_not_thrown(string text) => Assert.False(ValueParsers.TryParseQuarter(text, out _));

    [Theory]
    [InlineData("２０２６－０４－０３　１４：０５", "2026-04-03 14:05")]
    [InlineData("２０２６年４月", "2026年4月")]
    [InlineData("９６．５分", "96.5分")]
    [InlineData("Ｙ", "Y")]
    [InlineData("２０２６Ｑ２", "2026Q2")]
    public void Full_width_forms_fold_to_ascii(string text, string expected) => Assert.Equal(expected, ValueParsers.FoldFullWidth(text));

    [Theory]
    [InlineData("2026-04-03")]
    [InlineData("物流业务部")]
    [InlineData("")]
    public void Text_without_full_width_forms_is_not_folded(string text) => Assert.Null(ValueParsers.FoldFullWidth(text));

    [Theory]
    [InlineData("46115", 2026, 4, 3, 0, 0, 0)]
    [InlineData("46115.5868055556", 2026, 4, 3, 14, 5, 0)]
    [InlineData("46203.999988425925", 2026, 6, 30, 23, 59, 59)]
    [InlineData("61", 1900, 3, 1, 0, 0, 0)]
    public void An_excel_serial_is_its_date_to_the_second(string text, int y, int mo, int d, int h, int mi, int s)
    {
        Assert.True(ValueParsers.TryParseExcelSerial(text, out var value));
        Assert.Equal(new DateTime(y, mo, d, h, mi, s), value);
    }

    [Theory]
    [InlineData("60")]
    [InlineData("4")]
    [InlineData("-46115")]
    [InlineData("2958466")]
    [InlineData("2026-04-03")]
    [InlineData("1e5")]
    public void Numbers_that_are_no_excel_date_are_refused(string text) => Assert.False(ValueParsers.TryParseExcelSerial(text, out _));

    [Theory]
    [InlineData("2026-04", 2026, 4)]
    [InlineData("2026年4月", 2026, 4)]
    [InlineData("2026/04", 2026, 4)]
    [InlineData("2026-04-01", 2026, 4)]
    [InlineData("2026年12月", 2026, 12)]
    public void Every_month_form_parses_to_its_first_day(string text, int y, int m)
    {
        Assert.True(ValueParsers.TryParseMonth(text, out var first));
        Assert.Equal(new DateOnly(y, m, 1), first);
    }

    [Theory]
    [InlineData("2026Q2", 2026, 2)]
    [InlineData("2026-Q2", 2026, 2)]
    [InlineData("2026q4", 2026, 4)]
    [InlineData("2026年第2季度", 2026, 2)]
    [InlineData("2026年第二季度", 2026, 2)]
    public void Every_quarter_form_parses(string text, int y, int q)
    {
        Assert.True(ValueParsers.TryParseQuarter(text, out var quarter));
        Assert.Equal(new Quarter(y, q), quarter);
    }

    [Theory]
    [InlineData("2026Q5")]
    [InlineData("Q2")]
    [InlineData("2026年第5季度")]
    public void Impossible_quarters_are_refused(string text) => Assert.False(ValueParsers.TryParseQuarter(text, out _));

    [Theory]
    [InlineData("是", true)] [InlineData("否", false)]
    [InlineData("Y", true)] [InlineData("n", false)]
    [InlineData("yes", true)] [InlineData("NO", false)]
    [InlineData("true", true)] [InlineData("False", false)]
    [InlineData("1", true)] [InlineData("0", false)]
    [InlineData("有效", true)] [InlineData("无效", false)]
    public void Every_boolean_form_parses(string text, bool expected)
    {
        Assert.True(ValueParsers.TryParseBool(text, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void A_word_that_is_not_a_boolean_is_refused() => Assert.False(ValueParsers.TryParseBool("maybe", out _));

    [Theory]
    [InlineData("96.5", "96.5")]
    [InlineData("100", "100")]
    [InlineData("95分", "95")]
    [InlineData("-3", "-3")]
    [InlineData("1,234.5", "1234.5")]
    public void Decimals_parse_exactly(string text, string expected)
    {
        Assert.True(ValueParsers.TryParseDecimal(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }
}
