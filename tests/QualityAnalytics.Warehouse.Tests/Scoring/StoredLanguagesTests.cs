using System.Globalization;
using Xunit;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Scoring.Mart;
using static QualityAnalytics.Warehouse.Tests.Scoring.Scoring;

namespace QualityAnalytics.Warehouse.Tests.Scoring;

/// <summary>The mart keeps an assessment's explanation and warnings in both languages, and still reads the rows it
/// stored before it kept the Chinese (English shown in both languages then).</summary>
public sealed class StoredLanguagesTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    private static MartAssessment Row() => new()
    {
        DepartmentCode = "", DepartmentName = "", PolicyVersion = "", Grade = "", Missing = "", Warnings = "", Explanation = "",
        SourceBatches = "", InputFingerprint = "",
    };

    [Fact]
    public void Both_languages_survive_the_round_trip_through_the_mart_row()
    {
        var a = One(new FactsBuilder().Department("D").Self("D", 1, 90).Spot("D", 3, 40, "P-9"));
        var row = Row();
        AssessmentRows.Fill(row, a, null, [], "fingerprint", DateTimeOffset.UnixEpoch);

        var back = AssessmentRows.ToAssessment(row);

        Assert.Equal(a.Warnings, back.Warnings);
        Assert.Equal(a.WarningsZh, back.WarningsZh);
        Assert.Contains("抽查", Assert.Single(back.WarningsIn(Chinese)), StringComparison.Ordinal);
        Assert.Equal(a.Explanation.Select(l => (l.Formula, l.FormulaZh)), back.Explanation.Select(l => (l.Formula, l.FormulaZh)));
        Assert.All(back.Explanation, l => Assert.NotNull(l.FormulaZh));
    }

    [Fact]
    public void A_row_stored_before_the_chinese_was_kept_reads_in_english_in_both_languages()
    {
        var row = Row();
        row.Grade = "pass";
        row.QuarterKey = 20262;
        row.Missing = "[]";
        row.Warnings = "[\"Check X has score 120, outside 0–100: counted as 100.\"]";
        row.Explanation = "[{\"component\":\"S\",\"formula\":\"S missing: no self-check records in the quarter\",\"source_ids\":[]}]";

        var old = AssessmentRows.ToAssessment(row);

        Assert.Null(old.WarningsZh);
        Assert.Equal(old.Warnings, old.WarningsIn(Chinese));
        var line = Assert.Single(old.Explanation);
        Assert.Null(line.FormulaZh);
        Assert.Equal("S missing: no self-check records in the quarter", line.FormulaIn(Chinese));
    }

    [Fact]
    public void Every_scoring_text_has_its_english_and_its_chinese()
    {
        var manager = new System.Resources.ResourceManager("QualityAnalytics.Warehouse.Scoring.ScoreText", typeof(Phrase).Assembly);
        string[] Keys(CultureInfo culture) => manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal).ToArray();
        var chinese = Keys(CultureInfo.InvariantCulture);
        Assert.True(chinese.Length > 50);
        Assert.Equal(chinese, Keys(CultureInfo.GetCultureInfo("en")));
        foreach (var key in chinese) Assert.NotEqual("", manager.GetString(key, Chinese));
    }
}
