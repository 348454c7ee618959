using Npgsql;

namespace QualityAnalytics.Warehouse.Schema;

/// <summary>Empties a warehouse completely (the demo starts from nothing each time). SQLite: the file goes. PostgreSQL:
/// the warehouse's `public` schema goes, leaving the identity store (`auth`) and the job queue (`hangfire`) alone,
/// just as the SQLite demo keeps identity.db and hangfire.db.</summary>
public static class WarehouseReset
{
    public static void Empty(WarehouseDb warehouse)
    {
        if (!warehouse.IsPostgres)
        {
            WarehouseDb.DeleteSqlite(warehouse.FilePath!);
            return;
        }
        try
        {
            using var connection = warehouse.OpenConnection();
            using var drop = connection.CreateCommand();
            drop.CommandText = "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;";
            drop.ExecuteNonQuery();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // No database yet: migrating creates it.
        }
        NpgsqlConnection.ClearAllPools();
    }
}
