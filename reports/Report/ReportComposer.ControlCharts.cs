using System.Globalization;
using QualityAnalytics.Reports.Analysis;
using QualityAnalytics.Reports.Analysis.Statistics;
using QualityAnalytics.Reports.Charts;
using QualityAnalytics.Reports.Pdf;

namespace QualityAnalytics.Reports.Report;

/// <summary>The complaints section's company control charts — valid complaints per working day (u) and complaints answered
/// on time (p) — and what every control chart of the report shares: its labels and its caption's provisional note.</summary>
internal sealed partial class ReportComposer
{
    /// <summary>Taller than the other narrow charts by the row of legend above the plot, so the plot keeps their height.</summary>
    private const float CompanyControlChart = 230;

    private void CompanyControlCharts()
    {
        var charts = _m.Analysis.ControlCharts;
        var u = charts.ComplaintsPerWorkingDay is { Points.Count: > 0 } perDay ? perDay : null;
        var onTime = charts.OnTimeReplies;
        if (u is null && onTime.Chart is null && onTime.MonthsLeftOut.Count == 0) return;
        Heading("SubCompanyControl", 2);
        if (u is not null)
        {
            Add(new ChartBlock(ControlChartPlot.Build(Relabel(u), ControlLabels(_t["AxisRate"])), CompanyControlChart,
                ControlCaption(_t.Format("ChartUCaption", NextFigure()), u)));
        }
        OnTimeReplies(onTime);
    }

    /// <summary>The p chart of replies on time, its caption naming the centre line, the limits' formula, the months its centre
    /// line leaves out (beyond 3σ) and the months not drawn (no decided reply: n = 0).</summary>
    private void OnTimeReplies(ReplyProportionChart onTime)
    {
        if (onTime.Chart is not { Points.Count: > 0 } p)
        {
            if (onTime.MonthsLeftOut.Count > 0) Paragraph(_t["ChartPNone"]);
            return;
        }
        var labels = ControlLabels(_t["AxisOnTime"]) with { ValueFormat = v => (v * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" };
        var hours = _m.Analysis.ServiceTargets.Targets.ReplyHours.ToString("0.##", CultureInfo.InvariantCulture);
        // The company chart has no phases, so every month has one centre line; the last month's is the one in force.
        var caption = _t.Format("ChartPCaption", NextFigure(), hours, _f.Pct((decimal)p.Points[^1].CenterLine));
        if (p.ExcludedFromBaseline.Count > 0)
        {
            caption = _t.Format("ChartPBaselineLeftOut", caption,
                string.Join(_t["ListSeparator"], p.ExcludedFromBaseline.Select(i => _f.MonthLabel(p.Points.First(pt => pt.Index == i).Label))));
        }
        if (onTime.MonthsLeftOut.Count > 0)
        {
            caption = _t.Format("ChartPMonthsLeftOut", caption, string.Join(_t["ListSeparator"], onTime.MonthsLeftOut.Select(_f.Month)));
        }
        Add(new ChartBlock(ControlChartPlot.Build(Relabel(p), labels), CompanyControlChart, ControlCaption(caption, p)));
    }

    /// <summary>A control chart's caption, with the note that its limits are provisional when it has few points.</summary>
    private string ControlCaption(string caption, ControlChart chart) => chart.Points.Count < ProvisionalLimitsBelow
        ? _t.Format("ChartControlProvisional", caption, chart.Points.Count, ProvisionalLimitsBelow)
        : caption;

    private ControlChartLabels ControlLabels(string yLabel) =>
        new(_t["AxisMonth"], yLabel, yLabel, _t["LegendCenter"], _t["LegendLimits"], _t["LegendViolations"]);

    /// <summary>Charts keep the analysis' month labels ("2026-05"): short, and the same in both languages.</summary>
    private static ControlChart Relabel(ControlChart chart) => chart;
}
