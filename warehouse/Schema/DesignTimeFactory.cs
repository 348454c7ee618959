using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace QualityAnalytics.Warehouse.Schema;

/// <summary>Used only by `dotnet ef migrations add` to build the SQLite model.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<WarehouseDbContext>
{
    public WarehouseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<WarehouseDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(WarehouseDbContext).Assembly.FullName))
            .Options);
}

/// <summary>Used only by `dotnet ef migrations add --context PostgresWarehouseDbContext` (no server is contacted).</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWarehouseDbContext>
{
    public PostgresWarehouseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresWarehouseDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
