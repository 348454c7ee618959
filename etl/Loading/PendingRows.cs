using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using QualityAnalytics.Etl.Reading;
using QualityAnalytics.Etl.Staging;

namespace QualityAnalytics.Etl.Loading;

/// <summary>The rows of one source between staging and writing: a fixed number of slots (memory does not grow with
/// the file). Rows ready to write are sent as one multi-row batch once <see cref="UpsertCommand.BatchSize"/> of them
/// with distinct keys are waiting; a key repeated within the buffer is held back and written after its first
/// occurrence, one by one, so that it is found as a duplicate exactly as before. Every row then completes in input
/// order (counts, quarantine, observer), so audit rows keep the file's order and a fault mid-file still rolls the
/// whole file back. <see cref="Flush"/> before anything reads the table and before the file's commit.</summary>
internal sealed class PendingRows
{
    public delegate void RowCompleted(RawRow raw, int readSoFar, bool staged, UpsertOutcome outcome, List<RowError> errors, IReadOnlyList<RowError>? warnings);

    private sealed class Slot
    {
        public RawRow Raw = null!;
        public int ReadSoFar;
        public bool Staged;
        public IReadOnlyList<RowError>? Warnings;
        public object?[]? Values;
        public EncodedRow Encoded;
        public bool RepeatsKey;
        public UpsertOutcome Outcome;
        public readonly List<RowError> Errors = [];
    }

    private readonly UpsertCommand? _upsert;
    private readonly RowCompleted _completed;
    private readonly Action? _flushed;
    private readonly Slot[] _slots;
    private readonly object?[][] _batchRows;
    private readonly EncodedRow[] _batchEncoded;
    private bool _anyEncoded;
    private readonly int[] _batchLines;
    private readonly bool[] _inserted;
    private readonly HashSet<RowKey> _keys = new(RowKey.Comparer);
    private readonly int _batchSize;
    private int _count;
    private int _ready;

    /// <param name="upsert">The table's upsert; null for a writer that writes each row at once (departments).</param>
    /// <param name="flushed">Called after each <see cref="Flush"/>, when every row begun so far is written and completed
    /// (<see cref="StagingPipeline.ReleaseWritten"/>: their encodings are no longer read).</param>
    public PendingRows(UpsertCommand? upsert, RowCompleted completed, Action? flushed = null)
    {
        _upsert = upsert;
        _completed = completed;
        _flushed = flushed;
        _batchSize = upsert?.BatchSize ?? 1;
        // Room for rows that are not sent (quarantined, repeated keys) besides a full batch, so a file of bad rows
        // still completes in bounded steps.
        var capacity = upsert is null ? 1 : _batchSize * 4;
        _slots = new Slot[capacity];
        for (var i = 0; i < capacity; i++) _slots[i] = new Slot();
        _batchRows = new object?[]?[_batchSize]!;
        _batchEncoded = new EncodedRow[_batchSize];
        _batchLines = new int[_batchSize];
        _inserted = new bool[_batchSize];
    }

    /// <summary>Starts a row; returns the list its errors go to. <paramref name="warnings"/>: what the row loads with a
    /// warning (staging's), handed to the completion as they are.</summary>
    // Per row of a bulk load: compiled optimized at the first call, not after a tier-up (docs/benchmarks.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<RowError> Begin(RawRow raw, int readSoFar, IReadOnlyList<RowError>? warnings = null)
    {
        var slot = _slots[_count];
        slot.Raw = raw;
        slot.ReadSoFar = readSoFar;
        slot.Warnings = warnings;
        slot.Staged = false;
        slot.Values = null;
        slot.Encoded = default;
        slot.RepeatsKey = false;
        slot.Outcome = default;
        slot.Errors.Clear();
        return slot.Errors;
    }

    /// <summary>The row did not stage (its errors are in the list).</summary>
    public void EndNotStaged() => End();

    /// <summary>The row staged; <paramref name="values"/> are what to write (null when resolving its references failed),
    /// <paramref name="encoded"/> the same values encoded for the provider's fast path, where the staging thread did
    /// that (<see cref="UpsertCommand.TakesEncodedRows"/>; read until the row is written), <paramref name="key"/> the
    /// values' natural key where the staging thread made it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndStaged(object?[]? values, EncodedRow encoded = default, RowKey? key = null)
    {
        var slot = _slots[_count];
        slot.Staged = true;
        slot.Values = values;
        slot.Encoded = values is null ? default : encoded;
        _anyEncoded |= slot.Encoded.Exists;
        if (values is not null && _upsert is not null)
        {
            if (_keys.Add(key ?? RowKey.Of(values, _upsert.Spec.KeyColumns.Count))) _ready++;
            else slot.RepeatsKey = true;
        }
        End();
    }

    /// <summary>The row staged and was written at once, with this outcome.</summary>
    public void EndWritten(UpsertOutcome outcome)
    {
        var slot = _slots[_count];
        slot.Staged = true;
        slot.Outcome = outcome;
        End();
    }

    private void End()
    {
        _count++;
        if (_ready == _batchSize || _count == _slots.Length) Flush();
    }

    /// <summary>Writes the waiting rows and completes every buffered row in input order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Flush()
    {
        if (_count == 0) return;
        var sent = 0;
        if (_upsert is not null)
        {
            for (var i = 0; i < _count; i++)
            {
                var slot = _slots[i];
                if (slot.Values is null || slot.RepeatsKey) continue;
                // Not `_batchRows[sent] = slot.Values`: storing an array into an array of arrays costs a covariance check per
                // row (CastHelpers.StelemRef: an object?[] slot also takes a string[]), ~1 % of the writing thread in a
                // profile. This array is exactly object?[][], made here.
                Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_batchRows), sent) = slot.Values;
                _batchEncoded[sent] = slot.Encoded;
                _batchLines[sent] = slot.Raw.Line;
                sent++;
            }
            if (sent > 0) _upsert.InsertBatch(_batchRows, _anyEncoded ? _batchEncoded : null, _batchLines, sent, _inserted);
        }
        var b = 0;
        var count = _count;
        _count = 0;
        _ready = 0;
        _keys.Clear();
        for (var i = 0; i < count; i++)
        {
            var slot = _slots[i];
            var outcome = slot.Outcome;
            if (slot.Values is { } values)
            {
                if (slot.RepeatsKey) outcome = _upsert!.Write(values, slot.Raw.Line);
                else
                {
                    var index = b++;
                    outcome = _inserted[index] ? UpsertOutcome.Loaded : _upsert!.WriteConflicting(values, slot.Raw.Line, index);
                }
            }
            _completed(slot.Raw, slot.ReadSoFar, slot.Staged, outcome, slot.Errors, slot.Warnings);
            slot.Raw = null!;
            slot.Warnings = null;
            slot.Values = null;
            slot.Encoded = default;
        }
        Array.Clear(_batchRows);
        Array.Clear(_batchEncoded);
        _anyEncoded = false;
        _flushed?.Invoke();
    }
}
