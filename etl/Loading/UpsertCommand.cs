using System.Data.Common;

namespace QualityAnalytics.Etl.Loading;

internal enum UpsertOutcome { Loaded, Updated, Unchanged, DuplicateInFile }

/// <summary>The fast path for one table inside a file's one transaction. New rows go in as multi-row batches: on SQLite
/// one prepared <c>INSERT … VALUES (…),(…),… ON CONFLICT (key) DO NOTHING RETURNING …</c> per <see cref="BatchSize"/>
/// rows, on PostgreSQL a binary COPY into a staging table and one INSERT … SELECT (<see cref="IBatchInsert"/>, the
/// provider-specific part). Rows the batch did not insert conflicted with a stored
/// row: for exactly those, in input order, the stored values are read, compared and, when they differ, updated with
/// the change recorded (<see cref="WriteConflicting"/>). A single row (<see cref="Write"/>) takes the same path alone.
/// An update compares and sets only what the file decides: the columns its header carries (<see cref="TableSpec.OptionalFields"/>)
/// and, for a survey answer, not an exclusion the working group decided (<see cref="WorkingGroupDecisions"/>).</summary>
internal sealed class UpsertCommand : IDisposable
{
    private readonly TableSpec _spec;
    private readonly int _quarterColumn;
    private readonly DbCommand _insert;
    private readonly DbCommand _select;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly long _batchId;
    private readonly long _sourceFileId;
    // One UPDATE per set of columns it sets (a bit per value column): at most a few per source.
    private readonly Dictionary<int, DbCommand> _updates = [];
    private readonly bool[] _carried;
    private readonly bool[] _keep;
    private readonly int[] _keptWhileUnchanged;
    private readonly int[] _exclusionColumns;
    private readonly WorkingGroupDecisions? _decisions;
    private readonly IBatchInsert _batch;
    private readonly AuditWriter _audit;
    private readonly FileScope _scope;
    private readonly FileScope? _ownScope;
    private readonly string[] _claimKeys;
    private readonly int[] _claimRows;
    private readonly bool[] _claimedBefore;
    private readonly bool[] _batchClaimedBefore;

    /// <param name="scope">The file this source belongs to (every sheet of a workbook shares one); null: the source is
    /// the whole file.</param>
    /// <param name="carried">Which value columns the source's header carries (<see cref="TableSpec.Carried"/>); null: all.</param>
    public UpsertCommand(DbConnection connection, DbTransaction transaction, TableSpec spec, AuditWriter audit, long batchId, long sourceFileId,
        int? batchSize = null, FileScope? scope = null, bool[]? carried = null)
    {
        _spec = spec;
        _connection = connection;
        _transaction = transaction;
        _batchId = batchId;
        _sourceFileId = sourceFileId;
        _carried = carried ?? Enumerable.Repeat(true, spec.ValueColumns.Count).ToArray();
        _keep = new bool[spec.ValueColumns.Count];
        var columns = spec.ValueColumns.ToList();
        _keptWhileUnchanged = columns.Select(c => spec.KeptOnlyWhileUnchanged.TryGetValue(c, out var other) ? columns.IndexOf(other) : -1).ToArray();
        if (spec.Table == FactTables.SurveyAnswer.Table)
        {
            _exclusionColumns = FactTables.ExclusionColumns.Select(c => columns.IndexOf(c)).ToArray();
            _decisions = new WorkingGroupDecisions(connection, transaction);
        }
        else _exclusionColumns = [];
        _quarterColumn = spec.QuarterColumn;
        _audit = audit;
        _scope = scope ?? (_ownScope = new FileScope(connection, transaction));
        _scope.Add(sourceFileId);
        var all = spec.KeyColumns.Concat(spec.ValueColumns).ToList();
        var lineage = spec.HasLineage ? new[] { "batch_id", "source_file_id", "source_line" } : [];
        var insertColumns = all.Concat(lineage).ToList();
        var keyWhere = string.Join(" AND ", spec.KeyColumns.Select((c, i) => $"{c} = @k{i}"));

        _insert = Command(connection, transaction,
            $"INSERT INTO {spec.Table} ({string.Join(", ", insertColumns)}) VALUES ({string.Join(", ", insertColumns.Select((_, i) => $"@p{i}"))}) " +
            $"ON CONFLICT ({string.Join(", ", spec.KeyColumns)}) DO NOTHING", insertColumns.Count, "@p");
        var selectExtra = spec.HasLineage ? ", source_file_id" : "";
        _select = Command(connection, transaction,
            $"SELECT {string.Join(", ", spec.ValueColumns)}{selectExtra} FROM {spec.Table} WHERE {keyWhere}", spec.KeyColumns.Count, "@k");
        if (spec.HasLineage)
        {
            _insert.Parameters[all.Count].Value = batchId;
            _insert.Parameters[all.Count + 1].Value = sourceFileId;
        }
        _insert.Prepare();
        _select.Prepare();
        _batch = BatchInsert.For(connection, transaction, spec, batchId, sourceFileId, batchSize is { } rows ? Math.Max(1, rows) : null);
        _claimKeys = new string[_batch.RowsPerStatement];
        _claimRows = new int[_batch.RowsPerStatement];
        _claimedBefore = new bool[_batch.RowsPerStatement];
        _batchClaimedBefore = new bool[_batch.RowsPerStatement];
    }

