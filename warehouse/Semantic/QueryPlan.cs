using System.Data.Common;
using System.Globalization;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Warehouse.Semantic;

/// <summary>A built query: its SQL, its columns, and how a row the database returns becomes a row of the answer.</summary>
public sealed class QueryPlan(string sql, IReadOnlyList<QueryColumn> columns, int dimensions, IReadOnlyList<MeasureDef> measures,
    IReadOnlyList<(int Index, bool Descending)> order)
{
    public string Sql { get; } = sql;
    public IReadOnlyList<QueryColumn> Columns { get; } = columns;

    /// <summary>Dimension keys as stored (quarters as 20262, to sort by), then each measure's value.</summary>
    internal object?[] Row(DbDataReader reader)
    {
        var row = new object?[Columns.Count];
        for (var i = 0; i < dimensions; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        var field = dimensions;
        for (var m = 0; m < measures.Count; m++)
        {
            var measure = measures[m];
            var numerator = reader.IsDBNull(field) ? null : reader.GetValue(field);
            field++;
            object? denominator = null;
            if (measure.Denominator is not null)
            {
                denominator = reader.IsDBNull(field) ? null : reader.GetValue(field);
                field++;
            }
            row[dimensions + m] = measure.Value(numerator, denominator);
        }
        return row;
    }

    internal int Order(object?[] x, object?[] y)
    {
        foreach (var (index, descending) in order)
        {
            var c = QueryValues.Compare(x[index], y[index]);
            if (c != 0) return descending ? -c : c;
        }
        return 0;
    }

    /// <summary>Keys become what people read: 20262 → "2026Q2", 20260401 → "2026-04".</summary>
    internal object?[] Present(object?[] row)
    {
        var presented = (object?[])row.Clone();
        for (var i = 0; i < dimensions; i++)
        {
            if (row[i] is not { } value) continue;
            presented[i] = Columns[i].Name switch
            {
                "quarter" => Quarter.FromKey(Convert.ToInt32(value, CultureInfo.InvariantCulture)).ToString(),
                "month" => DateKeys.ToDate(Convert.ToInt32(value, CultureInfo.InvariantCulture)).ToString("yyyy-MM", CultureInfo.InvariantCulture),
                _ => value,
            };
        }
        return presented;
    }
}
