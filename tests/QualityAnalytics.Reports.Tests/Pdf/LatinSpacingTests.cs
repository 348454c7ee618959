using QualityAnalytics.Reports.Pdf;
using UglyToad.PdfPig;

namespace QualityAnalytics.Reports.Tests.Pdf;

/// <summary>
/// Latin text is set with the font's own advance widths: each letter starts where the one before it ends. The English
/// report's small text read "Ser vi ce Qu al i ty", "com plain ts", because glyphs were placed on hinted advances rounded
/// to whole points, which at 8–9.5 pt opens and closes gaps of up to half a point inside words.
/// </summary>
public class LatinSpacingTests
{
    private const string Sample = "Service Quality Analysis Report: complaints, callback deductions, satisfaction with complaint handling";

    [Theory]
    [InlineData(8f)]
    [InlineData(9.5f)]
    [InlineData(10.5f)]
    public void Each_letter_of_a_word_starts_where_the_one_before_it_ends(float size)
    {
        var style = new TextStyle(size, Palette.Text, 1.5f);
        var pdf = PdfTestKit.Generate([new ParagraphBlock(Sample, style)], PageFrame.English(null));

        using var document = PdfDocument.Open(pdf);
        var expected = string.Concat(Sample.Where(c => !char.IsWhiteSpace(c)));
        var all = document.GetPage(1).Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        var start = string.Concat(all.Select(l => l.Value)).IndexOf(expected, StringComparison.Ordinal); // after the page footer
        Assert.True(start >= 0, "the sample is not on the page");
        var letters = all.Skip(start).Take(expected.Length).ToList();
        // The sample's letters in order, each marked when it and the next are in one word (no space between them).
        var joined = new List<bool>();
        for (var i = 0; i < Sample.Length; i++)
        {
            if (char.IsWhiteSpace(Sample[i])) continue;
            joined.Add(i + 1 < Sample.Length && char.IsLetter(Sample[i]) && char.IsLetter(Sample[i + 1]));
        }
        var worst = 0.0;
        var where = "";
        for (var i = 1; i < letters.Count; i++)
        {
            var (before, letter) = (letters[i - 1], letters[i]);
            var sameLine = Math.Abs(before.StartBaseLine.Y - letter.StartBaseLine.Y) < 0.01;
            if (!sameLine || !joined[i - 1]) continue;
            var gap = Math.Abs(letter.StartBaseLine.X - before.EndBaseLine.X);
            if (gap > worst) (worst, where) = (gap, before.Value + letter.Value);
        }
        Assert.True(worst < 0.05, $"at {size} pt the gap inside \"{where}\" is {worst:0.000} pt");
    }
}
