using System.Data.Common;
using QualityAnalytics.Etl.Staging;

namespace QualityAnalytics.Etl.Loading;

/// <summary>Writes a file's audit rows (quarantine, warnings, change history) inside the file's own transaction, so
/// that a file that rolls back leaves no audit of rows that never landed. A row's column is recorded as the file's
/// header wrote it (得分, not score: <see cref="HeaderMatch.HeaderOf"/>), so the sender finds it in their own file;
/// <see cref="Warehouse.Contract.FieldNames.Key"/> reads it back to the contract's name.</summary>
public sealed class AuditWriter : IDisposable
{
    private readonly HeaderMatch? _header;
    private readonly DbCommand _quarantine;
    private readonly DbCommand _warning;
    private readonly DbCommand _change;
    private readonly TimeProvider _clock;

    public AuditWriter(DbConnection connection, DbTransaction transaction, long batchId, long sourceFileId, string file, string? sheet, TimeProvider clock,
        HeaderMatch? header = null)
    {
        _clock = clock;
        _header = header;
        _quarantine = Prepare(connection, transaction,
            "INSERT INTO quarantined_row (batch_id, source_file_id, file, sheet, line, \"column\", value, reason) VALUES (@b, @f, @file, @sheet, @line, @col, @val, @why)",
            batchId, sourceFileId, file, sheet);
        _warning = Prepare(connection, transaction,
            "INSERT INTO load_warning (batch_id, source_file_id, file, sheet, line, \"column\", value, message) VALUES (@b, @f, @file, @sheet, @line, @col, @val, @why)",
            batchId, sourceFileId, file, sheet);
        _change = connection.CreateCommand();
        _change.Transaction = transaction;
        _change.CommandText = "INSERT INTO row_change (batch_id, source_file_id, table_name, natural_key, changed_at, old_values, new_values, quarter_key) " +
                              "VALUES (@b, @f, @t, @k, @at, @old, @new, @q)";
        foreach (var name in new[] { "@b", "@f", "@t", "@k", "@at", "@old", "@new", "@q" }) Add(_change, name, DBNull.Value);
        _change.Parameters["@b"].Value = batchId;
        _change.Parameters["@f"].Value = sourceFileId;
    }

    /// <summary>A field's header as this file wrote it, for reasons that name a column (is before 受理时间).</summary>
    public string HeaderOf(string column) => _header?.HeaderOf(column) ?? column;

    public int QuarantinedCount { get; private set; }
    public int WarningCount { get; private set; }

    public void Quarantine(int line, string column, string? value, string reason)
    {
        Write(_quarantine, line, column, value, reason);
        QuarantinedCount++;
    }

    public void Warn(int line, string column, string? value, string message)
    {
        Write(_warning, line, column, value, message);
        WarningCount++;
    }

    /// <param name="quarterKey">The quarter the row is in after the change, for a table with one (RowChange.QuarterKey).</param>
    public void RecordChange(string table, string naturalKey, string oldJson, string newJson, int? quarterKey)
    {
        _change.Parameters["@q"].Value = (object?)quarterKey ?? DBNull.Value;
        _change.Parameters["@t"].Value = table;
        _change.Parameters["@k"].Value = naturalKey;
        _change.Parameters["@at"].Value = AuditTime.Now(_clock);
        _change.Parameters["@old"].Value = oldJson;
        _change.Parameters["@new"].Value = newJson;
        _change.ExecuteNonQuery();
    }

    private void Write(DbCommand command, int line, string column, string? value, string reason)
    {
        command.Parameters["@line"].Value = line;
        command.Parameters["@col"].Value = HeaderOf(column);
        command.Parameters["@val"].Value = (object?)value ?? DBNull.Value;
        command.Parameters["@why"].Value = reason;
        command.ExecuteNonQuery();
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, long batchId, long sourceFileId, string file, string? sheet)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Add(command, "@b", batchId);
        Add(command, "@f", sourceFileId);
        Add(command, "@file", file);
        Add(command, "@sheet", (object?)sheet ?? DBNull.Value);
        foreach (var name in new[] { "@line", "@col", "@val", "@why" }) Add(command, name, DBNull.Value);
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    public void Dispose()
    {
        _quarantine.Dispose();
        _warning.Dispose();
        _change.Dispose();
    }
}
