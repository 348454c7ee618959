using QualityAnalytics.Etl.Reading;

namespace QualityAnalytics.Etl.Tests.Reading;

public class CellTextTests
{
    [Theory]
    [InlineData("\u3000客户甲\u3000", "客户甲")] // ideographic space, common in Chinese data
    [InlineData("\u00A0D01\u00A0", "D01")] // no-break space
    [InlineData("\n满意\r\n", "满意")]
    [InlineData("\u2003A\u205F", "A")] // em space, medium mathematical space
    [InlineData("\u1680x\u202F", "x")]
    [InlineData(" \t ", "")]
    public void Trims_every_white_space_character_string_Trim_trims(string text, string expected)
    {
        Assert.Equal(expected, CellText.Trimmed(text));
        Assert.Equal(text.Trim(), CellText.Trimmed(text));
    }

    [Theory]
    [InlineData("客户甲")]
    [InlineData("润丰印务有限公司")]
    [InlineData("2026-04-03 14:05")]
    [InlineData("")]
    [InlineData("中 间 有 空 格")]
    public void Text_without_white_space_at_its_ends_is_returned_as_the_same_instance(string text) =>
        Assert.Same(text, CellText.Trimmed(text));

    [Fact]
    public void Agrees_with_char_IsWhiteSpace_on_every_UTF_16_code_unit()
    {
        for (var c = char.MinValue; ; c++)
        {
            Assert.True(char.IsWhiteSpace(c) == CellText.IsWhiteSpace(c), $"U+{(int)c:X4}");
            if (c == char.MaxValue) break;
        }
    }

    [Theory]
    [InlineData("=\"00123\"", "00123")]
    [InlineData("=\"TS-X-05\"", "TS-X-05")]
    [InlineData("=\" LOG \"", "LOG")]
    [InlineData("=\"说 \"\"好\"\"\"", "说 \"好\"")]
    [InlineData("=\"\"", "")]
    [InlineData("=\"a\"&\"b\"", "=\"a\"&\"b\"")] // a formula joining two texts, not a wrapper
    [InlineData("=A1+1", "=A1+1")]
    [InlineData("=\"open", "=\"open")]
    [InlineData("=", "=")]
    public void Excel_text_wrappers_are_taken_off_and_anything_else_is_kept(string text, string expected) =>
        Assert.Equal(expected, CellText.UnwrapExcelText(text));
}
