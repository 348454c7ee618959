namespace QualityAnalytics.Etl.Loading;

/// <summary>The instant an audit row records (a batch's start and end, a row's change): the clock's time to the whole
/// microsecond, which is what PostgreSQL keeps. SQLite would keep the clock's 100-ns ticks, so the same load gave
/// stamps that differed in their seventh decimal between the engines.</summary>
internal static class AuditTime
{
    public static DateTimeOffset Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
    }
}
