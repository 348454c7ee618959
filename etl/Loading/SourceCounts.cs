using QualityAnalytics.Etl.Reading;
using QualityAnalytics.Etl.Staging;
using QualityAnalytics.Warehouse.Contract;

namespace QualityAnalytics.Etl.Loading;

internal sealed class SourceCounts
{
    public int Read { get; set; }
    public int Loaded { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Quarantined { get; set; }
    public int Warnings { get; set; }

    public void Add(UpsertOutcome outcome, RawRow raw, HeaderMatch match, List<RowError> errors)
    {
        if (errors.Count > 0) return;
        switch (outcome)
        {
            case UpsertOutcome.Loaded: Loaded++; break;
            case UpsertOutcome.Updated: Updated++; break;
            case UpsertOutcome.Unchanged: Unchanged++; break;
            case UpsertOutcome.DuplicateInFile:
                var keys = KeyFields(match.Kind!.Value);
                var value = Cell(raw, match, keys[0]);
                // A key of two fields is named whole: "check_id = 'CK-T': duplicate key" read as though the check id
                // itself were repeated, when two deductions of one check share an item.
                errors.Add(new RowError(keys[0], value, keys.Length == 1
                    ? "duplicate key: an earlier line of this file has the same key"
                    : $"duplicate key: an earlier line of this file has the same {string.Join(" and ", keys.Select(match.HeaderOf))} ({string.Join(", ", keys.Select(k => Cell(raw, match, k)))})"));
                break;
        }
    }

    /// <summary>The fields of a kind's natural key, as the loader's tables key its rows (<see cref="FactTables"/>).</summary>
    private static string[] KeyFields(DataKind kind) => kind switch
    {
        DataKind.CheckDeductions => ["check_id", "item"],
        DataKind.Surveys => ["response_id", "question"],
        _ => [KindSchemas.For(kind).Columns[0].Name],
    };

    private static string? Cell(RawRow raw, HeaderMatch match, string field) =>
        match.IndexOf(field) is { } i && i < raw.Cells.Count ? Reading.CellText.Trimmed(raw.Cells[i]) : null;
}
