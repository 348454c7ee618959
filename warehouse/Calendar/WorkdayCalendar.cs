using System.Globalization;

namespace QualityAnalytics.Warehouse.Calendar;

/// <summary>One listed day of the official calendar: a holiday day off (not working) or a make-up working day (调休) on a weekend.</summary>
public sealed record CalendarDay(DateOnly Date, bool IsWorkingDay, string? Name);

/// <summary>
/// The official Chinese working-day calendar (policy §7: "3 working days" follow it, 调休 included).
/// Days it lists override the weekday rule (Monday–Friday work); days it does not list follow the rule.
/// The default comes from the embedded china-holidays.csv (State Council notices 2020–2026); a user extends it
/// for later years with <see cref="WithOverrides"/>.
/// </summary>
public sealed class WorkdayCalendar
{
    private const string ResourceSuffix = "Calendar.china-holidays.csv";
    private static readonly Lazy<WorkdayCalendar> DefaultCalendar = new(LoadDefault);

    private readonly Dictionary<DateOnly, CalendarDay> _days;

    private WorkdayCalendar(Dictionary<DateOnly, CalendarDay> days)
    {
        _days = days;
        Overrides = [.. days.Values.OrderBy(d => d.Date)];
        LastOfficialYear = Overrides.Count == 0 ? null : Overrides.Max(d => d.Date.Year);
    }

    /// <summary>A calendar with no listed days: the plain weekday rule.</summary>
    public static WorkdayCalendar WeekdaysOnly { get; } = new([]);

    /// <summary>The official calendar from the embedded china-holidays.csv.</summary>
    public static WorkdayCalendar Default => DefaultCalendar.Value;

    /// <summary>The listed days, ordered by date (what the date dimension stores).</summary>
    public IReadOnlyList<CalendarDay> Overrides { get; }

    /// <summary>The latest year with any listed day; after it only the weekday rule applies (null when nothing is listed).</summary>
    public int? LastOfficialYear { get; }

    /// <summary>A new calendar with these days added; a day listed again replaces the earlier entry (later entries win).</summary>
    public WorkdayCalendar WithOverrides(IEnumerable<CalendarDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var merged = new Dictionary<DateOnly, CalendarDay>(_days);
        foreach (var day in days)
        {
            ArgumentNullException.ThrowIfNull(day, nameof(days));
            merged[day.Date] = day;
        }
        return new WorkdayCalendar(merged);
    }

    public bool IsWorkingDay(DateOnly date) =>
        _days.TryGetValue(date, out var listed) ? listed.IsWorkingDay : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The name of a listed day (e.g. 春节, 春节调休上班), or null for a day the calendar does not list.</summary>
    public string? HolidayName(DateOnly date) => _days.TryGetValue(date, out var listed) ? listed.Name : null;

    /// <summary>
    /// The n-th working day after <paramref name="start"/> (start itself is not counted; it need not be a working day).
    /// 0 returns start; a negative n counts backwards (the n-th working day before start).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var step = workingDays >= 0 ? 1 : -1;
        var remaining = Math.Abs((long)workingDays);
        var date = start;
        while (remaining > 0)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date)) remaining--;
        }
        return date;
    }

    /// <summary>Working days in (from, to]; negative when to is before from (then it counts (to, from]).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date)) count++;
        }
        return count;
    }

    /// <summary>
    /// Reads <c>date,working_day,name</c> rows (date yyyy-MM-dd; working_day 1/0; name optional). Blank lines are skipped.
    /// A bad row throws a <see cref="FormatException"/> naming the source and the line.
    /// </summary>
    public static IReadOnlyList<CalendarDay> ParseCsv(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        var result = new List<CalendarDay>();
        var seen = new Dictionary<DateOnly, int>();
        var lineNumber = 0;
        var headerSeen = false;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = line.Split(',');
            for (var i = 0; i < fields.Length; i++) fields[i] = fields[i].Trim().Trim('\uFEFF').Trim();
            if (!headerSeen)
            {
                headerSeen = true;
                if (fields.Length is < 2 or > 3
                    || !fields[0].Equals("date", StringComparison.OrdinalIgnoreCase)
                    || !fields[1].Equals("working_day", StringComparison.OrdinalIgnoreCase)
                    || (fields.Length == 3 && !fields[2].Equals("name", StringComparison.OrdinalIgnoreCase)))
                {
                    throw Bad(sourceName, lineNumber, $"the header must be 'date,working_day,name', found '{line}'");
                }
                continue;
            }
            if (fields.Length is < 2 or > 3)
                throw Bad(sourceName, lineNumber, $"expected 2 or 3 comma-separated fields (date,working_day,name), found {fields.Length}");
            if (!DateOnly.TryParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw Bad(sourceName, lineNumber, $"date '{fields[0]}' is not a date in the form yyyy-MM-dd");
            var working = fields[1] switch
            {
                "1" => true,
                "0" => false,
                _ => throw Bad(sourceName, lineNumber, $"working_day '{fields[1]}' must be 1 (working day) or 0 (day off)"),
            };
            if (seen.TryGetValue(date, out var earlier))
                throw Bad(sourceName, lineNumber, $"date {fields[0]} is listed twice (first on line {earlier})");
            seen[date] = lineNumber;
            var name = fields.Length == 3 && fields[2].Length > 0 ? fields[2] : null;
            result.Add(new CalendarDay(date, working, name));
        }
        if (!headerSeen) throw Bad(sourceName, 1, "the file is empty; expected the header 'date,working_day,name'");
        return result;
    }

    private static FormatException Bad(string source, int line, string why) =>
        new($"{source}, line {line.ToString(CultureInfo.InvariantCulture)}: {why}.");

    private static WorkdayCalendar LoadDefault()
    {
        var assembly = typeof(WorkdayCalendar).Assembly;
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The embedded resource '*{ResourceSuffix}' is missing from {assembly.GetName().Name}.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return WeekdaysOnly.WithOverrides(ParseCsv(reader, "china-holidays.csv"));
    }
}
