using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Semantic;
using QualityAnalytics.Web.Auth;

namespace QualityAnalytics.Web.Apis;

/// <summary>Who am I, which departments and quarters exist (for the slicers), and an antiforgery token for scripts.</summary>
internal static class MetaApi
{
    public static void MapMetaApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (ClaimsPrincipal user, HttpContext http, IAntiforgery antiforgery) =>
        {
            var scope = UserScope.RowScopeOf(user);
            return TypedResults.Ok(new
            {
                name = user.Identity?.Name,
                display_name = user.FindFirstValue("qa:display_name"),
                roles = Roles.All.Where(user.IsInRole),
                department = user.FindFirstValue(UserScope.DepartmentClaim),
                all_departments = scope.AllDepartments,
                csrf_token = antiforgery.GetAndStoreTokens(http).RequestToken,
            });
        }).WithName("Me");

        api.MapGet("/departments", (ClaimsPrincipal user, WarehouseDb warehouse) =>
        {
            var scope = UserScope.RowScopeOf(user);
            using var db = warehouse.CreateContext();
            // Ordered here, by code point, as on SQLite: PostgreSQL would order by the database's collation.
            var current = db.Departments.AsNoTracking().Where(d => d.IsCurrent).ToList().OrderBy(d => d.Code, StringComparer.Ordinal);
            return TypedResults.Ok(current.Where(d => scope.Allows(d.Code)).Select(d => new { code = d.Code, name = d.Name, manager = d.Manager }));
        }).WithName("Departments");

        api.MapGet("/quarters", (WarehouseDb warehouse) =>
        {
            using var db = warehouse.CreateContext();
            var keys = db.Assessments.Where(a => a.IsCurrent).Select(a => a.QuarterKey).Distinct().ToList().Order();
            return TypedResults.Ok(keys.Select(k => Quarter.FromKey(k).ToString()));
        }).WithName("Quarters");

        api.MapGet("/options/{dimension}", (string dimension, ClaimsPrincipal user, WarehouseDb warehouse) =>
        {
            using var db = warehouse.CreateContext();
            IEnumerable<string> values = dimension switch
            {
                "channel" => db.Channels.OrderBy(c => c.ChannelKey).Select(c => c.Name).ToList(),
                // The categories of the complaints the user may see, through the query layer and its row scope: read from
                // the whole mart, a manager learnt what other departments were complained about.
                "category" => Categories(warehouse, UserScope.RowScopeOf(user)),
                "grade" => ["excellent", "pass", "fail", "withheld"],
                "kind" => ["self", "spot"],
                _ => [],
            };
            return TypedResults.Ok(values);
        }).WithName("SlicerOptions");
    }

    private static IEnumerable<string> Categories(WarehouseDb warehouse, RowScope scope)
    {
        using var connection = warehouse.OpenReadConnection();
        var request = new QueryRequest { Measures = ["complaints"], Dimensions = ["category"], Limit = 100_000 };
        return SemanticQuery.Run(connection, request, scope).Rows.Select(r => r[0] as string).OfType<string>().ToList().Order();
    }
}
