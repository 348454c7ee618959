using System.Data.Common;

namespace QualityAnalytics.Etl.Loading;

/// <summary>A prepared query that asks whether a row exists for one text value (<c>SELECT 1 … WHERE … = @value</c>),
/// inside the file's transaction: asked once per row on paths where that is cheap enough (a deduction's check, a
/// decided exclusion), so it is prepared once per source rather than parsed per call.</summary>
internal sealed class PreparedExistsLookup : IDisposable
{
    private readonly DbCommand _command;

    /// <param name="sql">A query that yields a row when the value is found, with one text parameter named <c>@value</c>.</param>
    public PreparedExistsLookup(DbConnection connection, DbTransaction transaction, string sql)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        var value = _command.CreateParameter();
        value.ParameterName = "@value";
        value.DbType = System.Data.DbType.String; // a prepared statement needs its parameter's type (PostgreSQL)
        _command.Parameters.Add(value);
        _command.Prepare();
    }

    public bool Exists(string value)
    {
        _command.Parameters[0].Value = value;
        return _command.ExecuteScalar() is not null and not DBNull;
    }

    public void Dispose() => _command.Dispose();
}
