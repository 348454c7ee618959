using Hangfire.PostgreSql;
using Npgsql;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Web.Jobs;

/// <summary>Creates or upgrades Hangfire's tables (schema `hangfire`) in the warehouse database once, at start, under an
/// advisory lock: instances started together (after an upgrade, say) would otherwise run Hangfire's install scripts at
/// the same moment and trip over each other's half-made tables.</summary>
internal static class HangfirePostgresSchema
{
    public const string Name = "hangfire";
    /// <summary>"QA_HFSC" in ASCII: apart from the load lock's key, and per database like every advisory lock.</summary>
    private const long AdvisoryKey = 0x51_41_5F_48_46_53_43;

    public static void Prepare(WarehouseDb warehouse)
    {
        // Its own unpooled session, so that the lock ends with it even if the unlock below is never reached.
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(warehouse.ConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        Execute(connection, $"SELECT pg_advisory_lock({AdvisoryKey})");
        try
        {
            PostgreSqlObjectsInstaller.Install(connection, Name);
        }
        finally
        {
            Execute(connection, $"SELECT pg_advisory_unlock({AdvisoryKey})");
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
