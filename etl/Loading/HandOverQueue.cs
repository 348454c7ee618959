namespace QualityAnalytics.Etl.Loading;

/// <summary>The bounded queue between the staging thread (one producer) and the writing thread (one consumer) of
/// <see cref="StagingPipeline"/>. Unlike <c>BlockingCollection</c>, which wakes a producer waiting for room at every
/// take, a producer that found the queue full is woken only once the queue has drained to <paramref name="lowWater"/>:
/// it then refills several slots per wake instead of one, and the writing thread, the one that bounds a load, makes a
/// wake-up call (a system call) every few chunks instead of at every chunk (docs/benchmarks.md).</summary>
internal sealed class HandOverQueue<T>(int capacity, int lowWater) where T : class
{
    private readonly Queue<T> _items = new(capacity);
    private readonly object _gate = new();
    private bool _producerWaiting;
    private bool _consumerWaiting;
    private bool _completed;
    private bool _cancelled;

    /// <summary>Adds an item, waiting while the queue is full; throws <see cref="OperationCanceledException"/> once
    /// <see cref="Cancel"/> was called.</summary>
    public void Add(T item)
    {
        lock (_gate)
        {
            while (_items.Count >= capacity && !_cancelled)
            {
                _producerWaiting = true;
                Monitor.Wait(_gate);
            }
            if (_cancelled) throw new OperationCanceledException("the consumer stopped");
            _items.Enqueue(item);
            if (_consumerWaiting)
            {
                _consumerWaiting = false;
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>No more items will be added: the consumer's take returns false once the queue is empty.</summary>
    public void CompleteAdding()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The consumer stops: a producer waiting for room, or adding later, gets <see cref="OperationCanceledException"/>.</summary>
    public void Cancel()
    {
        lock (_gate)
        {
            _cancelled = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The next item in order, waiting while the queue is empty; false once it is empty and complete.</summary>
    public bool TryTake(out T item)
    {
        lock (_gate)
        {
            while (_items.Count == 0)
            {
                if (_completed)
                {
                    item = null!;
                    return false;
                }
                _consumerWaiting = true;
                Monitor.Wait(_gate);
            }
            item = _items.Dequeue();
            if (_producerWaiting && _items.Count <= lowWater)
            {
                _producerWaiting = false;
                Monitor.PulseAll(_gate);
            }
            return true;
        }
    }
}
