using Npgsql;

namespace QualityAnalytics.Etl.Loading;

/// <summary>PostgreSQL's fast path: the rows go to a temporary staging table by binary COPY (typed values, no SQL text,
/// no parameters), then one <c>INSERT INTO table SELECT … FROM stage ON CONFLICT (key) DO NOTHING RETURNING …</c> moves
/// the new ones and names them, and the stage is emptied for the next call. Everything runs on the file's connection
/// inside its transaction: the stage is created in it (<c>ON COMMIT DROP</c>; a rollback takes it away too), so a fault
/// mid-file leaves nothing behind.</summary>
internal sealed class PostgresBatchInsert : IBatchInsert
{
    /// <summary>Rows per call. COPY has no statement shape to fix, so the size only trades round trips against the
    /// buffer held in <see cref="PendingRows"/>; measured in docs/benchmarks.md (loader section).</summary>
    public const int DefaultRows = 2048;

    /// <summary>A call costs three round trips (COPY start, COPY data, insert and truncate); fewer rows than this go one
    /// by one, at one round trip each.</summary>
    private const int FewestRowsWorthCopying = 4;

    private readonly NpgsqlConnection _connection;
    private readonly TableSpec _spec;
    private readonly string _copy;
    private readonly NpgsqlCommand _insert;
    private readonly PostgresColumnWriter[] _writers;
    private readonly BatchInsert.Returned _returned;

    public PostgresBatchInsert(NpgsqlConnection connection, NpgsqlTransaction transaction, TableSpec spec, long batchId, long sourceFileId, int rows)
    {
        _connection = connection;
        _spec = spec;
        _returned = new BatchInsert.Returned(spec);
        RowsPerStatement = rows;

        var stage = StageName(spec);
        var staged = spec.KeyColumns.Concat(spec.ValueColumns).ToList();
        if (spec.HasLineage) staged.Add("source_line");
        var stagedList = string.Join(", ", staged);
        // The stage takes the target's column types (so COPY converts exactly as an insert would) but none of its
        // constraints: NOT NULL, checks and keys are enforced where the rows end up. A second source of the same kind
        // in the same file (two sheets of one workbook) finds the stage already there, empty.
        Execute(transaction, $"CREATE TEMP TABLE IF NOT EXISTS {stage} ON COMMIT DROP AS SELECT {stagedList} FROM {spec.Table} WITH NO DATA");
        _writers = ColumnWriters(transaction, stage, staged);
        _copy = $"COPY {stage} ({stagedList}) FROM STDIN (FORMAT BINARY)";

        var target = spec.KeyColumns.Concat(spec.ValueColumns).ToList();
        var selected = new List<string>(target);
        if (spec.HasLineage)
        {
            target.AddRange(["batch_id", "source_file_id", "source_line"]);
            selected.AddRange([batchId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                sourceFileId.ToString(System.Globalization.CultureInfo.InvariantCulture), "source_line"]);
        }
        var returning = spec.HasLineage ? "source_line" : string.Join(", ", spec.KeyColumns);
        // TRUNCATE of a table created in the current transaction empties it in place (no new file, no dead rows for the
        // next INSERT … SELECT to scan), so the stage stays as small as one call's rows however long the file.
        _insert = new NpgsqlCommand(
            $"INSERT INTO {spec.Table} ({string.Join(", ", target)}) SELECT {string.Join(", ", selected)} FROM {stage} " +
            $"ON CONFLICT ({string.Join(", ", spec.KeyColumns)}) DO NOTHING RETURNING {returning}; TRUNCATE {stage}", connection, transaction);
        _insert.Prepare();
    }

    /// <summary>The stage of a table: one per table and session (temporary tables are private to their connection).</summary>
    public static string StageName(TableSpec spec) => "qa_stage_" + spec.Table;

    public int RowsPerStatement { get; }

    public int FewestRows => Math.Min(FewestRowsWorthCopying, RowsPerStatement);

    public void Insert(object?[][] rows, int[] lines, int count, bool[] inserted)
    {
        if (count < FewestRows || count > RowsPerStatement) throw new ArgumentOutOfRangeException(nameof(count));
        _returned.Begin(rows, count, inserted);
        // Disposing an importer that was not completed cancels the COPY; the server then fails the transaction, and the
        // loader rolls the file back.
        using (var importer = _connection.BeginBinaryImport(_copy))
        {
            for (var r = 0; r < count; r++)
            {
                importer.StartRow();
                var values = rows[r];
                for (var i = 0; i < values.Length; i++) _writers[i].Write(importer, values[i]);
                if (_spec.HasLineage) _writers[values.Length].Write(importer, lines[r]);
            }
            importer.Complete();
        }
        using var reader = _insert.ExecuteReader();
        while (reader.Read())
        {
            if (_spec.HasLineage) inserted[_returned.IndexOfLine(lines, count, reader.GetInt64(0))] = true;
            else
            {
                var key = new object?[_spec.KeyColumns.Count];
                for (var i = 0; i < key.Length; i++) key[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                inserted[_returned.IndexOfKey(BatchInsert.Key(key, key.Length))] = true;
            }
        }
    }

    /// <summary>The stage's column types, read back from the server, decide how each value is written.</summary>
    private PostgresColumnWriter[] ColumnWriters(NpgsqlTransaction transaction, string stage, List<string> columns)
    {
        using var command = new NpgsqlCommand($"SELECT {string.Join(", ", columns)} FROM {stage} LIMIT 0", _connection, transaction);
        using var reader = command.ExecuteReader();
        return columns.Select((c, i) => PostgresColumnWriter.For(_spec.Table, c, reader.GetPostgresType(i).InternalName)).ToArray();
    }

    private void Execute(NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, _connection, transaction);
        command.ExecuteNonQuery();
    }

    public void Dispose() => _insert.Dispose();
}
