using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Web.Auth;

namespace QualityAnalytics.Web.Apis;

/// <summary>The working group's causes and solutions per department and quarter; they flow into the report.</summary>
internal static class NotesApi
{
    public sealed record NoteBody(string? Causes, string? Solutions);

    public static void MapNotesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/notes/{quarter}", (string quarter, ClaimsPrincipal user, WarehouseDb warehouse, IStringLocalizer<SharedResource> text) =>
        {
            if (!Quarter.TryParse(quarter, out var q)) return ApiProblems.NotAQuarter(text, quarter);
            var scope = UserScope.RowScopeOf(user);
            using var db = warehouse.CreateContext();
            var notes = db.Notes.AsNoTracking().Where(n => n.QuarterKey == q.Key).ToList()
                .OrderBy(n => n.DepartmentCode, StringComparer.Ordinal).Where(n => scope.Allows(n.DepartmentCode));
            return Results.Ok(notes.Select(n => new { department = n.DepartmentCode, causes = n.Causes, solutions = n.Solutions, updated_by = n.UpdatedBy, updated_at = n.UpdatedAt }));
        }).WithName("Notes");

        api.MapPut("/notes/{quarter}/{department}", (string quarter, string department, NoteBody body, ClaimsPrincipal user, WarehouseDb warehouse, TimeProvider clock,
            IStringLocalizer<SharedResource> text) =>
        {
            if (!Quarter.TryParse(quarter, out var q)) return ApiProblems.NotAQuarter(text, quarter);
            using var db = warehouse.CreateContext();
            if (!db.Departments.Any(d => d.Code == department)) return Results.Problem(text["api.department.unknown", department], statusCode: 400);
            var note = db.Notes.FirstOrDefault(n => n.QuarterKey == q.Key && n.DepartmentCode == department);
            if (note is null) db.Notes.Add(note = new QuarterNote { QuarterKey = q.Key, DepartmentCode = department, UpdatedBy = "" });
            note.Causes = body.Causes?.Trim();
            note.Solutions = body.Solutions?.Trim();
            note.UpdatedBy = user.FindFirstValue("qa:display_name") ?? user.Identity!.Name!;
            note.UpdatedAt = clock.GetUtcNow();
            db.SaveChanges();
            return Results.Ok(new { department, quarter = q.ToString(), causes = note.Causes, solutions = note.Solutions, updated_by = note.UpdatedBy, updated_at = note.UpdatedAt });
        }).RequireAuthorization(Roles.CanAdminister).AddEndpointFilter<AntiforgeryFilter>().WithName("SaveNote");
    }
}
