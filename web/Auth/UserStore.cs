using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace QualityAnalytics.Web.Auth;

/// <summary>Identity's user manager outside the web host (the command line, the demo): same store, same password rules.</summary>
public static class UserStore
{
    public static async Task With(QualityAnalytics.Warehouse.Schema.WarehouseDb warehouse, Func<UserManager<AppUser>, Task> action)
    {
        AuthStore.Migrate(warehouse);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthStore(warehouse);
        services.AddIdentityCore<AppUser>(PasswordRules.Apply).AddRoles<IdentityRole>().AddEntityFrameworkStores<AuthDbContext>();
        await using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        await RoleSeeder.EnsureRoles(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        await action(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    /// <summary>Creates the user, or (when it exists) gives it this role, department and password: idempotent.</summary>
    public static async Task<IdentityResult> Ensure(UserManager<AppUser> users, string name, string role, string? department, string password, string? displayName = null)
    {
        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            user = new AppUser { UserName = name, DisplayName = displayName ?? name, DepartmentCode = department };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) return created;
        }
        else
        {
            user.DepartmentCode = department;
            user.DisplayName = displayName ?? name;
            await users.UpdateAsync(user);
            await users.RemovePasswordAsync(user);
            var set = await users.AddPasswordAsync(user, password);
            if (!set.Succeeded) return set;
            foreach (var old in (await users.GetRolesAsync(user)).Where(r => r != role)) await users.RemoveFromRoleAsync(user, old);
        }
        return await users.IsInRoleAsync(user, role) ? IdentityResult.Success : await users.AddToRoleAsync(user, role);
    }
}
