using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using QualityAnalytics.Etl.Staging;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Contract;

namespace QualityAnalytics.Etl.Loading;

/// <summary>Resolves a staged row's references (department version on the fact's date, question, customer, category)
/// and writes it through the table's prepared upsert. A reference that does not resolve is a row error, not an exception.</summary>
internal sealed class FactRowWriter : IDisposable
{
    private readonly ReferenceResolver _refs;
    private readonly AuditWriter _audit;
    private readonly UpsertCommand? _upsert;
    private readonly DepartmentWriter? _departments;
    private readonly PreparedExistsLookup? _checkExists;
    private readonly DbCommand? _highestAnswer;

    /// <param name="scope">The file the source belongs to (<see cref="FileScope"/>: a key repeated anywhere in the file is a
    /// duplicate); null when the source is the whole file.</param>
    /// <param name="header">The source's header: a stored row keeps the values of optional columns it lacks
    /// (<see cref="TableSpec.OptionalFields"/>); null: the source carries every column.</param>
    public FactRowWriter(DataKind kind, DbConnection connection, DbTransaction transaction, AuditWriter audit, long batchId, long sourceFileId,
        DateOnly today, ReferenceResolver refs, FileScope? scope = null, HeaderMatch? header = null)
    {
        _refs = refs;
        _audit = audit;
        var spec = kind switch
        {
            DataKind.Departments => null,
            DataKind.SurveyQuestions => FactTables.Question,
            DataKind.Checks => FactTables.Check,
            DataKind.CheckDeductions => FactTables.CheckDeduction,
            DataKind.Surveys => FactTables.SurveyAnswer,
            DataKind.Complaints => FactTables.Complaint,
            DataKind.Callbacks => FactTables.Callback,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        _upsert = spec is null ? null : new UpsertCommand(connection, transaction, spec, audit, batchId, sourceFileId, scope: scope,
            carried: header is null ? null : spec.Carried(header));
        if (kind == DataKind.Departments)
            _departments = new DepartmentWriter(connection, transaction, audit, batchId, today,
                carriesManager: header?.Columns.ContainsKey("manager") ?? true, carriesParent: header?.Columns.ContainsKey("parent_code") ?? true);
        if (kind == DataKind.SurveyQuestions)
        {
            _highestAnswer = connection.CreateCommand();
            _highestAnswer.Transaction = transaction;
            _highestAnswer.CommandText = "SELECT response_id, score FROM fact_survey_answer WHERE question_key = @k " +
                                         "ORDER BY CAST(score AS DOUBLE PRECISION) DESC, response_id LIMIT 1";
            var k = _highestAnswer.CreateParameter();
            k.ParameterName = "@k";
            k.DbType = System.Data.DbType.Int32;
            _highestAnswer.Parameters.Add(k);
        }
        if (kind == DataKind.CheckDeductions)
        {
            _checkExists = new PreparedExistsLookup(connection, transaction, "SELECT 1 FROM fact_check WHERE check_id = @value");
        }
    }

    /// <summary>The table's upsert, for rows that are buffered and written in batches; null for departments.</summary>
    public UpsertCommand? Upsert => _upsert;

    /// <summary>After a departments source's rows: warns of parents that name no department (<see cref="DepartmentWriter.WarnUnknownParents"/>).</summary>
    public void Finish() => _departments?.WarnUnknownParents();

    /// <summary>Resolves and writes one row at once.</summary>
    public UpsertOutcome Write(StagedRow row, List<RowError> errors) => row switch
    {
        StagedDepartment d => _departments!.Write(d),
        _ => Values(row, errors) is { } values ? _upsert!.Write(values, row.Line) : default,
    };

    /// <summary>Resolves a row's references: the values to write (key columns then value columns, in the table spec's
    /// order), or null with the reasons in <paramref name="errors"/>.</summary>
    public object?[]? Values(StagedRow row, List<RowError> errors) => row switch
    {
        StagedQuestion q => QuestionValues(q, errors),
        StagedCheckDeduction d => DeductionValues(d),
        _ => Prepare(row, errors) is { } values ? Completed(row, values) : null,
    };

    private object?[] Completed(StagedRow row, object?[] values)
    {
        Complete(row, values);
        return values;
    }

    /// <summary>Whether rows of this kind can be <see cref="Prepare"/>d on the staging thread: their references need
    /// no database (check deductions look up their check; questions are written at once).</summary>
    public static bool CanPrepare(DataKind kind) => kind is DataKind.Checks or DataKind.Surveys or DataKind.Complaints or DataKind.Callbacks;

    /// <summary>Everything of <see cref="Values"/> that reads only what this file cannot change (department versions,
    /// questions, the calendar), so it may run on the staging thread ahead of the writing: the values, or null with the
    /// reasons in <paramref name="errors"/>. Customers and categories already known are keys; a name not yet known stays
    /// a name, and <see cref="Complete"/>, on the writing thread, turns it into a key (creating the customer or
    /// category as it first appears). Only for the kinds of <see cref="CanPrepare"/>.</summary>
    // Per row of a bulk load: compiled optimized at the first call, not after a tier-up (docs/benchmarks.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public object?[]? Prepare(StagedRow row, List<RowError> errors) => row switch
    {
        StagedCheck c => CheckValues(c, errors),
        StagedSurveyAnswer a => AnswerValues(a, errors),
        StagedComplaint c => ComplaintValues(c, errors),
        StagedCallback c => CallbackValues(c, errors),
        _ => throw new ArgumentOutOfRangeException(nameof(row)),
    };

    /// <summary>The customer and category names a prepared row still holds, turned into their keys, in place. Writing
    /// thread only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Complete(StagedRow row, object?[] values)
    {
        switch (row)
        {
            case StagedSurveyAnswer:
                if (values[AnswerCustomer] is string respondent) values[AnswerCustomer] = _refs.CustomerKey(respondent);
                break;
            case StagedComplaint:
                if (values[ComplaintCustomer] is string customer) values[ComplaintCustomer] = _refs.CustomerKey(customer);
                if (values[ComplaintCategory] is string category) values[ComplaintCategory] = _refs.CategoryKey(category);
                break;
            case StagedCallback:
                if (values[CallbackCustomer] is string name) values[CallbackCustomer] = _refs.CustomerKey(name);
                break;
        }
    }

    /// <summary>Whether a prepared row's values are final, so the staging thread may encode them for SQLite's fast
    /// path (<see cref="SqliteRowEncoding"/>): false when the row still holds a name that only <see cref="Complete"/> can
    /// turn into a key (a customer or category first seen in this load), so that a row with an encoding is complete and
    /// the writing thread need not look at it again.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsComplete(StagedRow row, object?[] values) => row switch
    {
        StagedSurveyAnswer => values[AnswerCustomer] is not string,
        StagedComplaint => values[ComplaintCustomer] is not string && values[ComplaintCategory] is not string,
        StagedCallback => values[CallbackCustomer] is not string,
        _ => true,
    };

    // Where the names wait in a prepared row (positions in the table spec's key + value columns).
    private const int AnswerCustomer = 5;
    private const int ComplaintCustomer = 7;
    private const int ComplaintCategory = 8;
    private const int CallbackCustomer = 6;

    private object?[]? CheckValues(StagedCheck c, List<RowError> errors)
    {
        var department = Department(c.Department, c.Month, errors);
        InCalendar("month", c.Month, errors);
        if (c.CheckedOn is { } on) InCalendar("checked_on", on, errors);
        if (errors.Count > 0) return null;
        return [c.CheckId, Boxed.Int(department), Boxed.DateKey(c.Month), Boxed.QuarterKey(Quarter.Of(c.Month)), c.Kind, c.Score, c.Inspector,
            c.CheckedOn is { } d ? Boxed.DateKey(d) : null, c.Note];
    }

    /// <summary>A question's values, unless it lowers the question's 满分 below an answer already loaded: that answer
    /// would then fail the contract's "an answer within 0..scale of its question" (and <c>qa verify</c>), so the
    /// question row is quarantined, naming the highest stored answer, and the question keeps its scale; the answers
    /// stay as they are. Asked only when a file lowers a stored scale (questions are a handful of rows).</summary>
    private object?[]? QuestionValues(StagedQuestion q, List<RowError> errors)
    {
        if (_refs.Question(q.Question) is { } stored && q.Scale < stored.Scale)
        {
            _highestAnswer!.Parameters[0].Value = stored.Key;
            using var r = _highestAnswer.ExecuteReader();
            if (r.Read() && Convert.ToDecimal(r.GetValue(1), CultureInfo.InvariantCulture) is var highest && highest > q.Scale)
            {
                var scale = Number(q.Scale);
                errors.Add(new RowError("scale", scale,
                    $"scale {scale} of question {q.Question} is below an answer already loaded ({Number(highest)}, response {r.GetString(0)}); " +
                    $"the question keeps its scale of {Number(stored.Scale)}"));
                return null;
            }
        }
        return [q.Question, q.Text, q.Weight, q.Scale];
    }

    private static string Number(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    private object?[] DeductionValues(StagedCheckDeduction d)
    {
        // The contract does not require the check first: deductions often arrive in the working group's workbook before
        // or after the departments' self-check files. Kept, with a warning; the score test runs when the check arrives.
        // (fact_check is not the table this writer buffers: a file's deductions never wait for their own batch here.)
        if (!_checkExists!.Exists(d.CheckId))
            _audit.Warn(d.Line, "check_id", d.CheckId, $"no check with this {_audit.HeaderOf("check_id")} yet; the deduction is kept and compared with the check's score when it arrives");
        return [d.CheckId, d.Item, d.Points, d.Note];
    }

    private object?[]? AnswerValues(StagedSurveyAnswer a, List<RowError> errors)
    {
        var department = Department(a.Department, a.Quarter.FirstDay, errors);
        InCalendar("quarter", a.Quarter.FirstDay, errors);
        if (a.SubmittedOn is { } s) InCalendar("submitted_on", s, errors);
        var question = _refs.Question(a.Question);
        if (question is null) errors.Add(new RowError("question", a.Question, "unknown survey question (not in the warehouse or this load)"));
        else if (a.Score > question.Value.Scale) errors.Add(new RowError("score", a.Score.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"must be between 0 and {question.Value.Scale.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture)} (the scale of question {a.Question})"));
        if (errors.Count > 0) return null;
        return [a.ResponseId, a.Question, Boxed.Int(question!.Value.Key), Boxed.Int(department), Boxed.QuarterKey(a.Quarter), _refs.KnownCustomerOrName(a.Customer), a.Score,
            a.SubmittedOn is { } d ? Boxed.DateKey(d) : null, Boxed.Bool(a.Excluded), a.ExcludedBy, a.ExcludedReason, a.Note];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private object?[]? ComplaintValues(StagedComplaint c, List<RowError> errors)
    {
        var date = DateOnly.FromDateTime(c.ReceivedAt);
        var department = Department(c.Department, date, errors);
        InCalendar("received_at", date, errors);
        if (errors.Count > 0) return null;
        return [c.ComplaintId, Boxed.Int(department), c.ReceivedAt, Boxed.DateKey(date), Boxed.QuarterKey(Quarter.Of(date)), Boxed.Int(c.ChannelKey), Boxed.Bool(c.Valid),
            c.Customer is null ? null : _refs.KnownCustomerOrName(c.Customer), c.Category is null ? null : _refs.KnownCategoryOrName(c.Category), c.Description,
            c.RepliedAt, c.ResolvedAt, c.DirectDeduction, c.Handler, c.Satisfaction];
    }

    private object?[]? CallbackValues(StagedCallback c, List<RowError> errors)
    {
        var department = Department(c.Department, c.CalledOn, errors);
        InCalendar("called_on", c.CalledOn, errors);
        if (errors.Count > 0) return null;
        return [c.CallbackId, Boxed.Int(department), Boxed.DateKey(c.CalledOn), Boxed.QuarterKey(Quarter.Of(c.CalledOn)), c.Finding, c.Deduction,
            c.Customer is null ? null : _refs.KnownCustomerOrName(c.Customer), c.Note];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Department(string codeOrName, DateOnly date, List<RowError> errors)
    {
        var key = _refs.Department(codeOrName, date);
        if (key is null) errors.Add(DepartmentNotFound(codeOrName));
        return key ?? 0;
    }

    private RowError DepartmentNotFound(string codeOrName)
    {
        if (_refs.AmbiguousCodes(codeOrName) is { } codes)
            return new RowError("department", codeOrName, $"ambiguous department name: the current name of {string.Join(", ", codes)}; give the department's code");
        return new RowError("department", codeOrName, "unknown department (neither a code nor a current name in the warehouse or this load)");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InCalendar(string column, DateOnly date, List<RowError> errors)
    {
        if (!DateKeys.InRange(date))
            errors.Add(new RowError(column, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                $"is outside the warehouse calendar ({DateKeys.First:yyyy-MM-dd} to {DateKeys.Last:yyyy-MM-dd})"));
    }

    public void Dispose()
    {
        _upsert?.Dispose();
        _checkExists?.Dispose();
        _highestAnswer?.Dispose();
    }
}
