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
