using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using QualityAnalytics.Etl.Parsing;

namespace QualityAnalytics.Etl.Loading;

/// <summary>The loader's lookups: department versions (by code or current name, valid on a date), survey questions,
/// and the customer and category dimensions (created as new names appear). Read once per file into memory:
/// dimensions are small, facts are never held. The staging thread reads (departments, questions, customers and
/// categories already known) while the writing thread creates customers and categories: only those two maps change
/// during a source, and they are concurrent.</summary>
public sealed class ReferenceResolver : IDisposable
{
    private sealed record DepartmentVersion(int Key, string Code, string Name, DateOnly ValidFrom, DateOnly? ValidTo, bool IsCurrent);

    private readonly Dictionary<string, List<DepartmentVersion>> _byCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _codeByCurrentName = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _codeByKey = [];
    // Current names that more than one department holds, with their codes: such a name identifies none of them.
    private readonly Dictionary<string, SortedSet<string>> _ambiguousNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Key, decimal Scale)> _questions = new(StringComparer.OrdinalIgnoreCase);
    // Keys boxed once: a prepared row holds its key as an object, and a million rows need not box a million of them.
    private readonly ConcurrentDictionary<string, object> _customers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, object> _categories = new(StringComparer.Ordinal);
    private readonly DbCommand _insertCustomer;
    private readonly DbCommand _insertCategory;

    public ReferenceResolver(DbConnection connection, DbTransaction transaction)
    {
        using (var cmd = Command(connection, transaction, "SELECT department_key, code, name, valid_from, valid_to, is_current FROM dim_department"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var v = new DepartmentVersion(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateOnly>(3),
                    r.IsDBNull(4) ? null : r.GetFieldValue<DateOnly>(4), r.GetBoolean(5));
                if (!_byCode.TryGetValue(v.Code, out var list)) _byCode[v.Code] = list = [];
                list.Add(v);
                _codeByKey[v.Key] = v.Code;
                if (v.IsCurrent) AddCurrentName(v.Name, v.Code);
            }
        }
        using (var cmd = Command(connection, transaction, "SELECT question_key, question, scale FROM dim_survey_question"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read()) _questions[r.GetString(1)] = (r.GetInt32(0), Convert.ToDecimal(r.GetValue(2), CultureInfo.InvariantCulture));
        }
        Fill(connection, transaction, "SELECT customer_key, name FROM dim_customer", _customers);
        Fill(connection, transaction, "SELECT category_key, name FROM dim_category", _categories);
        _insertCustomer = Command(connection, transaction, "INSERT INTO dim_customer (name) VALUES (@n) RETURNING customer_key");
        _insertCategory = Command(connection, transaction, "INSERT INTO dim_category (name) VALUES (@n) RETURNING category_key");
        foreach (var c in new[] { _insertCustomer, _insertCategory })
        {
            var p = c.CreateParameter();
            p.ParameterName = "@n";
            c.Parameters.Add(p);
        }
    }

    private void AddCurrentName(string name, string code)
    {
        if (_ambiguousNames.TryGetValue(name, out var codes))
        {
            codes.Add(code);
            return;
        }
        if (!_codeByCurrentName.TryGetValue(name, out var other) || string.Equals(other, code, StringComparison.OrdinalIgnoreCase))
        {
            _codeByCurrentName[name] = code;
            return;
        }
        // Taken out of the names that resolve, so a row naming it misses (and asks AmbiguousCodes) instead of
        // silently going to whichever department was read last.
        _codeByCurrentName.Remove(name);
        _ambiguousNames[name] = new SortedSet<string>(StringComparer.Ordinal) { other, code };
    }

    /// <summary>The codes of the current departments that share the name <paramref name="codeOrName"/>, when more than
    /// one does (<see cref="Department"/> then resolves it to none); null otherwise. Asked only after a miss.</summary>
    public IReadOnlyCollection<string>? AmbiguousCodes(string codeOrName) =>
        _byCode.ContainsKey(codeOrName) ? null : _ambiguousNames.GetValueOrDefault(codeOrName);

    /// <summary>The department version valid on <paramref name="date"/>, found by code (typed in full-width too: ＬＯＧ) or
    /// by exact current name (a name that two current departments share finds none: <see cref="AmbiguousCodes"/>).</summary>
    public int? Department(string codeOrName, DateOnly date)
    {
        if (!_byCode.TryGetValue(codeOrName, out var versions))
        {
            if (_codeByCurrentName.TryGetValue(codeOrName, out var code)) versions = _byCode[code];
            // A code typed in full-width (ＬＯＧ): folded only after both lookups missed, so a found code costs nothing.
            else if (ValueParsers.FoldFullWidth(codeOrName) is not { } folded || !_byCode.TryGetValue(folded, out versions)) return null;
        }
        foreach (var v in versions)
        {
            if (v.ValidFrom <= date && (v.ValidTo is null || date < v.ValidTo)) return v.Key;
        }
        // A fact dated before the first known version belongs to the earliest one.
        return versions.MinBy(v => v.ValidFrom)!.Key;
    }

    /// <summary>The code of a department version's key (as <see cref="Department"/> gave it).</summary>
    public string DepartmentCode(int key) => _codeByKey[key];

    public (int Key, decimal Scale)? Question(string question) => _questions.TryGetValue(question, out var q) ? q : null;

    /// <summary>The customer's key (boxed) when the customer is stored or was created earlier in this load, else the
    /// name itself, for <see cref="CustomerKey"/> to create on the writing thread. Any thread (the staging thread
    /// prepares rows with it ahead of the writing, which takes a lookup off the one thread that may write).</summary>
    public object KnownCustomerOrName(string name) => _customers.TryGetValue(name, out var key) ? key : name;

    /// <summary>As <see cref="KnownCustomerOrName"/>, for complaint categories.</summary>
    public object KnownCategoryOrName(string name) => _categories.TryGetValue(name, out var key) ? key : name;

    /// <summary>The customer's key (boxed), creating the customer when the name is new. Writing thread only.</summary>
    public object CustomerKey(string name) => GetOrCreate(_customers, _insertCustomer, name);

    /// <summary>The category's key (boxed), creating the category when the name is new. Writing thread only.</summary>
    public object CategoryKey(string name) => GetOrCreate(_categories, _insertCategory, name);

    private static object GetOrCreate(ConcurrentDictionary<string, object> cache, DbCommand insert, string name)
    {
        if (cache.TryGetValue(name, out var key)) return key;
        insert.Parameters[0].Value = name;
        key = Convert.ToInt32(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
        cache[name] = key;
        return key;
    }

    private static void Fill(DbConnection connection, DbTransaction transaction, string sql, ConcurrentDictionary<string, object> target)
    {
        using var cmd = Command(connection, transaction, sql);
        using var r = cmd.ExecuteReader();
        while (r.Read()) target[r.GetString(1)] = r.GetInt32(0);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        return cmd;
    }

    public void Dispose()
    {
        _insertCustomer.Dispose();
        _insertCategory.Dispose();
    }
}
