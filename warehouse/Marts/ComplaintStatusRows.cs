using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Warehouse.Marts;

/// <summary>Writes a quarter's <see cref="MartComplaintStatus"/> rows: one per complaint, so as many as the facts (a
/// million-row warehouse has a million), through multi-row INSERTs with parameters on the rebuild's own connection and
/// transaction rather than EF's change tracker (docs/benchmarks.md, "Marts: the complaint statuses").</summary>
internal static class ComplaintStatusRows
{
    // Rows per statement. PostgreSQL: 200 (1,200 parameters, under its 65,535), one round trip for many rows.
    // SQLite: 16, because Microsoft.Data.Sqlite looks every parameter up by name, a linear search of the statement's names,
    // on every execution: at 200 rows that search made a million rows' statuses take 19 s instead of 5.5 s (1 to 30 rows
    // all took ~5.5 s; docs/benchmarks.md, "Marts: the complaint statuses").
    private const int RowsPerPostgresStatement = 200;
    private const int RowsPerSqliteStatement = 16;
    private const string Columns = "complaint_key, quarter_key, reply_status, reply_due, solution_status, solution_due";

    /// <summary>Replaces the quarter's rows with <paramref name="rows"/>, inside the caller's open transaction.</summary>
    public static void Replace(WarehouseDbContext db, int quarterKey, IReadOnlyList<MartComplaintStatus> rows)
    {
        db.ComplaintStatuses.Where(s => s.QuarterKey == quarterKey).ExecuteDelete();
        var connection = db.Database.GetDbConnection();
        var rowsPerStatement = db.Database.IsNpgsql() ? RowsPerPostgresStatement : RowsPerSqliteStatement;
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("the complaint statuses are written inside the marts' rebuild transaction");
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += rowsPerStatement)
            {
                var count = Math.Min(rowsPerStatement, rows.Count - start);
                // One prepared statement serves every full batch; the quarter's last, shorter one gets its own.
                var command = count == rowsPerStatement ? full ??= Insert(connection, transaction, count) : Insert(connection, transaction, count);
                for (var i = 0; i < count; i++)
                {
                    var row = rows[start + i];
                    var at = i * 6;
                    command.Parameters[at].Value = row.ComplaintKey;
                    command.Parameters[at + 1].Value = row.QuarterKey;
                    command.Parameters[at + 2].Value = row.ReplyStatus;
                    command.Parameters[at + 3].Value = row.ReplyDue;
                    command.Parameters[at + 4].Value = row.SolutionStatus;
                    command.Parameters[at + 5].Value = row.SolutionDue;
                }
                command.ExecuteNonQuery();
                if (command != full) command.Dispose();
            }
        }
        finally
        {
            full?.Dispose();
        }
    }

    private static DbCommand Insert(DbConnection connection, DbTransaction transaction, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = new List<string>(rows);
        for (var r = 0; r < rows; r++)
        {
            var names = new string[6];
            for (var c = 0; c < 6; c++)
            {
                var p = command.CreateParameter();
                p.ParameterName = $"@p{r * 6 + c}";
                command.Parameters.Add(p);
                names[c] = p.ParameterName;
            }
            values.Add("(" + string.Join(", ", names) + ")");
        }
        command.CommandText = $"INSERT INTO mart_complaint_status ({Columns}) VALUES {string.Join(", ", values)}";
        return command;
    }
}
