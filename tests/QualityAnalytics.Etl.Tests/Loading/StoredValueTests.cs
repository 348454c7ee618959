using System.Globalization;
using QualityAnalytics.Etl.Loading;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary><see cref="StoredValue.Same"/> is the reload's comparison: it must answer exactly what comparing the two
/// canonical texts answers, for every pair of a stored value (as a reader returns it) and a staged value.</summary>
public sealed class StoredValueTests
{
    private static readonly object?[] Samples =
    [
        null, DBNull.Value,
        0L, 1L, -3L, 20260403L, 96L,
        0, 1, -3, 96,
        true, false,
        0.5, 96.5,
        96.5m, 96.50m, 96m, 0m, -0.5m, 0.0000001m, 79228162514264337593543950335m,
        "96.5", "96.50", "96", "96.0", "0.0", "-0.5", "abc", "", "质量部", "a.b", "1.2.3", "1e3",
        "2026-04-03 14:05:00", "2026-04-03 14:05:00.5", "2026-04-03 14:05", "2026-04-03",
        new DateTime(2026, 4, 3, 14, 5, 0), new DateTime(2026, 4, 3, 14, 5, 0).AddTicks(5_000_000), new DateTime(2026, 4, 3),
        new DateOnly(2026, 4, 3),
    ];

    public static TheoryData<int> Indexes() => new(Enumerable.Range(0, Samples.Length));

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Same_answers_what_comparing_the_canonical_texts_answers(int stored)
    {
        foreach (var value in Samples)
        {
            Assert.True(StoredValue.Canonical(Samples[stored]) == StoredValue.Canonical(value) == StoredValue.Same(Samples[stored], value),
                $"stored {Describe(Samples[stored])}, staged {Describe(value)}");
        }
    }

    [Fact]
    public void Same_agrees_with_the_canonical_texts_on_random_decimals_dates_and_their_stored_texts()
    {
        var random = new Random(20261127);
        for (var i = 0; i < 20_000; i++)
        {
            var d = new decimal(random.Next(), random.Next(3), 0, random.Next(2) == 0, (byte)random.Next(8));
            var at = new DateTime(2020, 1, 1).AddTicks((long)(random.NextDouble() * TimeSpan.TicksPerDay * 3650)).AddTicks(-random.Next(3) * 1234567);
            object?[] stored = [d.ToString(CultureInfo.InvariantCulture), StoredValue.Canonical(d), at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
                at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), (long)random.Next(-5, 5)];
            var whole = new DateTime(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond);
            object?[] staged = [d, d + 0.01m, at, at.AddSeconds(1), whole, whole.AddMinutes(1), random.Next(-5, 5), random.Next(2) == 0];
            foreach (var s in stored)
                foreach (var v in staged)
                    Assert.True(StoredValue.Canonical(s) == StoredValue.Canonical(v) == StoredValue.Same(s, v), $"stored {Describe(s)}, staged {Describe(v)}");
        }
    }

    private static string Describe(object? value) => value is null ? "null" : $"{value.GetType().Name} {Convert.ToString(value, CultureInfo.InvariantCulture)}";
}
