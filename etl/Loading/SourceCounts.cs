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
                var keyColumn = KindSchemas.For(match.Kind!.Value).Columns[0].Name;
                var index = match.IndexOf(keyColumn);
                var value = index is { } i && i < raw.Cells.Count ? raw.Cells[i] : null;
                errors.Add(new RowError(keyColumn, value, "duplicate key: an earlier line of this file has the same key"));
                break;
        }
    }
}
