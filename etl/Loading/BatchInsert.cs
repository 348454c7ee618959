using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace QualityAnalytics.Etl.Loading;

/// <summary>The provider-specific seam of the fast path: one statement that offers many rows at once and reports
/// which of them were new. SQLite does it with <c>INSERT … VALUES (…),(…) ON CONFLICT (key) DO NOTHING RETURNING …</c>
/// on its raw statement API (<see cref="SqliteBatchInsert"/>); PostgreSQL with its bulk protocol, a binary COPY into a
/// staging table and one <c>INSERT … SELECT … ON CONFLICT DO NOTHING RETURNING …</c> (<see cref="PostgresBatchInsert"/>);
/// any other provider with the multi-row INSERT through plain ADO.NET (<see cref="AdoBatchInsert"/>).</summary>
internal interface IBatchInsert : IDisposable
{
    /// <summary>The most rows one call takes.</summary>
    int RowsPerStatement { get; }

    /// <summary>The fewest rows one call takes. A prepared multi-row statement has a fixed shape and takes exactly
    /// <see cref="RowsPerStatement"/>; COPY takes any number. Fewer rows than this are inserted one by one.</summary>
    int FewestRows => RowsPerStatement;

    /// <summary>Inserts rows[0..count) (<see cref="FewestRows"/> ≤ count ≤ <see cref="RowsPerStatement"/>, keys distinct
    /// among them) and sets inserted[i] for each row that was new; a row left false conflicted with a stored row.</summary>
    void Insert(object?[][] rows, int[] lines, int count, bool[] inserted);

    /// <summary>Whether <see cref="Insert(object?[][], EncodedRow[], int[], int, bool[])"/> binds rows that the staging
    /// thread encoded (<see cref="SqliteRowEncoding"/>); false: encoding them would be wasted.</summary>
    bool TakesEncodedRows => false;

    /// <summary><see cref="Insert(object?[][], int[], int, bool[])"/>, where encoded[i], where it exists, is rows[i]
    /// already encoded (<see cref="SqliteRowEncoding.TryEncode"/>) and is bound instead of converting the values again.</summary>
    void Insert(object?[][] rows, EncodedRow[] encoded, int[] lines, int count, bool[] inserted) => Insert(rows, lines, count, inserted);

    /// <summary>The stored row that row <paramref name="index"/> of the last <see cref="Insert"/> conflicted with, where
    /// the implementation read it in the same call (SQLite and PostgreSQL read a batch's conflicting rows in one
    /// statement); null leaves the read to the caller, one row at a time.</summary>
    StoredRow? Stored(int index) => null;
}

/// <summary>A stored row's value columns (as the provider's reader returns them) and the source file that wrote them
/// (null for a table without lineage).</summary>
internal sealed record StoredRow(object?[] Values, long? SourceFileId)
{
    /// <summary>A stored row found to hold exactly what the new row would store (compared as stored bytes, without
    /// reading its values: <see cref="Values"/> is empty). Only the source file is still needed, to tell a key repeated
    /// within the file from a reload.</summary>
    public static StoredRow Identical(long? sourceFileId) => new([], sourceFileId) { IsIdentical = true };

    /// <summary>See <see cref="Identical"/>.</summary>
    public bool IsIdentical { get; private init; }
}

internal static class BatchInsert
{
    /// <summary>Rows per statement where the provider has no better figure: large enough that per-statement costs
    /// vanish, small enough that the statement (rows × columns parameters) stays far below SQLite's limit.</summary>
    public const int DefaultRows = 128;

    /// <summary>The rows per call the loader uses on this connection's provider: PostgreSQL's COPY takes many more rows
    /// per call than a multi-row INSERT can.</summary>
    public static int DefaultRowsFor(DbConnection connection) =>
        connection is Npgsql.NpgsqlConnection ? PostgresBatchInsert.DefaultRows : DefaultRows;

    /// <param name="rows">Rows per call; null for <see cref="DefaultRowsFor"/>.</param>
    public static IBatchInsert For(DbConnection connection, DbTransaction transaction, TableSpec spec, long batchId, long sourceFileId, int? rows = null)
    {
        var perCall = rows ?? DefaultRowsFor(connection);
        return connection switch
        {
            Microsoft.Data.Sqlite.SqliteConnection { Handle: not null } sqlite => new SqliteBatchInsert(sqlite, spec, batchId, sourceFileId, perCall),
            Npgsql.NpgsqlConnection pg => new PostgresBatchInsert(pg, (Npgsql.NpgsqlTransaction)transaction, spec, batchId, sourceFileId, perCall),
            _ => new AdoBatchInsert(connection, transaction, spec, batchId, sourceFileId, perCall),
        };
    }

