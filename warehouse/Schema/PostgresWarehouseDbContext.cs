using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace QualityAnalytics.Warehouse.Schema;

/// <summary>The same star schema on PostgreSQL. A subclass only so that its migrations (Migrations/Postgres) are
/// found apart from SQLite's: EF Core ties a migration to its context type. Two storage choices differ from Npgsql's
/// defaults, both so that values mean the same on either provider:
/// business times (complaint received, replied, resolved) are Asia/Shanghai wall-clock times, so they are
/// <c>timestamp without time zone</c>, not instants; and instants (<see cref="DateTimeOffset"/>: load and approval
/// times) are stored in UTC, which <c>timestamptz</c> requires of Npgsql.</summary>
public sealed class PostgresWarehouseDbContext(DbContextOptions<PostgresWarehouseDbContext> options) : WarehouseDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp without time zone");
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstant>();
    }

    private sealed class UtcInstant() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}
