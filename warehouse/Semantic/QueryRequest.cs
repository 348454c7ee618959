namespace QualityAnalytics.Warehouse.Semantic;

/// <summary>A question to the semantic layer: measures × dimensions × filters. Filters hold values per dimension
/// (any of them matches); quarters may also be given as an inclusive range.</summary>
public sealed record QueryRequest
{
    public IReadOnlyList<string> Measures { get; init; } = [];
    public IReadOnlyList<string> Dimensions { get; init; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public string? QuarterFrom { get; init; }
    public string? QuarterTo { get; init; }
    /// <summary>A measure or dimension name, optionally followed by " desc".</summary>
    public string? OrderBy { get; init; }
    public int Limit { get; init; } = 1000;
    /// <summary>The service targets over the quarters asked about (<see cref="Scoring.PolicySet.ServiceTargetsOver"/>),
    /// which the late and overdue measures' labels name (<see cref="MeasureLabels"/>); null leaves them neutral.</summary>
    public IReadOnlyList<Scoring.TargetSpan>? ServiceTargets { get; init; }
}

/// <summary>The answer: column names (dimensions first, then measures) and rows of values.</summary>
public sealed record QueryResult(IReadOnlyList<QueryColumn> Columns, IReadOnlyList<object?[]> Rows);

/// <param name="NoteZh">What the label leaves out, for a tooltip: a late count's deadlines when the quarters differ.</param>
public sealed record QueryColumn(string Name, string Role, string LabelZh, string LabelEn, string? Format, string? NoteZh = null, string? NoteEn = null);

/// <summary>Which departments a user may see. Applied by the query layer to every query, not by the pages.</summary>
public sealed record RowScope(bool AllDepartments, IReadOnlySet<string> Departments)
{
    public static readonly RowScope Everything = new(true, new HashSet<string>());

    public static RowScope Only(params string[] departments) => new(false, new HashSet<string>(departments, StringComparer.OrdinalIgnoreCase));

    public bool Allows(string departmentCode) => AllDepartments || Departments.Contains(departmentCode);
}

/// <summary>A request the whitelist refuses. The message says in English what is allowed (for logs and scripts); the
/// reason and its arguments (the refused value first, then what is allowed) let the dashboard say it in the page's
/// language.</summary>
public sealed class QueryRejectedException(QueryRejection reason, string message, params string[] arguments) : Exception(message)
{
    public QueryRejection Reason { get; } = reason;

    public IReadOnlyList<string> Arguments { get; } = arguments;
}

public enum QueryRejection
{
    NotAQuarter,
    NotAMonth,
    NoMeasure,
    UnknownMeasure,
    MeasuresFromDifferentMarts,
    DimensionNotInMart,
    UnknownDimension,
    OrderNotRequested,
    UnknownRowKind,
    SortNotAllowed,
    FilterNotAllowed,
    CountNotAllowed,
    NoMatrixRows,
    MatrixDimensionTwice,
    UnknownComparison,
    UnknownShare,
}
