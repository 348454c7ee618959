using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using QualityAnalytics.Etl.Reading;
using QualityAnalytics.Etl.Staging;
using QualityAnalytics.Etl.Staging.Mappers;

namespace QualityAnalytics.Etl.Loading;

/// <summary>One row read and staged: the staged row, or null with the row's errors. <paramref name="Prepared"/>: the
/// row's values were prepared too (<see cref="FactRowWriter.Prepare"/>): <paramref name="Values"/>, or null with the
/// reasons in <paramref name="Errors"/>. <paramref name="Encoded"/>: the values encoded for the writer's fast path, where
/// it takes them (<see cref="SqliteRowEncoding"/>; valid until the caller has written the row:
/// <see cref="StagingPipeline.ReleaseWritten"/>). <paramref name="Key"/>: the prepared row's natural key, where the
/// writer checks keys (<see cref="PendingRows"/>). <paramref name="Warnings"/>: what the row loads with a warning
/// (<see cref="RowReader.Warnings"/>), null when nothing.</summary>
internal readonly record struct StagedItem(RawRow Raw, StagedRow? Staged, IReadOnlyList<RowError> Errors, bool Prepared = false, object?[]? Values = null,
    EncodedRow Encoded = default, RowKey? Key = null, IReadOnlyList<RowError>? Warnings = null);

/// <summary>Reads and stages a source's rows on a worker thread while the caller writes the rows before them. Reading,
/// staging (CSV or XLSX parsing, every rule of the contract) and, for facts, preparing the values (the department
/// version on the date, the calendar: <see cref="FactRowWriter.Prepare"/>) touch no database and nothing the writer
/// changes, and on a large file they cost about as much as the writing does; on two cores the two overlap.
/// Rows reach the caller in file order, in chunks through a bounded queue (<see cref="HandOverQueue{T}"/>), so at most
/// <see cref="ChunkRows"/> × (<see cref="QueuedChunks"/> + 2) rows are in flight: memory does not grow with the file.
/// The chunks are reused: once the caller has written the rows of the chunks it has gone through
/// (<see cref="ReleaseWritten"/>), those chunks, with the pinned buffers that hold their rows' encodings
/// (<see cref="EncodedChunkBuffers"/>), go back to the worker to be filled again, so a load allocates neither an array
/// per chunk nor one per encoded row, and the writer binds each encoding where the worker wrote it.
/// A failure while reading (a malformed quote halfway down: <see cref="FileRejectedException"/>) reaches the caller
/// after the rows before it, as it would have without the thread. Disposing stops the worker and waits for it, so
/// the source is never read after the caller is done with it (a fault while writing, a rejected file).</summary>
internal sealed class StagingPipeline : IDisposable
{
    public const int ChunkRows = 64;
    public const int QueuedChunks = 4;

    /// <summary>How much lower than the caller's the worker's scheduling priority is (its nice value, Linux).</summary>
    public const int WorkerNice = 5;

    /// <summary>Rows handed over together, and the pinned memory of their encodings.</summary>
    private sealed class Chunk
    {
        public readonly StagedItem[] Items = new StagedItem[ChunkRows];
        public int Count;
        public readonly EncodedChunkBuffers Encodings = new();
    }

    private readonly HandOverQueue<Chunk> _chunks = new(QueuedChunks, lowWater: 1);
    // Chunks the caller has released, for the worker to fill again; chunks the caller has gone through, not yet released.
    private readonly ConcurrentQueue<Chunk> _free = new();
    private readonly List<Chunk> _consumed = [];
    private volatile bool _stopped;
    private readonly Thread _worker;
    private ExceptionDispatchInfo? _failure;
    private int _staged;
    private int _chunksMade;

