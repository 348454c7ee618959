using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace QualityAnalytics.Web.Auth;

/// <summary>Where users and keys live: a SQLite file beside the warehouse (identity.db), migrated on start.</summary>
public static class AuthStore
{
    public static string PathBeside(string warehouseFile) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(warehouseFile))!, "identity.db");

    public static void Configure(DbContextOptionsBuilder options, string identityFile) =>
        options.UseSqlite(new SqliteConnectionStringBuilder { DataSource = identityFile, ForeignKeys = true }.ToString());

    public static void Migrate(string identityFile)
    {
        var builder = new DbContextOptionsBuilder<AuthDbContext>();
        Configure(builder, identityFile);
        using var db = new AuthDbContext(builder.Options);
        QualityAnalytics.Warehouse.Schema.MigrationGuard.Migrate(db, identityFile);
    }
}

/// <summary>Used only by `dotnet ef migrations add` for the identity store.</summary>
internal sealed class AuthDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<AuthDbContext>
{
    public AuthDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AuthDbContext>();
        AuthStore.Configure(builder, "design-time-identity.db");
        return new AuthDbContext(builder.Options);
    }
}
