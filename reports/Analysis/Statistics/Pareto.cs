namespace QualityAnalytics.Reports.Analysis.Statistics;

/// <summary>One bar of a Pareto chart: its value, share and cumulative share (0–1), and whether it is one of the vital few.</summary>
public sealed record ParetoItem(string Category, decimal Value, double Share, double CumulativeShare, bool VitalFew);

/// <summary>A Pareto analysis: categories by value, descending (ties by name, ordinal), and the vital few.</summary>
/// <param name="Spread">Reaching the threshold took every category (two or more): none is marked vital, the causes are spread.</param>
public sealed record ParetoResult(decimal Total, double Threshold, IReadOnlyList<ParetoItem> Items, bool Spread = false)
{
    public IReadOnlyList<string> VitalFew => [.. Items.Where(i => i.VitalFew).Select(i => i.Category)];

    /// <summary>The vital few's share of the total together (0 when none): the cumulative share of the last of them, as
    /// they lead the order. With ties at the cut it reaches past <see cref="Threshold"/> (92.9% for 7, 2, 2, 2, 1), so a
    /// text that gave only the threshold beside the list read as if the listed causes made 80%.</summary>
    public double VitalShare => Items.LastOrDefault(i => i.VitalFew)?.CumulativeShare ?? 0;
    /// <summary>The largest category (null when none has a value): vital, or the first of spread causes.</summary>
    public ParetoItem? Leader => Items.Count > 0 && Items[0].Value > 0 ? Items[0] : null;
}

/// <summary>
/// Pareto analysis. The vital few are the categories needed to reach the threshold (default 80%) of the total: a category
/// is vital when the cumulative share before it is below the threshold (so the one that crosses 80% is included).
/// Categories with value 0 are listed but never vital. An empty or all-zero input has no vital few.
/// Ties at the cut are not broken by name: a category with the same value as the last one needed is vital too (with
/// counts 7, 2, 2, 2 the three 2s are alike, and calling two of them "vital" because of their names' order would be an
/// arbitrary statement), so the vital few may then reach past the threshold. When that makes every category (with a value,
/// two or more) vital — 7, 2, 2, 2, or any two categories where the first has less than 80% — a "vital few" would single
/// out nothing: none is marked and the result says <see cref="ParetoResult.Spread"/> instead.
/// </summary>
public static class Pareto
{
    public static ParetoResult Analyze(IEnumerable<KeyValuePair<string, decimal>> values, double threshold = 0.8)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (threshold is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "must lie in (0, 1]");
        var grouped = values.GroupBy(v => v.Key, StringComparer.Ordinal).Select(g => (Category: g.Key, Value: g.Sum(v => v.Value)))
            .OrderByDescending(v => v.Value).ThenBy(v => v.Category, StringComparer.Ordinal).ToList();
        var total = grouped.Sum(v => v.Value);
        var items = new List<ParetoItem>();
        decimal running = 0;
        decimal? cutValue = null; // the value of the last category needed to reach the threshold
        foreach (var (category, value) in grouped)
        {
            var before = total == 0 ? 1 : (double)(running / total);
            running += value;
            var share = total == 0 ? 0 : (double)(value / total);
            var cumulative = total == 0 ? 0 : (double)(running / total);
            var vital = value > 0 && (before < threshold || value == cutValue);
            if (vital) cutValue = value;
            items.Add(new ParetoItem(category, value, share, cumulative, vital));
        }
        var counted = items.Count(i => i.Value > 0);
        if (counted >= 2 && items.Count(i => i.VitalFew) == counted)
            return new ParetoResult(total, threshold, [.. items.Select(i => i with { VitalFew = false })], Spread: true);
        return new ParetoResult(total, threshold, items);
    }
}
