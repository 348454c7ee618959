using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Warehouse.Contract;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Etl.Audit;

/// <summary>One quarantined value with the path its file was loaded from (source_file.path): the row's own `file` is
/// the bare name, and departments each sending a 投诉.csv from their own folder cannot be told apart by it. The file's
/// kind reads the row's column (as the file's header wrote it) back to the contract's name (<see cref="ColumnKey"/>).</summary>
public sealed record QuarantineListing(QuarantinedRow Row, string Path, string? Kind)
{
    /// <summary>The contract's English name of the row's column (score for 得分): the key a script can rely on.</summary>
    public string ColumnKey => FieldNames.Key(Kind, Row.Column);
}

/// <summary>The quarantined rows of a batch, for the working group to send back to the departments.</summary>
public static class QuarantineExport
{
    /// <summary>The export's columns: the first seven as they have always been (a tool reading them by place keeps
    /// working; `column` the header as the file wrote it, 得分 or score), then the path that tells two files of one
    /// name apart, then `column_key`, the contract's English name of the column (score), the same whatever the header.</summary>
    public static readonly string[] Header = ["batch", "file", "sheet", "line", "column", "value", "reason", "path", "column_key"];

    /// <summary>The batch to show when none is named: the latest.</summary>
    public static long? LatestBatch(WarehouseDbContext db) => db.LoadBatches.OrderByDescending(b => b.Id).Select(b => (long?)b.Id).FirstOrDefault();

    public static IReadOnlyList<QuarantineListing> Rows(WarehouseDbContext db, long batchId) =>
        (from q in db.QuarantinedRows.AsNoTracking()
         join f in db.SourceFiles.AsNoTracking() on q.SourceFileId equals f.Id
         where q.BatchId == batchId
         orderby q.SourceFileId, q.Line, q.Id
         select new QuarantineListing(q, f.Path, f.Kind)).ToList();

    /// <param name="shownPath">How a path is written for the reader (relative to where they work, say).</param>
    public static void WriteCsv(IEnumerable<QuarantineListing> rows, TextWriter writer, Func<string, string> shownPath)
    {
        ArgumentNullException.ThrowIfNull(shownPath);
        CsvText.WriteRow(writer, Header);
        foreach (var listing in rows)
        {
            var r = listing.Row;
            CsvText.WriteRow(writer, [r.BatchId.ToString(System.Globalization.CultureInfo.InvariantCulture), r.File, r.Sheet,
                r.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Column, r.Value, r.Reason, shownPath(listing.Path), listing.ColumnKey]);
        }
    }
}
