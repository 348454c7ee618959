using System.Globalization;

namespace QualityAnalytics.Warehouse.Model;

/// <summary>A calendar quarter (第五条: the assessment period). Written "2026Q2" everywhere it is stored or printed.</summary>
public readonly record struct Quarter : IComparable<Quarter>
{
    public Quarter(int year, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1900, nameof(year));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999, nameof(year));
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1, nameof(number));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 4, nameof(number));
        Year = year;
        Number = number;
    }

    public int Year { get; }
    public int Number { get; }

    /// <summary>A sortable integer key, e.g. 20262 for 2026Q2.</summary>
    public int Key => Year * 10 + Number;

    public DateOnly FirstDay => new(Year, (Number - 1) * 3 + 1, 1);
    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    public IReadOnlyList<DateOnly> Months => [FirstDay, FirstDay.AddMonths(1), FirstDay.AddMonths(2)];

    public bool Contains(DateOnly date) => date >= FirstDay && date <= LastDay;

    public Quarter Next() => Number == 4 ? new Quarter(Year + 1, 1) : new Quarter(Year, Number + 1);
    public Quarter Previous() => Number == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Number - 1);
    public Quarter SameQuarterLastYear() => new(Year - 1, Number);

    public static Quarter Of(DateOnly date) => new(date.Year, (date.Month - 1) / 3 + 1);

    public static Quarter FromKey(int key) => new(key / 10, key % 10);

    /// <summary>Parses the canonical forms 2026Q2 / 2026-Q2 / 2026q2 (the loader accepts more, see the Etl parsers).</summary>
    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().ToUpperInvariant().Replace("-", "", StringComparison.Ordinal);
        if (t.Length != 6 || t[4] != 'Q') return false;
        if (!int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return false;
        var n = t[5] - '0';
        if (n is < 1 or > 4) return false;
        quarter = new Quarter(year, n);
        return true;
    }

    public static Quarter Parse(string text) =>
        TryParse(text, out var q) ? q : throw new FormatException($"'{text}' is not a quarter such as 2026Q2.");

    public static IEnumerable<Quarter> Range(Quarter from, Quarter to)
    {
        for (var q = from; q.CompareTo(to) <= 0; q = q.Next()) yield return q;
    }

    public int CompareTo(Quarter other) => Key.CompareTo(other.Key);
    public static bool operator <(Quarter a, Quarter b) => a.Key < b.Key;
    public static bool operator >(Quarter a, Quarter b) => a.Key > b.Key;
    public static bool operator <=(Quarter a, Quarter b) => a.Key <= b.Key;
    public static bool operator >=(Quarter a, Quarter b) => a.Key >= b.Key;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Number}");
}
