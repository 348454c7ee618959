using System.Text;
using QualityAnalytics.Etl.Parsing;

namespace QualityAnalytics.Etl.Tests.Parsing;

/// <summary>The character-by-character reading of the common date forms (<c>yyyy-MM-dd</c>, <c>yyyy/M/d</c>,
/// <c>yyyy.MM.dd</c>, with <c>H:mm</c> or <c>HH:mm:ss</c>) gives exactly the regular expression's answer: the same yes or
/// no and the same value, for every text it claims, and claims nothing it should not.</summary>
public sealed class DateFastPathTests
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
    [InlineData("2026/04/03")]
    [InlineData("2026/4/3")]
    [InlineData("2024/3/1 9:05")]
    [InlineData("2026-4-03")]
    [InlineData("2026.4.3 09:05:07")]
    [InlineData("2026/4-3")]
    [InlineData("2026-04-03 9:05")]
    [InlineData("2025/2/29 9:05")]
    [InlineData("2026/13/1")]
    public void Each_form_and_each_range_check_agrees_with_the_pattern(string text)
    {
        Assert.True(ValueParsers.TryParseCommonDateTime(text, out var fast, out var valid));
        Assert.Equal(ValueParsers.TryParseDateTimeByPattern(text, out var general), valid);
        Assert.Equal(general, fast);
    }

    [Theory]
    [InlineData(" 2026-04-03")]
    [InlineData("2026 - 04 - 03")]
    [InlineData("2026-04-03  14:05")]
    [InlineData("2026-04-03 14:05:30.5")]
    [InlineData("２０２６-04-03")]
    [InlineData("2026-04-03x14:05")]
    [InlineData("2026年4月3日")]
    [InlineData("2026年4月3日 9:05")]
    [InlineData("0000-01-01")]
    [InlineData("2026-123-01")]
    [InlineData("2026-04-03 9:5")]
    public void Other_forms_are_left_to_the_pattern(string text) => Assert.False(ValueParsers.TryParseCommonDateTime(text, out _, out _));

    [Fact]
    public void Random_texts_of_the_common_shapes_get_the_pattern_s_answer()
    {
        var random = new Random(20261127);
        const string alphabet = "0123456789-: T/.x9年";
        var claimed = 0;
        for (var i = 0; i < 300_000; i++)
        {
            var text = Shape(random);
            if (random.Next(5) == 0)
            {
                // Sometimes any character anywhere, or one more or one fewer.
                var chars = new StringBuilder(text);
                var at = random.Next(chars.Length);
                switch (random.Next(3))
                {
                    case 0: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
                    case 1: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: chars.Remove(at, 1); break;
                }
                text = chars.ToString();
            }
            if (!ValueParsers.TryParseCommonDateTime(text, out var fast, out var valid)) continue;
            claimed++;
            Assert.True(ValueParsers.TryParseDateTimeByPattern(text, out var general) == valid, text);
            Assert.True(general == fast, text);
        }
        Assert.True(claimed > 200_000, $"only {claimed} texts took the fast path");
    }

    /// <summary>A date in one of the common shapes: each separator one of - / ., month and day of one or two digits
    /// (mostly plausible, so that many are valid), then no time, H:mm, HH:mm or HH:mm:ss after a space or a T.</summary>
    private static string Shape(Random random)
    {
        static char Separator(Random r) => "-/."[r.Next(3)];
        string Number(int digits, int most) => (digits == 1 ? random.Next(Math.Min(10, most + 1)) : random.Next(most + 1)).ToString(digits == 1 ? "0" : "00");
        var text = new StringBuilder();
        text.Append(random.Next(10_000).ToString("0000")).Append(Separator(random))
            .Append(Number(random.Next(1, 3), random.Next(4) == 0 ? 99 : 13)).Append(Separator(random))
            .Append(Number(random.Next(1, 3), random.Next(4) == 0 ? 99 : 32));
        switch (random.Next(4))
        {
            case 0: break;
            case 1: text.Append(random.Next(2) == 0 ? ' ' : 'T').Append(Number(1, 9)).Append(':').Append(Number(2, 61)); break;
            case 2: text.Append(' ').Append(Number(2, 25)).Append(':').Append(Number(2, 61)); break;
            default: text.Append(' ').Append(Number(2, 25)).Append(':').Append(Number(2, 61)).Append(':').Append(Number(2, 61)); break;
        }
        return text.ToString();
    }
}
