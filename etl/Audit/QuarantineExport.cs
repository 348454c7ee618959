using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Etl.Audit;

/// <summary>The quarantined rows of a batch, for the working group to send back to the departments.</summary>
public static class QuarantineExport
{
    public static readonly string[] Header = ["batch", "file", "sheet", "line", "column", "value", "reason"];

    /// <summary>The batch to show when none is named: the latest.</summary>
    public static long? LatestBatch(WarehouseDbContext db) => db.LoadBatches.OrderByDescending(b => b.Id).Select(b => (long?)b.Id).FirstOrDefault();

    public static IReadOnlyList<QuarantinedRow> Rows(WarehouseDbContext db, long batchId) =>
        db.QuarantinedRows.AsNoTracking().Where(q => q.BatchId == batchId).OrderBy(q => q.SourceFileId).ThenBy(q => q.Line).ThenBy(q => q.Id).ToList();

    public static void WriteCsv(IEnumerable<QuarantinedRow> rows, TextWriter writer)
    {
        CsvText.WriteRow(writer, Header);
        foreach (var r in rows)
        {
            CsvText.WriteRow(writer, [r.BatchId.ToString(System.Globalization.CultureInfo.InvariantCulture), r.File, r.Sheet,
                r.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Column, r.Value, r.Reason]);
        }
    }
}
