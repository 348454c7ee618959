using Npgsql;

namespace QualityAnalytics.Etl.Loading;

/// <summary>PostgreSQL's fast path: the rows go to a temporary staging table by binary COPY (typed values, no SQL text,
/// no parameters), then one <c>INSERT INTO table SELECT … FROM stage ON CONFLICT (key) DO NOTHING RETURNING …</c> moves
/// the new ones and names them, and the stage is emptied for the next call. Everything runs on the file's connection
/// inside its transaction: the stage is created in it (<c>ON COMMIT DROP</c>; a rollback takes it away too), so a fault
/// mid-file leaves nothing behind. When some rows conflicted (a file loaded again, a correction), the stored rows they
/// conflicted with are read in one more statement for the whole call (<see cref="Stored"/>), not one round trip per row.</summary>
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
    private readonly NpgsqlCommand _readStored;
    private readonly PostgresColumnWriter[] _writers;
    private readonly BatchInsert.Returned _returned;
    private readonly StoredRow?[] _stored;
    private readonly Dictionary<string, int> _conflicting = new(StringComparer.Ordinal);

    public PostgresBatchInsert(NpgsqlConnection connection, NpgsqlTransaction transaction, TableSpec spec, long batchId, long sourceFileId, int rows)
    {
        _connection = connection;
        _spec = spec;
        _returned = new BatchInsert.Returned(spec);
        RowsPerStatement = rows;
        _stored = new StoredRow?[rows];

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
        _readStored = ReadStoredCommand(transaction);
    }

    /// <summary>The stored rows of a list of keys: key columns, value columns, and source_file_id where the table has
    /// lineage, in the order of <see cref="UpsertCommand"/>'s own per-row read. Keys are passed as one text array per key
    /// column (every natural key of the warehouse is text) and matched by the table's unique key index.</summary>
    private NpgsqlCommand ReadStoredCommand(NpgsqlTransaction transaction)
    {
        for (var k = 0; k < _spec.KeyColumns.Count; k++)
        {
            if (!_writers[k].IsText) throw new NotSupportedException($"{_spec.Table}.{_spec.KeyColumns[k]}: the PostgreSQL fast path reads stored rows by text keys only");
        }
        var keys = string.Join(", ", _spec.KeyColumns);
        var arrays = string.Join(", ", _spec.KeyColumns.Select((_, k) => $"@k{k}"));
        var command = new NpgsqlCommand(
            $"SELECT {keys}, {string.Join(", ", _spec.ValueColumns)}{(_spec.HasLineage ? ", source_file_id" : "")} FROM {_spec.Table} " +
            $"WHERE ({keys}) IN (SELECT * FROM unnest({arrays}))", _connection, transaction);
        for (var k = 0; k < _spec.KeyColumns.Count; k++)
            command.Parameters.Add(new NpgsqlParameter<string[]>($"k{k}", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = [] });
        command.Prepare();
        return command;
    }

    /// <summary>The stage of a table: one per table and session (temporary tables are private to their connection).</summary>
    public static string StageName(TableSpec spec) => "qa_stage_" + spec.Table;

    public int RowsPerStatement { get; }

    public int FewestRows => Math.Min(FewestRowsWorthCopying, RowsPerStatement);

    public void Insert(object?[][] rows, int[] lines, int count, bool[] inserted)
    {
        if (count < FewestRows || count > RowsPerStatement) throw new ArgumentOutOfRangeException(nameof(count));
        _returned.Begin(rows, count, inserted);
        Array.Clear(_stored, 0, count);
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
        var insertedCount = 0;
        using (var reader = _insert.ExecuteReader())
        {
            while (reader.Read())
            {
                insertedCount++;
                if (_spec.HasLineage) inserted[_returned.IndexOfLine(lines, count, reader.GetInt64(0))] = true;
                else inserted[_returned.IndexOfKey(ReadKey(reader))] = true;
            }
        }
        if (insertedCount < count) ReadConflicting(rows, count, inserted, count - insertedCount);
    }

    public StoredRow? Stored(int index) => _stored[index];

    /// <summary>Reads the stored rows that rows[i] (not inserted) conflicted with, into <see cref="_stored"/>. A row
    /// whose stored row is not found (another session inserted its key after this statement's snapshot) is left null:
    /// the caller reads it itself.</summary>
    private void ReadConflicting(object?[][] rows, int count, bool[] inserted, int conflicts)
    {
        var keyCount = _spec.KeyColumns.Count;
        var keys = new string[keyCount][];
        for (var k = 0; k < keyCount; k++) keys[k] = new string[conflicts];
        _conflicting.Clear();
        var n = 0;
        for (var i = 0; i < count; i++)
        {
            if (inserted[i]) continue;
            for (var k = 0; k < keyCount; k++) keys[k][n] = (string)rows[i][k]!;
            _conflicting[BatchInsert.Key(rows[i], keyCount)] = i;
            n++;
        }
        for (var k = 0; k < keyCount; k++) ((NpgsqlParameter<string[]>)_readStored.Parameters[k]).TypedValue = keys[k];
        using var reader = _readStored.ExecuteReader();
        while (reader.Read())
        {
            if (!_conflicting.TryGetValue(ReadKey(reader), out var i)) continue;
            var values = new object?[_spec.ValueColumns.Count];
            for (var v = 0; v < values.Length; v++) values[v] = reader.IsDBNull(keyCount + v) ? null : reader.GetValue(keyCount + v);
            _stored[i] = new StoredRow(values, _spec.HasLineage ? reader.GetInt64(keyCount + values.Length) : null);
        }
    }

    /// <summary>The natural key in a reader's first columns, as <see cref="BatchInsert.Key"/> text.</summary>
    private string ReadKey(NpgsqlDataReader reader)
    {
        var key = new object?[_spec.KeyColumns.Count];
        for (var i = 0; i < key.Length; i++) key[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        return BatchInsert.Key(key, key.Length);
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

    public void Dispose()
    {
        _insert.Dispose();
        _readStored.Dispose();
    }
}
