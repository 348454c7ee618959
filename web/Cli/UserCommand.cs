using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using QualityAnalytics.Web.Auth;

namespace QualityAnalytics.Web.Cli;

/// <summary>`qa user add NAME --role ROLE [--department CODE] [--password P]` and `qa user reset NAME [--password P]`:
/// the first administrator, and any user after that, without a browser. Passwords are hashed by Identity.</summary>
internal static class UserCommand
{
    public static Command Create(CliEnvironment env)
    {
        var db = CommonOptions.Db();
        var name = new Argument<string>("NAME") { Description = "The user name to sign in with." };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", Roles.All)}.", Required = true };
        role.AcceptOnlyFromAmong(Roles.All);
        var department = new Option<string>("--department") { Description = "For a department manager: the department code they may see." };
        var password = new Option<string>("--password") { Description = "The password (at least 10 characters); generated and printed when omitted." };
        var display = new Option<string>("--display-name") { Description = "The name shown on approvals and notes." };
        var add = new Command("add", "Create a user with a role.") { name, role, department, password, display, db };
        add.SetAction(parse => Run(env, parse.GetValue(db), async users =>
        {
            var r = parse.GetValue(role)!;
            var dept = parse.GetValue(department);
            if (r == Roles.DepartmentManager && string.IsNullOrWhiteSpace(dept)) throw new UsageException("--department is required for a department manager.");
            var user = new AppUser { UserName = parse.GetValue(name), DisplayName = parse.GetValue(display) ?? parse.GetValue(name), DepartmentCode = dept };
            var secret = parse.GetValue(password) ?? Generate();
            Check(await users.CreateAsync(user, secret));
            Check(await users.AddToRoleAsync(user, r));
            env.Out.WriteLine($"user {user.UserName} ({r}{(dept is null ? "" : ", " + dept)}) created" + (parse.GetValue(password) is null ? $"; password: {secret}" : ""));
        }));

        var resetName = new Argument<string>("NAME") { Description = "The user name." };
        var resetPassword = new Option<string>("--password") { Description = "The new password; generated and printed when omitted." };
        var reset = new Command("reset", "Set a new password and unlock the user.") { resetName, resetPassword, db };
        reset.SetAction(parse => Run(env, parse.GetValue(db), async users =>
        {
            var user = await users.FindByNameAsync(parse.GetValue(resetName)!) ?? throw new UsageException($"no user '{parse.GetValue(resetName)}'.");
            var secret = parse.GetValue(resetPassword) ?? Generate();
            Check(await users.RemovePasswordAsync(user));
            Check(await users.AddPasswordAsync(user, secret));
            Check(await users.SetLockoutEndDateAsync(user, null));
            env.Out.WriteLine($"password of {user.UserName} reset" + (parse.GetValue(resetPassword) is null ? $": {secret}" : ""));
        }));
        return new Command("user", "Manage the dashboard's users.") { add, reset };
    }

    private static int Run(CliEnvironment env, string? db, Func<UserManager<AppUser>, Task> action)
    {
        UserStore.With(env.Warehouse(db), action).GetAwaiter().GetResult();
        return QaCommandLine.Ok;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new UsageException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private static string Generate() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).Replace('/', 'x').Replace('+', 'y');
}
