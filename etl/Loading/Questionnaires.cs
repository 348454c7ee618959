using System.Data.Common;
using System.Globalization;
using QualityAnalytics.Etl.Reading;
using QualityAnalytics.Etl.Staging;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Etl.Loading;

/// <summary>The contract's "a questionnaire is all rows sharing a response_id": its rows must agree on department,
/// quarter and customer. A row that does not is quarantined, naming what the questionnaire said first — its answers
/// stored earlier, else its first row that loaded from this file — instead of being scored as a partial questionnaire
/// in two places. Stored answers whose questions this source sends again are left out of the comparison, so a file that
/// re-sends a whole questionnaire with a corrected department (or quarter, or customer) still corrects it; one that
/// re-sends only some of its answers that way would split it, and is refused. So the questions each response_id
/// carries must be known before its first row is judged: the one reading of the source gathers them while it spools the
/// rows (<see cref="SpooledSource"/>), and staging reads <see cref="Rows"/>, the spool, not the file a second time. Not
/// judged as the rows stream by: the first row of a questionnaire could only be judged after its last, and holding the
/// undecided rows back would write them out of file order (the second of two equal keys is the one quarantined). The
/// stored answers are read once per response_id, on the writing thread.</summary>
internal sealed class Questionnaires : IDisposable
{
    private sealed record Said(string Department, Quarter Quarter, string Customer, int? Line);

    private readonly ReferenceResolver _refs;
    private readonly Dictionary<string, HashSet<string>> _questionsSent;
    private readonly Dictionary<string, Said?> _said = new(StringComparer.Ordinal);
    private readonly DbCommand _stored;
    private readonly int _departmentAt;
    private readonly string _shareRule;

    private Questionnaires(DbConnection connection, DbTransaction transaction, ReferenceResolver refs, Dictionary<string, HashSet<string>> questionsSent,
        HeaderMatch match, SpooledSource rows)
    {
        _refs = refs;
        Rows = rows;
        // The columns as this file heads them (问卷编号, 部门编码…), so the sender finds what the rule names.
        _shareRule = $"the rows of a {match.HeaderOf("response_id")} must share {match.HeaderOf("department")}, {match.HeaderOf("quarter")} and {match.HeaderOf("customer")}";
        _questionsSent = questionsSent;
        _departmentAt = FactTables.SurveyAnswer.KeyColumns.Count + FactTables.SurveyAnswer.ValueColumns.ToList().IndexOf("department_key");
        _stored = connection.CreateCommand();
        _stored.Transaction = transaction;
        _stored.CommandText = "SELECT a.question, d.code, a.quarter_key, c.name FROM fact_survey_answer a " +
                              "JOIN dim_department d ON d.department_key = a.department_key LEFT JOIN dim_customer c ON c.customer_key = a.customer_key " +
                              "WHERE a.response_id = @r ORDER BY a.id";
        var r = _stored.CreateParameter();
        r.ParameterName = "@r";
        r.DbType = System.Data.DbType.String;
        _stored.Parameters.Add(r);
    }

    /// <summary>The source's rows as its one reading read them: what staging reads.</summary>
    public ITabularSource Rows { get; }

    /// <summary>For a surveys source: reads its raw rows, once, for the questions each response_id carries, and keeps
    /// them for staging (<see cref="Rows"/>).</summary>
    public static Questionnaires Read(DbConnection connection, DbTransaction transaction, ReferenceResolver refs, ITabularSource source, HeaderMatch match)
    {
        var sent = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var idAt = match.Columns["response_id"];
        var questionAt = match.Columns["question"];
        var rows = SpooledSource.Spool(source, raw =>
        {
            if (idAt >= raw.Cells.Count || questionAt >= raw.Cells.Count) return;
            var id = CellText.Trimmed(raw.Cells[idAt]);
            if (id.Length == 0) return;
            if (!sent.TryGetValue(id, out var questions)) sent[id] = questions = new HashSet<string>(StringComparer.Ordinal);
            questions.Add(CellText.Trimmed(raw.Cells[questionAt]));
        });
        try
        {
            return new Questionnaires(connection, transaction, refs, sent, match, rows);
        }
        catch
        {
            rows.Dispose();
            throw;
        }
    }

    /// <summary>Whether a prepared answer agrees with its questionnaire; when not, the reasons are in
    /// <paramref name="errors"/>. The first answer of a response_id that loads from this file sets what the later ones
    /// must say, unless answers stored earlier (of questions this file does not send again) already do.</summary>
    public bool Agrees(StagedSurveyAnswer answer, object?[] values, List<RowError> errors)
    {
        var department = _refs.DepartmentCode((int)values[_departmentAt]!);
        if (!_said.TryGetValue(answer.ResponseId, out var said)) _said[answer.ResponseId] = said = Stored(answer.ResponseId);
        if (said is null)
        {
            _said[answer.ResponseId] = new Said(department, answer.Quarter, answer.Customer, answer.Line);
            return true;
        }
        var before = errors.Count;
        if (!string.Equals(department, said.Department, StringComparison.OrdinalIgnoreCase))
            errors.Add(new RowError("department", answer.Department, Differs(answer.ResponseId, said, said.Department)));
        if (answer.Quarter != said.Quarter)
            errors.Add(new RowError("quarter", answer.Quarter.ToString(), Differs(answer.ResponseId, said, said.Quarter.ToString())));
        if (!string.Equals(answer.Customer, said.Customer, StringComparison.Ordinal))
            errors.Add(new RowError("customer", answer.Customer, Differs(answer.ResponseId, said, said.Customer)));
        return errors.Count == before;
    }

    private string Differs(string responseId, Said said, string value) => said.Line is { } line
        ? $"differs from the first row of questionnaire {responseId} (line {line.ToString(CultureInfo.InvariantCulture)}: {value}); {_shareRule}"
        : $"differs from questionnaire {responseId} as already loaded ({value}); {_shareRule}";

    /// <summary>What the answers stored under the response_id say (the earliest of them), leaving out those of questions
    /// this source sends again; null when none remain.</summary>
    private Said? Stored(string responseId)
    {
        var resent = _questionsSent.GetValueOrDefault(responseId);
        _stored.Parameters[0].Value = responseId;
        using var r = _stored.ExecuteReader();
        while (r.Read())
        {
            if (resent is not null && resent.Contains(r.GetString(0))) continue;
            return new Said(r.GetString(1), Quarter.FromKey(Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture)),
                r.IsDBNull(3) ? "" : r.GetString(3), null);
        }
        return null;
    }

    public void Dispose()
    {
        _stored.Dispose();
        Rows.Dispose();
    }
}