    /// <summary>The multi-row INSERT: key and value columns (and source_line) are parameters, batch_id and
    /// source_file_id (the same for every row of the file) literals. <paramref name="tolerant"/>: rows whose key is
    /// stored are skipped (<c>ON CONFLICT DO NOTHING</c>) and RETURNING names the inserted rows: by source_line (unique
    /// within a source: a row's line) where the table has lineage, else by the natural key. Not tolerant:
    /// <c>INSERT OR FAIL</c>, which stops at the first row whose key is stored and keeps the rows before it.</summary>
    public static string Sql(TableSpec spec, long batchId, long sourceFileId, int rows, Func<int, string> parameter, bool tolerant = true)
    {
        var columns = spec.KeyColumns.Concat(spec.ValueColumns).ToList();
        if (spec.HasLineage) columns.AddRange(["batch_id", "source_file_id", "source_line"]);
        var perRow = ParametersPerRow(spec);
        var sql = new System.Text.StringBuilder();
        sql.Append(tolerant ? "INSERT INTO " : "INSERT OR FAIL INTO ").Append(spec.Table).Append(" (").Append(string.Join(", ", columns)).Append(") VALUES ");
        var n = 0;
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < perRow; c++)
            {
                if (c > 0) sql.Append(", ");
                if (spec.HasLineage && c == perRow - 1)
                {
                    sql.Append(batchId.ToString(CultureInfo.InvariantCulture)).Append(", ").Append(sourceFileId.ToString(CultureInfo.InvariantCulture)).Append(", ");
                }
                sql.Append(parameter(n++));
            }
            sql.Append(')');
        }
        if (!tolerant) return sql.ToString();
        sql.Append(" ON CONFLICT (").Append(string.Join(", ", spec.KeyColumns)).Append(") DO NOTHING RETURNING ")
            .Append(spec.HasLineage ? "source_line" : string.Join(", ", spec.KeyColumns));
        return sql.ToString();
    }

    /// <summary>Bound values per row: key and value columns, and source_line where the table has lineage.</summary>
    public static int ParametersPerRow(TableSpec spec) => spec.KeyColumns.Count + spec.ValueColumns.Count + (spec.HasLineage ? 1 : 0);

    /// <summary>A natural key as text, for telling apart the keys of a buffer (ordinal: equal text is the same key).</summary>
    // Per row of a bulk load: compiled optimized at the first call, not after a tier-up (docs/benchmarks.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Key(object?[] values, int keyCount)
    {
        if (keyCount == 1) return KeyText(values[0]);
        var parts = new string[keyCount];
        for (var i = 0; i < keyCount; i++) parts[i] = KeyText(values[i]);
        return string.Join('\u001f', parts);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string KeyText(object? value) => value switch
    {
        string s => s,
        null or DBNull => "\0",
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => StoredValue.Canonical(value) ?? "\0",
    };

    /// <summary>Which of rows[0..count) the returned row names: by line (ascending in a buffer; binary search) or by key.</summary>
    internal sealed class Returned(TableSpec spec)
    {
        private readonly Dictionary<string, int> _byKey = new(StringComparer.Ordinal);

        public void Begin(object?[][] rows, int count, bool[] inserted)
        {
            Array.Clear(inserted, 0, count);
            if (spec.HasLineage) return;
            _byKey.Clear();
            for (var i = 0; i < count; i++) _byKey[Key(rows[i], spec.KeyColumns.Count)] = i;
        }

        public int IndexOfLine(int[] lines, int count, long line)
        {
            var i = Array.BinarySearch(lines, 0, count, (int)line);
            if (i >= 0) return i;
            i = Array.IndexOf(lines, (int)line, 0, count);
            return i >= 0 ? i : throw new InvalidOperationException($"{spec.Table}: the insert returned line {line}, which the batch does not hold.");
        }

        public int IndexOfKey(string key) =>
            _byKey.TryGetValue(key, out var i) ? i : throw new InvalidOperationException($"{spec.Table}: the insert returned key {key}, which the batch does not hold.");
    }
}

/// <summary>The portable implementation: one prepared DbCommand with named parameters (for a provider with neither a
/// raw statement API nor a bulk protocol).</summary>
internal sealed class AdoBatchInsert : IBatchInsert
{
    private readonly DbCommand _command;
    private readonly TableSpec _spec;
    private readonly int _perRow;
    private readonly BatchInsert.Returned _returned;

    public AdoBatchInsert(DbConnection connection, DbTransaction transaction, TableSpec spec, long batchId, long sourceFileId, int rows)
    {
        _spec = spec;
        _perRow = BatchInsert.ParametersPerRow(spec);
        _returned = new BatchInsert.Returned(spec);
        RowsPerStatement = rows;
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = BatchInsert.Sql(spec, batchId, sourceFileId, rows, n => $"@p{n}");
        for (var i = 0; i < rows * _perRow; i++)
        {
            var p = _command.CreateParameter();
            p.ParameterName = $"@p{i}";
            p.Value = DBNull.Value;
            _command.Parameters.Add(p);
        }
        _command.Prepare();
    }

    public int RowsPerStatement { get; }

    public void Insert(object?[][] rows, int[] lines, int count, bool[] inserted)
    {
        if (count != RowsPerStatement) throw new ArgumentOutOfRangeException(nameof(count));
        _returned.Begin(rows, count, inserted);
        var parameters = _command.Parameters;
        var p = 0;
        for (var r = 0; r < count; r++)
        {
            var values = rows[r];
            for (var i = 0; i < values.Length; i++) parameters[p++].Value = values[i] ?? DBNull.Value;
            if (_spec.HasLineage) parameters[p++].Value = lines[r];
        }
        using var reader = _command.ExecuteReader();
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

    public void Dispose() => _command.Dispose();
}
