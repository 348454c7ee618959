using System.Data.Common;
using System.Globalization;
using QualityAnalytics.Etl.Audit;

namespace QualityAnalytics.Etl.Loading;

/// <summary>One value a dry run would have quarantined: where it was, what it held, and why.</summary>
public sealed record QuarantinedValue(string File, string? Sheet, int Line, string Column, string? Value, string Reason);

/// <summary>A stored row a dry run would have changed: its natural key and its changed fields (<see cref="ChangeFields"/>).</summary>
public sealed record ChangedRow(string NaturalKey, IReadOnlyList<ChangedField> Fields);

/// <summary>What a dry run (<see cref="FileLoader.Check{T}"/>) quarantined and which stored rows it changed, read from
/// inside its transaction before the rollback. Each read streams (a file of a million bad rows is written out as it is
/// read, not held), and is valid only while the dry run's inspection runs.</summary>
public sealed class CheckedRows(DbConnection connection, DbTransaction run, long batchId)
{
    private const string Columns = "SELECT file, sheet, line, \"column\", value, reason FROM quarantined_row ";

    private readonly ChangeFields _fields = new(connection, run);

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

    /// <summary>One file's (or sheet's) warnings: rows it would load that need a look (a deduction of a check not yet
    /// loaded, deductions that do not add up to the check's score), as <see cref="QuarantinedValue"/>s whose reason is
    /// the warning.</summary>
    public IEnumerable<QuarantinedValue> WarningsOf(LoadSummary file) =>
        file.SourceFileId is { } id ? Read("SELECT file, sheet, line, \"column\", value, message FROM load_warning WHERE source_file_id = @id ORDER BY line, id", id) : [];

    /// <summary>One file's (or sheet's) changes to rows stored before it, in the order it made them.</summary>
    public IEnumerable<ChangedRow> ChangesOf(LoadSummary file)
    {
        if (file.SourceFileId is not { } id) yield break;
        // A page at a time, each read whole before the fields' names are looked up: PostgreSQL runs one statement at a
        // time on a connection, and a page keeps memory flat however many rows the file changed.
        var after = 0L;
        while (true)
        {
            var page = Read($"SELECT id, natural_key, old_values, new_values FROM row_change WHERE source_file_id = @id AND id > {after} ORDER BY id LIMIT {ChangesPage}", id,
                r => (Id: Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), Key: r.GetString(1), Old: r.GetString(2), New: r.GetString(3))).ToList();
            foreach (var (_, key, old, @new) in page) yield return new ChangedRow(key, _fields.Of(file.Kind, old, @new));
            if (page.Count < ChangesPage) yield break;
            after = page[^1].Id;
        }
    }

    private const int ChangesPage = 500;

    private IEnumerable<QuarantinedValue> Read(string sql, long id) => Read(sql, id, reader =>
        new QuarantinedValue(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
            Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture), reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5)));

    private IEnumerable<T> Read<T>(string sql, long id, Func<DbDataReader, T> row)
    {
        using var command = Command(sql, id);
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return row(reader);
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