    public TableSpec Spec => _spec;

    /// <summary>The table's largest id now (0 when empty). Ids only grow (SQLite's rowid takes the largest plus one,
    /// PostgreSQL's identity a sequence), so every row inserted after this call has a larger one: what a source records
    /// as <c>source_file.fact_id_before</c>.</summary>
    public long HighestId()
    {
        using var command = _select.Connection!.CreateCommand();
        command.Transaction = _select.Transaction;
        command.CommandText = $"SELECT COALESCE(MAX(id), 0) FROM {_spec.Table}";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Rows per multi-row statement; <see cref="InsertBatch"/> with exactly this many rows takes one statement.</summary>
    public int BatchSize => _batch.RowsPerStatement;

    /// <summary>Whether rows for <see cref="InsertBatch(object?[][], EncodedRow[], int[], int, bool[])"/> are worth
    /// encoding ahead (<see cref="SqliteRowEncoding"/>): the provider's fast path binds them as they are.</summary>
    public bool TakesEncodedRows => _batch.TakesEncodedRows;

    /// <summary>Offers <paramref name="count"/> rows (at most <see cref="BatchSize"/>) with distinct keys (the caller
    /// sends a key repeated within the buffer through <see cref="WriteConflicting"/> after its first occurrence) and sets
    /// inserted[i] for each row that was new. A batch the provider takes (a full one; on PostgreSQL any but the smallest)
    /// is one call; fewer rows (the end of a file on SQLite) go one by one.</summary>
    public void InsertBatch(object?[][] rows, int[] lines, int count, bool[] inserted) => InsertBatch(rows, null, lines, count, inserted);

    /// <summary><see cref="InsertBatch(object?[][], int[], int, bool[])"/> with rows the staging thread encoded
    /// (<see cref="TakesEncodedRows"/>): encoded[i] is rows[i] encoded, or no encoding.</summary>
    public void InsertBatch(object?[][] rows, EncodedRow[]? encoded, int[] lines, int count, bool[] inserted)
    {
        _lastBatchByProvider = count >= _batch.FewestRows;
        if (_lastBatchByProvider)
        {
            if (encoded is null) _batch.Insert(rows, lines, count, inserted);
            else _batch.Insert(rows, encoded, lines, count, inserted);
        }
        else
        {
            for (var i = 0; i < count; i++) inserted[i] = TryInsert(rows[i], lines[i]);
        }
        ClaimConflicting(rows, count, inserted);
    }

    /// <summary>Claims for this file the keys of the batch's rows that met a stored row (every row of a reload), in one
    /// statement: <see cref="WriteConflicting(object?[], int, int)"/> then knows which of them an earlier line of the
    /// file already delivered (<see cref="FileScope"/>). The batch's keys are distinct.</summary>
    // Per batch of a bulk load: compiled optimized at the first call, not after a tier-up (docs/benchmarks.md).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void ClaimConflicting(object?[][] rows, int count, bool[] inserted)
    {
        var claims = 0;
        for (var i = 0; i < count; i++)
        {
            _batchClaimedBefore[i] = false;
            // A new row carries this file's id, which tells a later repeat (FileScope.Wrote); a table without lineage
            // (survey questions) has no such mark, so its new rows claim their keys too.
            if (inserted[i] && _spec.HasLineage) continue;
            _claimRows[claims] = i;
            _claimKeys[claims++] = BatchInsert.Key(rows[i], _spec.KeyColumns.Count);
        }
        if (claims == 0) return;
        _scope.Claim(_spec.Table, _claimKeys, claims, _claimedBefore);
        for (var c = 0; c < claims; c++) _batchClaimedBefore[_claimRows[c]] = _claimedBefore[c];
        Array.Clear(_claimKeys, 0, claims);
    }

    /// <summary>Whether the last <see cref="InsertBatch"/> went through <see cref="IBatchInsert"/> (which may have read
    /// the stored rows its rows conflicted with), rather than row by row.</summary>
    private bool _lastBatchByProvider;

    /// <summary>One row, alone: insert, or on conflict compare and update.</summary>
    /// <param name="values">Key values then value columns, in the spec's order.</param>
    public UpsertOutcome Write(object?[] values, int line)
    {
        if (!TryInsert(values, line)) return WriteConflicting(values, line);
        if (!_spec.HasLineage) Claim(values); // see ClaimConflicting
        return UpsertOutcome.Loaded;
    }

    private bool TryInsert(object?[] values, int line)
    {
        for (var i = 0; i < values.Length; i++) _insert.Parameters[i].Value = values[i] ?? DBNull.Value;
        if (_spec.HasLineage) _insert.Parameters[values.Length + 2].Value = line;
        return _insert.ExecuteNonQuery() == 1;
    }

    /// <summary>A row whose key is already stored: read the stored values, compare, update if they differ.</summary>
    public UpsertOutcome WriteConflicting(object?[] values, int line) => Compare(values, line, ReadStored(values), Claim(values));

    /// <summary>Claims one row's key for this file; true when an earlier line of the file claimed it.</summary>
    private bool Claim(object?[] values)
    {
        _claimKeys[0] = BatchInsert.Key(values, _spec.KeyColumns.Count);
        _scope.Claim(_spec.Table, _claimKeys, 1, _claimedBefore);
        _claimKeys[0] = null!;
        return _claimedBefore[0];
    }

    /// <summary>Row <paramref name="batchIndex"/> of the last <see cref="InsertBatch"/>, which was not inserted: compared
    /// with the stored row the batch read along with the insert where the provider does (PostgreSQL: one statement for
    /// the whole batch instead of a round trip per row), else with the stored row read now. The batch's keys are
    /// distinct, so completing an earlier row of the batch cannot have changed this row's stored values.</summary>
    public UpsertOutcome WriteConflicting(object?[] values, int line, int batchIndex) =>
        Compare(values, line, (_lastBatchByProvider ? _batch.Stored(batchIndex) : null) ?? ReadStored(values), _batchClaimedBefore[batchIndex]);

    private StoredRow ReadStored(object?[] values)
    {
        for (var i = 0; i < _spec.KeyColumns.Count; i++) _select.Parameters[i].Value = values[i] ?? DBNull.Value;
        var old = new object?[_spec.ValueColumns.Count];
        using var reader = _select.ExecuteReader();
        if (!reader.Read()) throw new InvalidOperationException($"{_spec.Table}: a conflicting row vanished inside the transaction.");
        for (var i = 0; i < old.Length; i++) old[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        return new StoredRow(old, _spec.HasLineage ? reader.GetInt64(old.Length) : null);
    }

    /// <param name="claimedBefore">An earlier line of this file met the same stored row (<see cref="FileScope"/>).</param>
    private UpsertOutcome Compare(object?[] values, int line, StoredRow stored, bool claimedBefore)
    {
        var keyCount = _spec.KeyColumns.Count;
        var old = stored.Values;
        // The same key twice in one file would make a reload flip-flop between the two: the first occurrence wins and a
        // later one is quarantined, whether the first inserted or updated the row (it carries this file's id) or found it
        // unchanged (it claimed the key), so that the first load and every reload agree.
        if (_scope.Wrote(stored.SourceFileId) || claimedBefore) return UpsertOutcome.DuplicateInFile;
        if (stored.IsIdentical) return UpsertOutcome.Unchanged;

        // The columns this row keeps as stored: those the file does not carry (a callback's deduction only while its
        // finding stays as stored).
        for (var i = 0; i < old.Length; i++)
        {
            var other = _keptWhileUnchanged[i];
            _keep[i] = !_carried[i] && (other < 0 || StoredValue.Same(old[other], values[keyCount + other]));
        }
        var naturalKey = (string?)null;
        if (_decisions is not null && Differs(old, values, _exclusionColumns))
        {
            naturalKey = NaturalKey(values);
            if (_decisions.Decided(naturalKey)) foreach (var i in _exclusionColumns) _keep[i] = true;
        }

        // Made only when something differs: a reload compares every row and most are unchanged.
        Dictionary<string, string?>? changedOld = null, changedNew = null;
        var sets = 0;
        for (var i = 0; i < old.Length; i++)
        {
            if (_keep[i]) continue;
            sets |= 1 << i;
            if (StoredValue.Same(old[i], values[keyCount + i])) continue;
            (changedOld ??= [])[_spec.ValueColumns[i]] = StoredValue.Canonical(old[i]);
            (changedNew ??= [])[_spec.ValueColumns[i]] = StoredValue.Canonical(values[keyCount + i]);
        }
        if (changedOld is null || changedNew is null) return UpsertOutcome.Unchanged;

        var update = Update(sets);
        for (var i = 0; i < old.Length; i++)
        {
            if ((sets & (1 << i)) != 0) update.Parameters[$"@v{i}"].Value = values[keyCount + i] ?? DBNull.Value;
        }
        for (var i = 0; i < keyCount; i++) update.Parameters[$"@k{i}"].Value = values[i] ?? DBNull.Value;
        if (_spec.HasLineage) update.Parameters["@ll"].Value = line;
        update.ExecuteNonQuery();
        var quarter = _quarterColumn < 0 ? null : values[keyCount + _quarterColumn] as int?;
        _audit.RecordChange(_spec.Table, naturalKey ?? NaturalKey(values), ChangeJson.Of(changedOld), ChangeJson.Of(changedNew), quarter);
        return UpsertOutcome.Updated;
    }

    private string NaturalKey(object?[] values) => string.Join("|", values.Take(_spec.KeyColumns.Count).Select(StoredValue.Canonical));

    private bool Differs(object?[] old, object?[] values, int[] columns)
    {
        foreach (var i in columns)
        {
            if (!_keep[i] && !StoredValue.Same(old[i], values[_spec.KeyColumns.Count + i])) return true;
        }
        return false;
    }

    /// <summary>The prepared UPDATE that sets the value columns of <paramref name="sets"/> (a bit per column) and the
    /// lineage: <c>@v{i}</c> for value column i, <c>@k{i}</c> for key column i, <c>@ll</c> for the line.</summary>
    private DbCommand Update(int sets)
    {
        if (_updates.TryGetValue(sets, out var update)) return update;
        var columns = Enumerable.Range(0, _spec.ValueColumns.Count).Where(i => (sets & (1 << i)) != 0).ToList();
        var assignments = columns.Select(i => $"{_spec.ValueColumns[i]} = @v{i}").Concat(_spec.HasLineage
            ? ["batch_id = @lb", "source_file_id = @lf", "source_line = @ll"] : Array.Empty<string>());
        var keyWhere = string.Join(" AND ", _spec.KeyColumns.Select((c, i) => $"{c} = @k{i}"));
        update = Command(_connection, _transaction, $"UPDATE {_spec.Table} SET {string.Join(", ", assignments)} WHERE {keyWhere}", 0, "");
        foreach (var i in columns) AddParameter(update, $"@v{i}");
        for (var i = 0; i < _spec.KeyColumns.Count; i++) AddParameter(update, $"@k{i}");
        if (_spec.HasLineage)
        {
            AddParameter(update, "@lb").Value = _batchId;
            AddParameter(update, "@lf").Value = _sourceFileId;
            AddParameter(update, "@ll");
        }
        _updates[sets] = update;
        return update;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, int parameters, string prefix)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++) AddParameter(command, $"{prefix}{i}");
        return command;
    }

    private static DbParameter AddParameter(DbCommand command, string name)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = DBNull.Value;
        command.Parameters.Add(p);
        return p;
    }

    public void Dispose()
    {
        _insert.Dispose();
        _select.Dispose();
        foreach (var update in _updates.Values) update.Dispose();
        _decisions?.Dispose();
        _batch.Dispose();
        _ownScope?.Dispose();
    }
}
