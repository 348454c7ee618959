using QualityAnalytics.Reports.Analysis.Statistics;

namespace QualityAnalytics.Reports.Analysis;

/// <summary>Per question (per department and for all departments together): mean answer with its confidence interval this
/// quarter and last, and Welch's t-test of the change. Fewer than options.SmallSurveySample questionnaires this quarter, or
/// last quarter when it had any, marks the statistic small-sample and adds a warning; a question not answered last quarter
/// has direction no_previous. Excluded questionnaires are not in the input.</summary>
public static class SurveyAnalysis
{
    public static SurveySection Build(AnalysisInput input, AnalysisOptions options)
    {
        var previous = input.Quarter.Previous();
        var stats = new List<SurveyQuestionStatistic>();
        var warnings = new List<string>();
        var smallSamples = new List<SmallSurveySample>();
        var groups = input.Departments.Select(d => (string?)d.Code).Append(null);
        foreach (var code in groups)
        {
            var answers = input.SurveyAnswers.Where(a => code is null || a.DepartmentCode == code).ToList();
            var nowCount = answers.Where(a => a.Quarter == input.Quarter).Select(a => a.ResponseId).Distinct().Count();
            var beforeCount = answers.Where(a => a.Quarter == previous).Select(a => a.ResponseId).Distinct().Count();
            if (nowCount == 0 && beforeCount == 0) continue;
            // A quarter before without questionnaires is no sample at all, not a small one: there is nothing to compare with
            // (the first quarter of the data), which the direction says; only a side that was asked can be too small.
            var small = nowCount < options.SmallSurveySample || beforeCount is > 0 && beforeCount < options.SmallSurveySample;
            if (small && code is not null)
            {
                smallSamples.Add(new SmallSurveySample(code, nowCount, beforeCount));
                warnings.Add(FormattableString.Invariant(
                    $"{code}: 问卷样本量小({input.Quarter} {nowCount} 份, {previous} {beforeCount} 份, 少于 {options.SmallSurveySample} 份), 结论仅供参考 (small sample: {nowCount} and {beforeCount} questionnaires, fewer than {options.SmallSurveySample})"));
            }
            foreach (var q in input.Questions)
            {
                double[] now = [.. answers.Where(a => a.Quarter == input.Quarter && a.Question == q.Question).Select(a => (double)a.Score)];
                double[] before = [.. answers.Where(a => a.Quarter == previous && a.Question == q.Question).Select(a => (double)a.Score)];
                if (now.Length == 0 && before.Length == 0) continue;
                var welch = SurveyStatistics.Welch(before, now, options.Confidence);
                var direction = before.Length == 0 && now.Length > 0 ? "no_previous"
                    : welch.PValue is null ? "undefined"
                    : !welch.IsSignificant(options.Alpha) ? "no_significant_change"
                    : welch.Difference > 0 ? "improving" : "declining";
                stats.Add(new SurveyQuestionStatistic(code, q.Question, q.Text, q.Scale, SurveyStatistics.Mean(now, options.Confidence),
                    SurveyStatistics.Mean(before, options.Confidence), welch, direction, small));
            }
        }
        return new SurveySection(stats, warnings, smallSamples);
    }
}
