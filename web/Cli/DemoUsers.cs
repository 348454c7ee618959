using QualityAnalytics.Web.Auth;

namespace QualityAnalytics.Web.Cli;

/// <summary>One demo user per role, with a password printed on screen: for the demo warehouse only. A real
/// installation creates its users with `qa user add`.</summary>
internal static class DemoUsers
{
    public const string Password = "demo-password-2026";

    private static readonly (string Name, string Role, string? Department, string Display)[] Users =
    [
        ("committee", Roles.Committee, null, "质量管理委员会"),
        ("working-group", Roles.WorkingGroup, null, "质量管理工作小组"),
        ("manager-log", Roles.DepartmentManager, "LOG", "物流业务部负责人"),
        ("viewer", Roles.Viewer, null, "查看者"),
    ];

    public static async Task Ensure(CliEnvironment env, QualityAnalytics.Warehouse.Schema.WarehouseDb warehouse)
    {
        await UserStore.With(warehouse, async users =>
        {
            foreach (var (name, role, department, display) in Users)
            {
                var result = await UserStore.Ensure(users, name, role, department, Password, display);
                if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            }
        });
        env.Out.WriteLine($"demo: sign in as committee, working-group, manager-log (sees 物流业务部 only) or viewer, password {Password}");
    }
}
