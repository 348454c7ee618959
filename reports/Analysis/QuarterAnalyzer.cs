using QualityAnalytics.Reports.Analysis.Statistics;

namespace QualityAnalytics.Reports.Analysis;

/// <summary>The analysis entry point: a pure function of its input and options (no I/O, no clock; AsOf is in the input).</summary>
public static class QuarterAnalyzer
{
    public static QuarterAnalysis Analyze(AnalysisInput input, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= AnalysisOptions.Default;
        var problems = options.Problems();
        if (problems.Count > 0) throw new ArgumentException("Invalid analysis options: " + string.Join("; ", problems), nameof(options));

        var trends = Trends.Build(input, options);
        var charts = ControlCharts.Build(input, options);
        var pareto = BuildPareto(input, options);
        var survey = SurveyAnalysis.Build(input, options);
        var service = ServiceTargets.Build(input, options);
        var inflation = Inflation.Build(input, options);
        var findings = Findings.Build(input, options, trends, charts, pareto, survey, service, inflation);

        var notes = new List<string>();
        var history = Trends.Window(input, options);
        var scored = input.Scores.Select(s => s.Quarter).Distinct().Count(q => history.Contains(q));
        if (scored < 3) notes.Add($"仅有 {scored} 个季度的考核结果, 趋势检验需至少 3 个季度 (only {scored} scored quarter(s): trends need at least 3 for a p-value)");
        if (!input.Complaints.Any(c => c.Quarter == input.Quarter)) notes.Add($"{input.Quarter} 无投诉记录 (no complaints in {input.Quarter})");
        notes.AddRange(survey.Warnings);
        return new QuarterAnalysis(input.Quarter.ToString(), input.AsOf, [.. history.Select(q => q.ToString())], options,
            trends, charts, pareto, survey, service, inflation, findings, notes)
        {
            QuarterAsOf = input.QuarterAsOf.OrderBy(p => p.Key.Key).ToDictionary(p => p.Key.ToString(), p => p.Value),
        };
    }

    private static ParetoSection BuildPareto(AnalysisInput input, AnalysisOptions options)
    {
        var valid = input.Complaints.Where(c => c.Valid).ToList();
        var history = Trends.Window(input, options);
        var quarter = valid.Where(c => c.Quarter == input.Quarter).ToList();
        return new ParetoSection(
            Pareto.Analyze(quarter.Select(c => KeyValuePair.Create(c.Category, 1m)), options.ParetoThreshold),
            Pareto.Analyze(quarter.Select(c => KeyValuePair.Create(c.Category, c.DirectDeduction ?? 0m)), options.ParetoThreshold),
            Pareto.Analyze(valid.Where(c => history.Contains(c.Quarter)).Select(c => KeyValuePair.Create(c.Category, 1m)), options.ParetoThreshold),
            "有效投诉, 按投诉类别 (valid complaints by category; uncategorised ones as 未分类)");
    }
}
