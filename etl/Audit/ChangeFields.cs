using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using QualityAnalytics.Warehouse.Contract;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Etl.Audit;

/// <summary>A changed field of a stored row, as the department's file names it: the contract's field, and its values
/// before and after as text.</summary>
public sealed record ChangedField(string Field, string? Old, string? New);

/// <summary>
/// A row_change record in the contract's terms. The loader records the changed columns of the fact table
/// ({"channel_key":"1"} → {"channel_key":"2"}, with received_date_key and quarter_key beside a new received_at); a reader
/// wants the file's fields (channel 电话 → 邮件). A reference becomes the name it stands for, a date, month or quarter
/// key its date, month or quarter; a key derived from another field (a complaint's date and quarter, from received_at)
/// is left out, since that field is listed; a field recorded with the same value before and after (a department's
/// change records its whole version) is no change and is left out. Names are read through the caller's connection and transaction (a dry run's
/// new categories exist only inside it), each key once.
/// </summary>
public sealed class ChangeFields(DbConnection connection, DbTransaction? transaction)
{
    private static readonly Dictionary<string, string> NameOf = new(StringComparer.Ordinal)
    {
        ["department_key"] = "SELECT code || ' ' || name FROM dim_department WHERE department_key = @key",
        ["channel_key"] = "SELECT name FROM dim_channel WHERE channel_key = @key",
        ["category_key"] = "SELECT name FROM dim_category WHERE category_key = @key",
        ["customer_key"] = "SELECT name FROM dim_customer WHERE customer_key = @key",
        ["question_key"] = "SELECT question FROM dim_survey_question WHERE question_key = @key",
    };

    private readonly Dictionary<(string Column, long Key), string?> _names = [];

    /// <param name="kind">The contract's name of the source file's kind (complaints, checks…).</param>
    public IReadOnlyList<ChangedField> Of(string? kind, string oldValues, string newValues)
    {
        var fields = KindSchemas.All.FirstOrDefault(s => s.Kind.Name() == kind)?.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        var before = Values(oldValues);
        var changed = new List<ChangedField>();
        foreach (var (column, after) in Values(newValues))
        {
            var old = before.GetValueOrDefault(column);
            // A department's change records its whole version, before and after (a type-2 row): only what differs changed.
            if (before.ContainsKey(column) && old == after) continue;
            if (!column.EndsWith("_key", StringComparison.Ordinal)) changed.Add(new ChangedField(column, old, after));
            else if (fields.Contains(column[..^4])) changed.Add(new ChangedField(column[..^4], Shown(column, old), Shown(column, after)));
        }
        return changed;
    }

    private string? Shown(string column, string? key)
    {
        if (key is null || !long.TryParse(key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var k)) return key;
        if (column == "quarter_key") return Quarter.FromKey((int)k).ToString();
        if (column == "month_key") return $"{k / 10000:0000}-{k / 100 % 100:00}";
        if (!NameOf.TryGetValue(column, out var sql)) return $"{k / 10000:0000}-{k / 100 % 100:00}-{k % 100:00}"; // a date key, yyyymmdd
        if (_names.TryGetValue((column, k), out var name)) return name;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@key";
        parameter.Value = k;
        command.Parameters.Add(parameter);
        // A key whose row is gone (it cannot be: dimensions are never deleted) still says which key it was.
        return _names[(column, k)] = command.ExecuteScalar() as string ?? key;
    }

    private static Dictionary<string, string?> Values(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => p.Value.GetString(),
            _ => p.Value.GetRawText(),
        });
    }
}
