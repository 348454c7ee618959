using System.Runtime.CompilerServices;
using System.Text;
using QualityAnalytics.Reports.Analysis;
using QualityAnalytics.Reports.Tests.Report;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Reports.Tests.Analysis;

/// <summary>
/// The findings of the seeded demo warehouse, every quarter with history, in both languages, word for word against
/// Golden/demo-findings.txt. The file was written by this test from main's code before the sentences moved into
/// resources (QA_WRITE_GOLDEN=1 writes it instead of comparing), so a change of wording shows as a diff of that file
/// and must be deliberate.
/// </summary>
public sealed class DemoFindingsGoldenTests(DemoWarehouse demo) : IClassFixture<DemoWarehouse>
{
    [Fact]
    public void The_demo_findings_read_word_for_word_as_the_golden_file_in_both_languages()
    {
        var actual = Render();
        var path = GoldenPath();
        if (Environment.GetEnvironmentVariable("QA_WRITE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }
        var expected = File.ReadAllText(path, Encoding.UTF8).ReplaceLineEndings("\n");
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        // The first differing line, not two whole files, so that a failure says which sentence changed.
        for (var i = 0; i < Math.Min(expectedLines.Length, actualLines.Length); i++)
            Assert.True(expectedLines[i] == actualLines[i], $"line {i + 1}:\nexpected: {expectedLines[i]}\nactual:   {actualLines[i]}");
        Assert.Equal(expectedLines.Length, actualLines.Length);
    }

    private string Render()
    {
        var text = new StringBuilder();
        using var ctx = demo.Db.CreateContext();
        foreach (var quarter in Quarter.Range(new Quarter(2025, 1), new Quarter(2026, 3)))
        {
            var analysis = QuarterAnalyzer.Analyze(AnalysisInputReader.Read(ctx, quarter, AnalysisOptions.Default, PolicyFile.Default, demo.Clock));
            foreach (var f in analysis.Findings)
            {
                text.Append("## ").Append(quarter).Append(" #").Append(f.Rank).Append(' ').Append(f.Kind).Append('\n');
                text.Append("zh: ").Append(f.TitleZh).Append('\n');
                foreach (var clause in f.EvidenceZhClauses) text.Append("  - ").Append(clause).Append('\n');
                text.Append("en: ").Append(f.TitleEn).Append('\n');
                foreach (var clause in f.EvidenceEnClauses) text.Append("  - ").Append(clause).Append('\n');
            }
        }
        return text.ToString();
    }

    private static string GoldenPath([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Golden", "demo-findings.txt");
}
