using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace QualityAnalytics.Web.Auth;

/// <summary>Users, roles and the data-protection keys that sign the cookies. Kept apart from the warehouse: it is the
/// host's concern, and the warehouse must not depend on the web.</summary>
public class AuthDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    public AuthDbContext(DbContextOptions<AuthDbContext> options) : base(options) { }

    /// <summary>For the PostgreSQL subclass, which carries its own migrations.</summary>
    protected AuthDbContext(DbContextOptions options) : base(options) { }

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}

/// <summary>The identity store on PostgreSQL, in the warehouse database's `auth` schema.</summary>
public sealed class PostgresAuthDbContext(DbContextOptions<PostgresAuthDbContext> options) : AuthDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(AuthStore.PostgresSchema);
    }
}
