using QualityAnalytics.Reports.Pdf;

namespace QualityAnalytics.Reports.Tests.Pdf;

public class LineBreakerTests
{
    // Every UTF-16 unit is one unit wide: easy to reason about, and the rules do not depend on real widths.
    private static float Width(string s) => s.Length;

    [Fact]
    public void Cjk_text_breaks_between_any_two_characters()
    {
        var lines = LineBreaker.Break("一二三四五六七八九十", 4, Width);

        Assert.Equal(["一二三四", "五六七八", "九十"], lines);
    }

    [Fact]
    public void A_closing_comma_never_starts_a_line_it_takes_the_character_before_it_along()
    {
        var lines = LineBreaker.Break("一二三四，五六", 4, Width);

        Assert.Equal(["一二三", "四，五六"], lines);
        Assert.All(lines, l => Assert.DoesNotContain(l[0], LineBreaker.Closing));
    }

    [Fact]
    public void An_opening_bracket_never_ends_a_line()
    {
        var lines = LineBreaker.Break("一二三（四五）六", 4, Width);

        Assert.Equal(["一二三", "（四五）", "六"], lines);
        Assert.All(lines, l => Assert.DoesNotContain(l[^1], LineBreaker.Opening));
    }

    [Fact]
    public void A_short_bracketed_chinese_name_is_kept_whole_and_the_line_breaks_before_its_bracket()
    {
        // The appendix's cells: a sheet name after its file, a column's Chinese name after its code (部门编/码 was cut).
        Assert.Equal(["台账.xlsx", "[电话回访]"], LineBreaker.Break("台账.xlsx [电话回访]", 10, Width));
        Assert.Equal(["department", "（部门编码）"], LineBreaker.Break("department（部门编码）", 12, Width));
        Assert.Equal(["甲乙", "（部门编码）"], LineBreaker.Break("甲乙（部门编码）", 5 + 2, Width));
    }

    [Fact]
    public void A_long_bracketed_group_is_prose_and_still_breaks_inside()
    {
        var lines = LineBreaker.Break("甲（一二三四五六七八）", 5, Width);

        Assert.Equal(["甲（一二三", "四五六七", "八）"], lines);
    }

    [Theory]
    [InlineData("服务质量：满意度。")]
    [InlineData("甲乙丙丁戊己庚辛壬癸、子丑寅卯；辰巳午未！申酉戌亥？")]
    [InlineData("《服务规范》「第一条」『附则』【注】〈甲〉“引文”‘单引’")]
    public void No_line_starts_with_closing_or_ends_with_opening_punctuation_at_any_width(string text)
    {
        // From 4: the longest unbreakable cluster (“引文”) is 4 wide; narrower lines must cut it.
        for (var width = 4; width <= text.Length; width++)
        {
            var lines = LineBreaker.Break(text, width, Width);

            Assert.Equal(text, string.Concat(lines));
            Assert.All(lines.Skip(1), l => Assert.DoesNotContain(l[0], LineBreaker.Closing));
            Assert.All(lines.SkipLast(1), l => Assert.DoesNotContain(l[^1], LineBreaker.Opening));
        }
    }

    [Fact]
    public void A_latin_word_is_not_split_it_moves_to_the_next_line()
    {
        var lines = LineBreaker.Break("hello wonderful world", 12, Width);

        Assert.Equal(["hello", "wonderful", "world"], lines);
    }

    [Fact]
    public void A_latin_word_longer_than_the_line_is_cut()
    {
        var lines = LineBreaker.Break("abcdefghij", 4, Width);

        Assert.Equal(["abcd", "efgh", "ij"], lines);
    }

    [Fact]
    public void Mixed_chinese_and_english_keeps_words_whole_and_breaks_around_chinese()
    {
        const string text = "服务质量score提升了 quality 指标，达到95.2%的水平";

        var lines = LineBreaker.Break(text, 8, Width);

        Assert.All(lines, l => Assert.True(Width(l) <= 8, $"'{l}' is wider than 8"));
        Assert.Equal(text.Replace(" ", ""), string.Concat(lines).Replace(" ", ""));
        Assert.Contains(lines, l => l.Contains("score", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("quality", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("95.2%", StringComparison.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.DoesNotContain(l[0], LineBreaker.Closing));
    }

    [Fact]
    public void A_newline_always_ends_a_line_and_trailing_spaces_are_dropped()
    {
        var lines = LineBreaker.Break("first line   \nsecond", 40, Width);

        Assert.Equal(["first line", "second"], lines);
    }
}
