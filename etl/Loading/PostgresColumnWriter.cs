using Npgsql;
using NpgsqlTypes;

namespace QualityAnalytics.Etl.Loading;

/// <summary>Writes one column's values into a binary COPY. Binary COPY has no server-side conversion: every value must
/// arrive in exactly the column's wire type, so the writer is chosen from the column's PostgreSQL type and accepts only
/// the CLR types the staging mappers produce for it. A value of any other type is a programming error, reported with the
/// table and column rather than as a malformed COPY.</summary>
internal sealed class PostgresColumnWriter
{
    private readonly string _table;
    private readonly string _column;
    private readonly string _type;
    private readonly Action<NpgsqlBinaryImporter, object, PostgresColumnWriter> _write;

    private PostgresColumnWriter(string table, string column, string type, Action<NpgsqlBinaryImporter, object, PostgresColumnWriter> write)
    {
        _table = table;
        _column = column;
        _type = type;
        _write = write;
    }

    /// <param name="type">The column's internal type name (pg_type.typname: int4, text, numeric...).</param>
    public static PostgresColumnWriter For(string table, string column, string type) => new(table, column, type, type switch
    {
        "text" or "varchar" or "bpchar" => static (i, v, w) => i.Write(v as string ?? throw w.Mismatch(v), NpgsqlDbType.Text),
        "int2" => static (i, v, w) => i.Write(v switch { short n => n, _ => throw w.Mismatch(v) }, NpgsqlDbType.Smallint),
        "int4" => static (i, v, w) => i.Write(v switch { int n => n, short n => n, long n => checked((int)n), _ => throw w.Mismatch(v) }, NpgsqlDbType.Integer),
        "int8" => static (i, v, w) => i.Write(v switch { long n => n, int n => n, short n => n, _ => throw w.Mismatch(v) }, NpgsqlDbType.Bigint),
        "numeric" => static (i, v, w) => i.Write(v switch { decimal d => d, int n => n, long n => n, _ => throw w.Mismatch(v) }, NpgsqlDbType.Numeric),
        "bool" => static (i, v, w) => i.Write(v is bool b ? b : throw w.Mismatch(v), NpgsqlDbType.Boolean),
        // Wall-clock times (Asia/Shanghai) in a timestamp without time zone: a UTC or local DateTime would be a bug
        // upstream, and Npgsql refuses Kind=Utc here, as it does for parameters.
        "timestamp" => static (i, v, w) => i.Write(v is DateTime t ? t : throw w.Mismatch(v), NpgsqlDbType.Timestamp),
        "date" => static (i, v, w) => i.Write(v is DateOnly d ? d : throw w.Mismatch(v), NpgsqlDbType.Date),
        "float8" => static (i, v, w) => i.Write(v switch { double d => d, float f => f, _ => throw w.Mismatch(v) }, NpgsqlDbType.Double),
        _ => throw new NotSupportedException($"{table}.{column}: the PostgreSQL fast path has no binary writer for type {type}"),
    });

    /// <summary>Whether the column holds text (the natural keys do).</summary>
    public bool IsText => _type is "text" or "varchar" or "bpchar";

    /// <summary>Writes the value, or NULL for null.</summary>
    public void Write(NpgsqlBinaryImporter importer, object? value)
    {
        if (value is null or DBNull) importer.WriteNull();
        else _write(importer, value, this);
    }

    private NotSupportedException Mismatch(object value) =>
        new($"{_table}.{_column}: a {value.GetType().Name} ({value}) cannot be written to a PostgreSQL {_type} column");
}
