using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Warehouse.Marts;

/// <summary>Writes a quarter's <see cref="MartComplaintStatus"/> rows: one per complaint, so as many as the facts (a
/// million-row warehouse has a million), through multi-row INSERTs with parameters on the rebuild's own connection and
/// transaction rather than EF's change tracker (tracking a quarter's 36,000 entities costs seconds; this, a fraction of one).</summary>
internal static class ComplaintStatusRows
{
    // 6 values a row: 200 rows are 1,200 parameters, well under SQLite's 32,766 and PostgreSQL's 65,535.
    private const int RowsPerStatement = 200;
    private const string Columns = "complaint_key, quarter_key, reply_status, reply_due, solution_status, solution_due";

    /// <summary>Deletes the quarter's rows, and any row of a complaint that now belongs to the quarter but was judged
    /// under another one (a correction moved its receipt across a quarter boundary), then inserts <paramref name="rows"/>.
    /// Runs inside the caller's open transaction.</summary>
    public static void Replace(WarehouseDbContext db, int quarterKey, IReadOnlyList<MartComplaintStatus> rows)
    {
        db.ComplaintStatuses.Where(s => s.QuarterKey == quarterKey || db.Complaints.Any(c => c.Id == s.ComplaintKey && c.QuarterKey == quarterKey))
            .ExecuteDelete();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("the complaint statuses are written inside the marts' rebuild transaction");
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += RowsPerStatement)
            {
                var count = Math.Min(RowsPerStatement, rows.Count - start);
                // One prepared statement serves every full batch; the quarter's last, shorter one gets its own.
                var command = count == RowsPerStatement ? full ??= Insert(connection, transaction, count) : Insert(connection, transaction, count);
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
