using QualityAnalytics.Etl.Parsing;

namespace QualityAnalytics.Etl.Tests.Parsing;

/// <summary>The digit-by-digit reading of <c>yyyy-MM-dd[ HH:mm[:ss]]</c> gives exactly the regular expression's
/// answer: the same yes or no and the same value, for every text it claims, and claims nothing it should not.</summary>
public sealed class IsoDateFastPathTests
{
    [Theory]
    [InlineData("2026-04-03")]
    [InlineData("2026-04-03 14:05")]
    [InlineData("2026-04-03T14:05")]
    [InlineData("2026-04-03 14:05:30")]
    [InlineData("2024-02-29 23:59:59")]
    [InlineData("2025-02-29")]
    [InlineData("2026-00-10")]
    [InlineData("2026-04-00")]
    [InlineData("2026-04-31 10:00")]
    [InlineData("2026-04-03 24:00")]
    [InlineData("2026-04-03 23:60")]
    [InlineData("2026-04-03 23:59:60")]
    public void Each_form_and_each_range_check_agrees_with_the_pattern(string text)
    {
        Assert.True(ValueParsers.TryParseIsoDateTime(text, out var fast, out var valid));
        Assert.Equal(ValueParsers.TryParseDateTimeByPattern(text, out var general), valid);
        Assert.Equal(general, fast);
    }

    [Theory]
    [InlineData("2026/04/03")]
    [InlineData("2026-4-03")]
    [InlineData(" 2026-04-03")]
    [InlineData("2026-04-03 9:05")]
    [InlineData("2026-04-03 14:05:30.5")]
    [InlineData("２０２６-04-03")]
    [InlineData("2026-04-03x14:05")]
    [InlineData("0000-01-01")]
    public void Other_forms_are_left_to_the_pattern(string text) => Assert.False(ValueParsers.TryParseIsoDateTime(text, out _, out _));

    [Fact]
    public void Random_texts_of_the_three_shapes_get_the_pattern_s_answer()
    {
        var random = new Random(20261127);
        const string alphabet = "0123456789-: T/x9";
        var claimed = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var shape = (i % 3) switch { 0 => "dddd-dd-dd", 1 => "dddd-dd-dd dd:dd", _ => "dddd-dd-dd dd:dd:dd" };
            var chars = shape.Select(c => c == 'd' ? (char)('0' + random.Next(10)) : c).ToArray();
            // Mostly plausible values (so many are valid), sometimes any character anywhere.
            chars[5] = random.Next(4) == 0 ? chars[5] : (char)('0' + random.Next(2));
            chars[8] = random.Next(4) == 0 ? chars[8] : (char)('0' + random.Next(4));
            if (random.Next(5) == 0) chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            var text = new string(chars);
            if (!ValueParsers.TryParseIsoDateTime(text, out var fast, out var valid)) continue;
            claimed++;
            Assert.True(ValueParsers.TryParseDateTimeByPattern(text, out var general) == valid, text);
            Assert.True(general == fast, text);
        }
        Assert.True(claimed > 100_000, $"only {claimed} texts took the fast path");
    }
}
