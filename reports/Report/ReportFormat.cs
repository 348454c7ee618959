using System.Globalization;
using QualityAnalytics.Reports.Resources;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Scoring.Mart;

namespace QualityAnalytics.Reports.Report;

/// <summary>How the report writes numbers, money, shares and dates. Numbers are invariant ("88.20", "9,200") in both
/// languages; minus is U+2212 as in the rest of the product. Scores and money are written by <see cref="Figures"/>,
/// which `qa`'s tables share.</summary>
internal sealed class ReportFormat(ReportText text)
{
    public ReportText Text { get; } = text;

    public string Dash => Text["Dash"];

    public string F2(decimal? value) => value is { } v ? Figures.Score(v) : Dash;

    public string F2(double? value) => value is { } v && double.IsFinite(v) ? Signless(v.ToString("0.00", CultureInfo.InvariantCulture)) : Dash;

    /// <summary>A value compared with a bound (a month mean, the spot-check gap d): 2 decimals when that is exact, else
    /// "≈" and 6 decimals, as the explanation lines write it; "1.00" beside the penalty of d &gt; 1 would contradict the tiers.</summary>
    public string Exact2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero) == value
        ? F2(value)
        : "≈" + Signless(Math.Round(value, 6, MidpointRounding.AwayFromZero).ToString("0.######", CultureInfo.InvariantCulture));

    /// <summary>Up to 2 decimals, no trailing zeros: 0.5, 1, 10.</summary>
    public string N(decimal value) => Signless(value.ToString("0.##", CultureInfo.InvariantCulture));

    /// <summary>A signed difference: +1.20, −0.50, 0.00.</summary>
    public string Signed(decimal? value) => value switch
    {
        null => Dash,
        > 0 => "+" + value.Value.ToString("0.00", CultureInfo.InvariantCulture),
        _ => Signless(value.Value.ToString("0.00", CultureInfo.InvariantCulture)),
    };

    /// <summary>Yuan, signed: +9,200, −5,000, 0.</summary>
    public string Money(decimal value) => Figures.Money(value);

    /// <summary>Yuan without a sign (a sum that is positive by definition).</summary>
    public string Yuan(decimal value) => Figures.Yuan(value);

    public string Pct(double? share) => share is { } s && double.IsFinite(s) ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : Dash;

    /// <summary>A share computed in double (a control chart's centre line) as a percentage: its decimal (15 significant digits),
    /// 四舍五入 to one decimal, so that 0.8765 is 87.7% (in double 0.8765 × 100 is 87.64999…, which formats as 87.6%).</summary>
    public string Pct(decimal share) => Math.Round(share * 100, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public string P(double? p) => p is not { } x ? Dash : x < 0.0001 ? "<0.0001" : x.ToString("0.0000", CultureInfo.InvariantCulture);

    public string Date(DateTime value) => value.ToString(Text["DateFormat"], Text.Culture);

    public string Date(DateOnly value) => value.ToString(Text["DateFormat"], Text.Culture);

    public string DateTime(DateTime value) => value.ToString(Text["DateTimeFormat"], Text.Culture);

    public string Month(DateOnly month) => month.ToString(Text["MonthFormat"], Text.Culture);

    /// <summary>"2026-05" (the analysis' month labels) as the language writes a month.</summary>
    public string MonthLabel(string label) =>
        DateOnly.TryParseExact(label + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? Month(m) : label;

    public string Grade(Assessment a)
    {
        var name = Text[a.Grade switch
        {
            Warehouse.Scoring.Grade.Excellent => "GradeExcellent",
            Warehouse.Scoring.Grade.Pass => "GradePass",
            Warehouse.Scoring.Grade.Fail => "GradeFail",
            _ => "GradeWithheld",
        }];
        return !a.Complete && a.Grade != Warehouse.Scoring.Grade.Withheld ? name + Text["Provisional"] : name;
    }

    /// <summary>"上升 1.20 分" / "down 0.50 points" / "持平" / "无可比数据".</summary>
    public string Change(decimal? difference) => difference switch
    {
        null => Text["NoComparison"],
        > 0 => Text.Format("Up", F2(difference)),
        < 0 => Text.Format("Down", F2(-difference)),
        _ => Text["Flat"],
    };

    public string Direction(string direction) => Text.Direction(direction);

    public string Component(string key) => key switch
    {
        ScoringEngine.SelfCheckKey => Text["ComponentSelfCheck"],
        ScoringEngine.SurveyKey => Text["ComponentSurvey"],
        _ => key,
    };

    /// <summary>A field of a difference from the approved results (the mart's names: total, grade…) as the report's
    /// column heading names it, so the sentence reads in one language.</summary>
    public string DifferenceField(string field) => field switch
    {
        "self_check" => Text["ColSelfCheck"],
        "survey" => Text["ColSurvey"],
        "complaint" => Text["ColComplaint"],
        "callback_deduction" => Text["ColCallback"],
        "total" => Text["ColTotal"],
        "grade" => Text["ColGrade"],
        "amount" => Text["ColAmount"],
        "department" => Text["ColDepartment"],
        _ => field,
    };

    /// <summary>A value of a difference: a grade (stored as excellent, pass…) in the report's words; numbers as the report
    /// writes them elsewhere (−5,000, not the stored "-5000.00"); names as they are.</summary>
    public string DifferenceValue(string field, string? value) => value is null ? Dash : field != "grade" ? AssessmentDifference.Written(field, value)! : value switch
    {
        "excellent" => Text["GradeExcellent"],
        "pass" => Text["GradePass"],
        "fail" => Text["GradeFail"],
        "withheld" => Text["GradeWithheld"],
        _ => value,
    };

    private static string Signless(string text) => Figures.WithMinus(text);
}