    /// <param name="prepare">Also prepares each staged row's values on the worker (<see cref="FactRowWriter.Prepare"/>);
    /// null leaves that to the caller.</param>
    /// <param name="encodable">Also encodes the prepared values for the writer's fast path on the worker, where this
    /// says the row is ready for it (<see cref="FactRowWriter.IsComplete"/>); null where the writer does not take them.</param>
    /// <param name="keyColumns">Also makes each prepared row's natural key (its first values) on the worker
    /// (<see cref="RowKey"/>); 0 where the writer checks no keys.</param>
    public StagingPipeline(ITabularSource source, HeaderMatch match, IStagingMapper mapper, Func<StagedRow, List<RowError>, object?[]?>? prepare = null,
        Func<StagedRow, object?[], bool>? encodable = null, int keyColumns = 0)
    {
        // The worker formats and parses exactly as the caller's thread would.
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        _worker = new Thread(() =>
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
            // The writer is the bound: it alone may write, and on two cores it shares them with this thread, the JIT's
            // and the collector's. This thread stages ahead of it with time to spare (the queue is full most of the
            // time), so when the scheduler must choose, it should choose the writer: nice 5 (a third of its weight).
            // Alternating 1M loads: 3.65 s mean against 3.79 (8 of 10 faster; docs/benchmarks.md, "Eighteenth session").
            WorkerPriority.Lower(WorkerNice);
            Produce(source, match, mapper, prepare, encodable, keyColumns);
        })
        {
            IsBackground = true,
            Name = "qa staging",
        };
        _worker.Start();
    }

    // Per row of a bulk load: compiled optimized at the first call, not after a tier-up (docs/benchmarks.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Produce(ITabularSource source, HeaderMatch match, IStagingMapper mapper, Func<StagedRow, List<RowError>, object?[]?>? prepare,
        Func<StagedRow, object?[], bool>? encodable, int keyColumns)
    {
        var chunk = EmptyChunk();
        var errors = new List<RowError>();
        var serialDates = source.NumbersMayBeDates;
        try
        {
            RowReader? row = null;
            foreach (var raw in source.ReadRows())
            {
                if (chunk.Count == 0 && _stopped) throw new OperationCanceledException("the caller stopped");
                var label = TotalsRow.LabelAt(raw.Cells);
                if (label >= 0)
                {
                    // Quarantined with the one reason that says what it is (see TotalsRow), not as a record missing its values.
                    var column = TotalsRow.Column(match, source.Header, label, workbook: source.Sheet is not null);
                    chunk.Items[chunk.Count++] = new StagedItem(raw, null, [new RowError(column, raw.Cells[label], TotalsRow.Reason(raw.Cells[label]))]);
                }
                else
                {
                    if (row is null) row = new RowReader(match, raw.Cells, serialDates, workbook: source.Sheet is not null, raw.Flaws);
                    else row.MoveTo(raw.Cells, raw.Flaws);
                    var staged = mapper.Stage(row, raw.Line);
                    if (staged is null || prepare is null) chunk.Items[chunk.Count++] = new StagedItem(raw, staged, row.Errors, Warnings: row.Warnings);
                    else
                    {
                        errors.Clear();
                        var values = prepare(staged, errors);
                        var encoded = values is not null && encodable is not null && encodable(staged, values) && SqliteRowEncoding.TryEncode(values, out var entries)
                            ? chunk.Encodings.Append(entries)
                            : default;
                        RowKey? key = values is null || keyColumns == 0 ? null : RowKey.Of(values, keyColumns);
                        chunk.Items[chunk.Count++] = new StagedItem(raw, staged, errors.Count == 0 ? [] : [.. errors], Prepared: true, values, encoded, key, row.Warnings);
                    }
                }
                _staged++;
                if (chunk.Count == ChunkRows)
                {
                    HandOver(chunk);
                    chunk = EmptyChunk();
                }
            }
            HandOver(chunk);
        }
        catch (OperationCanceledException) when (_stopped)
        {
            // The caller stopped listening (it failed or finished early): nothing more to hand over.
        }
        catch (Exception ex)
        {
            _failure = ExceptionDispatchInfo.Capture(ex);
            try
            {
                HandOver(chunk); // the rows read before the failure still reach the caller first
            }
            catch (OperationCanceledException) when (_stopped)
            {
            }
        }
        finally
        {
            _chunks.CompleteAdding();
        }
    }

    private void HandOver(Chunk chunk)
    {
        if (chunk.Count > 0) _chunks.Add(chunk);
    }

    /// <summary>A released chunk to fill again, or a new one.</summary>
    private Chunk EmptyChunk()
    {
        if (!_free.TryDequeue(out var chunk))
        {
            _chunksMade++;
            return new Chunk();
        }
        chunk.Encodings.Reset();
        return chunk;
    }

    /// <summary>The source's rows, staged, in file order; then the reading's failure, if any, rethrown as it was.</summary>
    public IEnumerable<StagedItem> Rows()
    {
        while (_chunks.TryTake(out var chunk))
        {
            for (var i = 0; i < chunk.Count; i++) yield return chunk.Items[i];
            // Asked for the next row: the caller is done with this chunk's last one, though not necessarily has it written it.
            _consumed.Add(chunk);
        }
        // CompleteAdding happens after _failure is set, and the enumeration above ends only after CompleteAdding.
        _failure?.Throw();
    }

    /// <summary>The caller has written every row <see cref="Rows"/> has given it so far and no longer reads their
    /// <see cref="StagedItem.Encoded"/> (<see cref="PendingRows"/> calls this once it has flushed): the chunks the
    /// enumeration has gone through go back to the worker, which will write over their rows and encodings. Call it on
    /// the thread that enumerates <see cref="Rows"/>.</summary>
    public void ReleaseWritten()
    {
        foreach (var chunk in _consumed)
        {
            Array.Clear(chunk.Items, 0, chunk.Count); // nothing of the written rows stays reachable through it
            chunk.Count = 0;
            _free.Enqueue(chunk);
        }
        _consumed.Clear();
    }

    /// <summary>Rows the worker has staged so far (read it after <see cref="Dispose"/> for the final figure).</summary>
    internal int StagedCount => Volatile.Read(ref _staged);

    /// <summary>Chunks the worker has made so far; the others it filled were released ones (read it after <see cref="Dispose"/>).</summary>
    internal int ChunksMade => Volatile.Read(ref _chunksMade);

    /// <summary>Whether the worker thread has ended.</summary>
    internal bool WorkerEnded => !_worker.IsAlive;

    public void Dispose()
    {
        _stopped = true;
        _chunks.Cancel();
        _worker.Join();
    }
}
