using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace QualityAnalytics.Web.Auth;

/// <summary>Users, roles and the data-protection keys that sign the cookies. Kept apart from the warehouse: it is the
/// host's concern, and the warehouse must not depend on the web.</summary>
public sealed class AuthDbContext(DbContextOptions<AuthDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
