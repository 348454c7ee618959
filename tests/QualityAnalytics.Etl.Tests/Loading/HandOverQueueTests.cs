using QualityAnalytics.Etl.Loading;

namespace QualityAnalytics.Etl.Tests.Loading;

public sealed class HandOverQueueTests
{
    [Fact]
    public void Every_item_arrives_once_and_in_order_between_two_threads()
    {
        var queue = new HandOverQueue<string>(capacity: 4, lowWater: 1);
        var producer = new Thread(() =>
        {
            for (var i = 0; i < 100_000; i++) queue.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            queue.CompleteAdding();
        });
        producer.Start();
        var expected = 0;
        while (queue.TryTake(out var item)) Assert.Equal(expected++.ToString(System.Globalization.CultureInfo.InvariantCulture), item);
        producer.Join();
        Assert.Equal(100_000, expected);
    }

    [Fact]
    public void A_producer_that_found_the_queue_full_is_let_in_only_once_it_has_drained_to_the_low_water_mark()
    {
        var queue = new HandOverQueue<string>(capacity: 4, lowWater: 1);
        foreach (var item in new[] { "a", "b", "c", "d" }) queue.Add(item);
        using var added = new ManualResetEventSlim();
        var producer = new Thread(() =>
        {
            queue.Add("e");
            added.Set();
        });
        producer.Start();
        WaitUntilBlocked(producer);

        Assert.True(queue.TryTake(out var first) && first == "a");
        Assert.True(queue.TryTake(out var second) && second == "b");
        Assert.False(added.Wait(300), "the producer was let in with two items still queued (above the low-water mark)");
        Assert.True(queue.TryTake(out var third) && third == "c");
        Assert.True(added.Wait(TimeSpan.FromSeconds(30)), "the producer was not let in at the low-water mark");
        producer.Join();
        queue.CompleteAdding();
        Assert.Equal(["d", "e"], Drain(queue));
    }

    [Fact]
    public void Cancelling_releases_a_producer_waiting_for_room_with_OperationCanceledException()
    {
        var queue = new HandOverQueue<string>(capacity: 1, lowWater: 0);
        queue.Add("a");
        Exception? thrown = null;
        var producer = new Thread(() => thrown = Record.Exception(() => queue.Add("b")));
        producer.Start();
        WaitUntilBlocked(producer);

        queue.Cancel();

        Assert.True(producer.Join(TimeSpan.FromSeconds(30)));
        Assert.IsType<OperationCanceledException>(thrown);
        Assert.Throws<OperationCanceledException>(() => queue.Add("c"));
    }

    [Fact]
    public void A_consumer_waiting_on_an_empty_queue_gets_false_once_adding_is_complete()
    {
        var queue = new HandOverQueue<string>(capacity: 2, lowWater: 0);
        var result = true;
        var consumer = new Thread(() => result = queue.TryTake(out _));
        consumer.Start();
        WaitUntilBlocked(consumer);

        queue.CompleteAdding();

        Assert.True(consumer.Join(TimeSpan.FromSeconds(30)));
        Assert.False(result);
    }

    /// <summary>Until the thread waits (for room or for an item): what the test is about happens to a waiting thread.</summary>
    private static void WaitUntilBlocked(Thread thread)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((thread.ThreadState & ThreadState.WaitSleepJoin) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the thread never waited");
            Thread.Sleep(1);
        }
    }

    private static List<string> Drain(HandOverQueue<string> queue)
    {
        var items = new List<string>();
        while (queue.TryTake(out var item)) items.Add(item);
        return items;
    }
}
