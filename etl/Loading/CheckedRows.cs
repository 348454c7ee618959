using System.Data.Common;
using System.Globalization;

namespace QualityAnalytics.Etl.Loading;

/// <summary>One value a dry run would have quarantined: where it was, what it held, and why.</summary>
public sealed record QuarantinedValue(string File, string? Sheet, int Line, string Column, string? Value, string Reason);

/// <summary>The values a dry run (<see cref="FileLoader.Check{T}"/>) quarantined, read from inside its transaction
/// before the rollback. Each read streams (a file of a million bad rows is written out as it is read, not held), and
/// is valid only while the dry run's inspection runs.</summary>
public sealed class CheckedRows(DbConnection connection, DbTransaction run, long batchId)
{
    private const string Columns = "SELECT file, sheet, line, \"column\", value, reason FROM quarantined_row ";

    /// <summary>How many values were quarantined, over every file.</summary>
    public long Count()
    {
        using var command = Command("SELECT COUNT(*) FROM quarantined_row WHERE batch_id = @id", batchId);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Every file's values, in the order of the files, then of their lines.</summary>
    public IEnumerable<QuarantinedValue> All() => Read(Columns + "WHERE batch_id = @id ORDER BY source_file_id, line, id", batchId);

    /// <summary>One file's (or sheet's) values, in the order of its lines; none for a file refused whole.</summary>
    public IEnumerable<QuarantinedValue> Of(LoadSummary file) =>
        file.SourceFileId is { } id ? Read(Columns + "WHERE source_file_id = @id ORDER BY line, id", id) : [];

    private IEnumerable<QuarantinedValue> Read(string sql, long id)
    {
        using var command = Command(sql, id);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new QuarantinedValue(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5));
        }
    }

    private DbCommand Command(string sql, long id)
    {
        var command = connection.CreateCommand();
        command.Transaction = run;
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = id;
        command.Parameters.Add(parameter);
        return command;
    }
}
