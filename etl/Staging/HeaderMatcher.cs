using System.Runtime.CompilerServices;

namespace QualityAnalytics.Etl.Staging;

/// <summary>The result of reading a header row: the kind, where each contract column sits, and what was left over.</summary>
public sealed record HeaderMatch(DataKind? Kind, IReadOnlyDictionary<string, int> Columns, IReadOnlyList<string> MissingRequired,
    IReadOnlyList<string> UnknownColumns)
{
    public bool IsComplete => Kind is not null && MissingRequired.Count == 0;

    // Per row of a bulk load: compiled optimized at the first call, not after a tier-up (docs/benchmarks.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int? IndexOf(string column) => Columns.TryGetValue(column, out var i) ? i : null;
}

/// <summary>Recognises a file's kind from its header row (never from its name). A header cell matches a contract column by
/// its English name (any case, spaces or underscores) or its Chinese name; a cell written as "complaint_id (投诉编号)"
/// or "投诉编号（complaint_id）" matches too, as people copy the contract's table.</summary>
public static class HeaderMatcher
{
    public static HeaderMatch Match(IReadOnlyList<string> header)
    {
        var normalised = header.Select(Normalise).ToArray();
        HeaderMatch? best = null;
        var bestScore = 0;
        foreach (var schema in KindSchemas.All)
        {
            var found = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var column in schema.Columns)
            {
                var index = Array.FindIndex(normalised, cell => cell.Contains(Key(column.Name)) || cell.Contains("|" + column.ChineseName + "|"));
                if (index >= 0 && !found.ContainsValue(index)) found[column.Name] = index;
            }
            var required = schema.RequiredColumns.ToArray();
            var presentRequired = required.Count(c => found.ContainsKey(c.Name));
            // A complete match beats any partial one; among equals, more matched columns win (checks vs check_deductions).
            var score = (presentRequired == required.Length ? 1000 : 0) + presentRequired * 10 + found.Count;
            if (presentRequired < 2 || score <= bestScore) continue;
            bestScore = score;
            var missing = required.Where(c => !found.ContainsKey(c.Name)).Select(c => $"{c.Name} ({c.ChineseName})").ToArray();
            var unknown = header.Where((_, i) => !found.ContainsValue(i) && !string.IsNullOrWhiteSpace(header[i])).ToArray();
            best = new HeaderMatch(schema.Kind, found, missing, unknown);
        }
        return best ?? new HeaderMatch(null, new Dictionary<string, int>(), [], header.ToArray());
    }

    private static string Key(string name) => "|" + name.Replace("_", "", StringComparison.Ordinal) + "|";

    // Cells become "|english|中文|" tokens so that "department" does not match inside "parent_department".
    private static string Normalise(string cell)
    {
        var parts = cell.Trim().ToLowerInvariant()
            .Split(['(', ')', '（', '）', '/', '[', ']'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal));
        return "|" + string.Join("|", parts) + "|";
    }
}
