using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Web.Auth;

/// <summary>Where users and data-protection keys live. SQLite: a file of their own in the data folder (identity.db).
/// PostgreSQL: the warehouse's database, schema `auth`, so that every instance sees the same users and keys (a cookie
/// signed by one instance is accepted by the others). Migrated on start.</summary>
public static class AuthStore
{
    public const string PostgresSchema = "auth";

    public static string SqliteFile(WarehouseDb warehouse) => Path.Combine(warehouse.DataFolder, "identity.db");

    /// <summary>Registers AuthDbContext (the PostgreSQL subclass on PostgreSQL, which carries its own migrations).</summary>
    public static void AddAuthStore(this IServiceCollection services, WarehouseDb warehouse)
    {
        if (warehouse.IsPostgres) services.AddDbContext<AuthDbContext, PostgresAuthDbContext>(o => Configure(o, warehouse));
        else services.AddDbContext<AuthDbContext>(o => Configure(o, warehouse));
    }

    public static void Configure(DbContextOptionsBuilder options, WarehouseDb warehouse)
    {
        if (warehouse.IsPostgres)
            options.UseNpgsql(warehouse.ConnectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory", PostgresSchema));
        else
            options.UseSqlite(new SqliteConnectionStringBuilder { DataSource = SqliteFile(warehouse), ForeignKeys = true }.ToString());
    }

    public static AuthDbContext Create(WarehouseDb warehouse)
    {
        if (warehouse.IsPostgres)
        {
            var pg = new DbContextOptionsBuilder<PostgresAuthDbContext>();
            Configure(pg, warehouse);
            return new PostgresAuthDbContext(pg.Options);
        }
        var builder = new DbContextOptionsBuilder<AuthDbContext>();
        Configure(builder, warehouse);
        return new AuthDbContext(builder.Options);
    }

    public static void Migrate(WarehouseDb warehouse)
    {
        using var db = Create(warehouse);
        // PostgreSQL: EF's migrator takes an advisory lock, so instances starting together migrate once.
        if (warehouse.IsPostgres) db.Database.Migrate();
        else MigrationGuard.Migrate(db, SqliteFile(warehouse));
    }
}

/// <summary>Used only by `dotnet ef migrations add` for the identity store.</summary>
internal sealed class AuthDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<AuthDbContext>
{
    public AuthDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AuthDbContext>().UseSqlite("Data Source=design-time-identity.db").Options);
}

/// <summary>Used only by `dotnet ef migrations add --context PostgresAuthDbContext` (no server is contacted).</summary>
internal sealed class PostgresAuthDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<PostgresAuthDbContext>
{
    public PostgresAuthDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAuthDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time", o => o.MigrationsHistoryTable("__EFMigrationsHistory", AuthStore.PostgresSchema)).Options);
}
