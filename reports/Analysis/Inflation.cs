using QualityAnalytics.Reports.Analysis.Statistics;

namespace QualityAnalytics.Reports.Analysis;

/// <summary>
/// Self-check inflation. For every month the working group spot-checked a department that also self-checked, gap = self
/// mean − spot mean. A quarter is inflated when its mean gap exceeds options.InflationTolerance (policy §3's "consistent"
/// tier, 1 point); a department is persistently inflated when its last options.InflationQuarters quarters up to the analysed
/// one (with spot checks) were all inflated. The one-sided paired t-test over all months is evidence, not the verdict
/// (spot checks are few). Separately: a high self-check (month mean ≥ options.HighSelfCheck) beside many valid complaints
/// (≥ options.ManyComplaints and above the departments' mean + 1 SD in the quarter).
/// </summary>
public static class Inflation
{
    public static InflationSection Build(AnalysisInput input, AnalysisOptions options)
    {
        var history = Trends.Window(input, options);
        var result = new List<DepartmentInflation>();
        foreach (var d in input.Departments)
        {
            var self = input.Checks.Where(c => c.DepartmentCode == d.Code && c.Kind == "self").ToDictionary(c => c.Month);
            var spot = input.Checks.Where(c => c.DepartmentCode == d.Code && c.Kind == "spot").ToList();
            var gaps = spot.Where(s => self.ContainsKey(s.Month) && history.Any(q => q.Contains(s.Month)))
                .Select(s => (s.Month, Gap: self[s.Month].Mean - s.Mean)).OrderBy(g => g.Month).ToList();
            var quarters = history.Select(q =>
            {
                var inQ = gaps.Where(g => q.Contains(g.Month)).ToList();
                decimal? mean = inQ.Count == 0 ? null : Math.Round(inQ.Average(g => g.Gap), 2, MidpointRounding.AwayFromZero);
                return new InflationQuarter(q.ToString(), inQ.Count, mean, mean > options.InflationTolerance);
            }).ToList();
            var consecutive = 0;
            foreach (var q in quarters.AsEnumerable().Reverse())
            {
                if (q.PairedMonths == 0) { if (q.Quarter == input.Quarter.ToString()) break; continue; }
                if (!q.Inflated) break;
                consecutive++;
            }
            double? meanGap = gaps.Count == 0 ? null : (double)gaps.Average(g => g.Gap);
            result.Add(new DepartmentInflation(d.Code, d.Name, quarters, consecutive, gaps.Count, meanGap,
                SurveyStatistics.OneSidedPositiveP([.. gaps.Select(g => (double)g.Gap)]), consecutive >= options.InflationQuarters));
        }

        var counts = input.Departments.Select(d => (d, n: input.Complaints.Count(c => c.DepartmentCode == d.Code && c.Quarter == input.Quarter && c.Valid))).ToList();
        var mean = counts.Count == 0 ? 0 : counts.Average(c => (double)c.n);
        var sd = counts.Count < 2 ? 0 : Math.Sqrt(counts.Sum(c => (c.n - mean) * (c.n - mean)) / (counts.Count - 1));
        var threshold = Math.Max(options.ManyComplaints, mean + sd);
        var high = new List<HighSelfCheckManyComplaints>();
        foreach (var (d, n) in counts)
        {
            var selfMonths = input.Checks.Where(c => c.DepartmentCode == d.Code && c.Kind == "self" && input.Quarter.Contains(c.Month)).ToList();
            if (selfMonths.Count == 0) continue;
            var selfMean = Math.Round(selfMonths.Average(c => c.Mean), 2, MidpointRounding.AwayFromZero);
            if (selfMean >= options.HighSelfCheck && n >= threshold) high.Add(new HighSelfCheckManyComplaints(d.Code, d.Name, selfMean, n, Math.Round(threshold, 2, MidpointRounding.AwayFromZero)));
        }
        return new InflationSection(result, high,
        [
            FormattableString.Invariant($"自查虚高:被抽查月份 自查均分 − 抽查均分 > {options.InflationTolerance} 分, 连续 {options.InflationQuarters} 个季度 (self − spot > {options.InflationTolerance} in {options.InflationQuarters} consecutive quarters)"),
            FormattableString.Invariant($"高自查多投诉:本季度自查月均分 ≥ {options.HighSelfCheck} 且有效投诉数 ≥ max({options.ManyComplaints}, 各部门均值 + 1 个标准差) (self-check ≥ {options.HighSelfCheck} with valid complaints ≥ max({options.ManyComplaints}, mean + 1 SD))"),
        ]);
    }
}
