using System.Data.Common;
using System.Globalization;
using QualityAnalytics.Etl.Staging;

namespace QualityAnalytics.Etl.Loading;

/// <summary>Type-2 history for departments: a new name, manager or parent closes the current version on the load's
/// business date and opens a new one from that date. A department's first version is valid from the beginning, so
/// facts older than the department file still find it. A file without a manager (负责人) or parent (上级部门编码) column
/// keeps the current version's (a list of codes and names is no news of a new manager).</summary>
internal sealed class DepartmentWriter(DbConnection connection, DbTransaction transaction, AuditWriter audit, long batchId, DateOnly today,
    bool carriesManager = true, bool carriesParent = true)
{
    private static readonly DateOnly Beginning = new(2000, 1, 1);
    private readonly HashSet<string> _seenInFile = new(StringComparer.OrdinalIgnoreCase);
    // The parents the written rows name, checked once the whole file is in (a parent may be listed after its children).
    private readonly List<(int Line, string Parent)> _parents = [];

    public UpsertOutcome Write(StagedDepartment d)
    {
        // Departments are few: remembering codes seen in this file is cheap and catches a code listed twice.
        if (!_seenInFile.Add(d.Code)) return UpsertOutcome.DuplicateInFile;
        if (carriesParent && d.ParentCode is { } parentCode) _parents.Add((d.Line, parentCode));
        using var select = Command("SELECT department_key, name, manager, parent_code, valid_from FROM dim_department WHERE code = @code AND is_current = TRUE");
        Param(select, "@code", d.Code);
        int? key = null;
        string? name = null, manager = null, parent = null;
        DateOnly validFrom = default;
        using (var r = select.ExecuteReader())
        {
            if (r.Read())
            {
                key = r.GetInt32(0);
                name = r.GetString(1);
                manager = r.IsDBNull(2) ? null : r.GetString(2);
                parent = r.IsDBNull(3) ? null : r.GetString(3);
                validFrom = r.GetFieldValue<DateOnly>(4);
            }
        }
        if (key is null)
        {
            Insert(d, Beginning);
            return UpsertOutcome.Loaded;
        }
        d = d with { Manager = carriesManager ? d.Manager : manager, ParentCode = carriesParent ? d.ParentCode : parent };
        if (name == d.Name && manager == d.Manager && parent == d.ParentCode) return UpsertOutcome.Unchanged;

        if (validFrom >= today)
        {
            // Changed twice on one business day: correct today's version in place rather than make a one-day version.
            using var update = Command("UPDATE dim_department SET name = @n, manager = @m, parent_code = @p, batch_id = @b WHERE department_key = @k");
            Param(update, "@n", d.Name); Param(update, "@m", d.Manager); Param(update, "@p", d.ParentCode); Param(update, "@b", batchId); Param(update, "@k", key);
            update.ExecuteNonQuery();
        }
        else
        {
            using var close = Command("UPDATE dim_department SET valid_to = @to, is_current = FALSE WHERE department_key = @k");
            Param(close, "@to", today); Param(close, "@k", key);
            close.ExecuteNonQuery();
            Insert(d, today);
        }
        audit.RecordChange("dim_department", d.Code,
            ChangeJson.Of(new { name, manager, parent_code = parent }),
            ChangeJson.Of(new { name = d.Name, manager = d.Manager, parent_code = d.ParentCode }), quarterKey: null);
        return UpsertOutcome.Updated;
    }

    /// <summary>After the file's rows: a parent_code that names no department, neither stored nor in this file, is kept
    /// as given (the contract does not make it a rule a row must meet, and the hierarchy is only shown), with a load
    /// warning so the data desk sees the typo. Departments are few: their codes are read once.</summary>
    public void WarnUnknownParents()
    {
        if (_parents.Count == 0) return;
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var codes = Command("SELECT DISTINCT code FROM dim_department"))
        using (var r = codes.ExecuteReader())
        {
            while (r.Read()) known.Add(r.GetString(0));
        }
        foreach (var (line, parent) in _parents)
        {
            if (!known.Contains(parent)) audit.Warn(line, "parent_code", parent, UnknownParent(audit.HeaderOf("parent_code")));
        }
    }

    /// <param name="parentColumn">The parent's column as the file heads it (上级部门编码 or parent_code).</param>
    internal static string UnknownParent(string parentColumn) =>
        $"names no department (neither in the warehouse nor in this file); the department is loaded with this {parentColumn} as given";

    private void Insert(StagedDepartment d, DateOnly from)
    {
        using var insert = Command("INSERT INTO dim_department (code, name, manager, parent_code, valid_from, valid_to, is_current, batch_id) " +
                                   "VALUES (@c, @n, @m, @p, @from, NULL, TRUE, @b)");
        Param(insert, "@c", d.Code); Param(insert, "@n", d.Name); Param(insert, "@m", d.Manager); Param(insert, "@p", d.ParentCode);
        Param(insert, "@from", from); Param(insert, "@b", batchId);
        insert.ExecuteNonQuery();
    }

    private DbCommand Command(string sql)
    {
        var c = connection.CreateCommand();
        c.Transaction = transaction;
        c.CommandText = sql;
        return c;
    }

    private static void Param(DbCommand c, string name, object? value)
    {
        var p = c.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        c.Parameters.Add(p);
    }
}
