using Hangfire.PostgreSql;
using Npgsql;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Web.Host;

namespace QualityAnalytics.Web.Jobs;

/// <summary>Creates or upgrades Hangfire's tables (schema `hangfire`) in the warehouse database once, at start, under the
/// startup lock: instances started together (after an upgrade, say) would otherwise run Hangfire's install scripts at
/// the same moment and trip over each other's half-made tables.</summary>
internal static class HangfirePostgresSchema
{
    public const string Name = "hangfire";

    public static void Prepare(WarehouseDb warehouse)
    {
        using var exclusive = StartupLock.Take(warehouse);
        using var connection = new NpgsqlConnection(warehouse.ConnectionString);
        connection.Open();
        PostgreSqlObjectsInstaller.Install(connection, Name);
    }
}
