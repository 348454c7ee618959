using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Web.Apis;
using QualityAnalytics.Web.Auth;
using QualityAnalytics.Web.Jobs;

namespace QualityAnalytics.Web.Host;

/// <summary>The dashboard: Razor pages, the JSON API under /api, Identity sign-in with roles. Every endpoint requires a
/// signed-in user unless it says otherwise (the sign-in page, static files).</summary>
public sealed class DashboardStartup(ServeOptions options)
{
    public void ConfigureServices(IServiceCollection services)
    {
        var warehouse = options.Warehouse;
        WarehouseInitializer.EnsureReady(warehouse);
        AuthStore.Migrate(warehouse);
        services.AddSingleton(warehouse);
        services.AddSingleton(new PolicyProvider(warehouse.DataFolder));
        services.AddTransient(sp => sp.GetRequiredService<PolicyProvider>().Current());
        // Uploads and the nightly job load with the configured limits (Loader:MaxXlsxUnpackedMB), as `qa load` does.
        services.AddSingleton(sp => LoaderSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<QualityAnalytics.Web.Apis.AnalysisCache>();
        services.AddJobs(options);

        services.AddAuthStore(warehouse);
        // Before anything that adds data protection (AddIdentity does, through AddAuthentication), so that it starts first.
        services.AddHostedService<DataProtectionKeySeed>();
        services.AddIdentity<AppUser, IdentityRole>(PasswordRules.Apply)
            .AddEntityFrameworkStores<AuthDbContext>()
            .AddClaimsPrincipalFactory<ClaimsFactory>()
            .AddSignInManager<EqualCostSignInManager>()
            .AddDefaultTokenProviders();
        // Keys in the identity store (on PostgreSQL, the shared database): instances behind one proxy accept each other's cookies.
        services.AddDataProtection().SetApplicationName("QualityAnalytics").PersistKeysToDbContext<AuthDbContext>();
        services.ConfigureApplicationCookie(c =>
        {
            c.LoginPath = "/login";
            c.AccessDeniedPath = "/denied";
            c.Cookie.Name = "qa.auth";
            c.Cookie.HttpOnly = true;
            c.Cookie.SameSite = SameSiteMode.Strict;
            c.SlidingExpiration = true;
            c.Events = ApiAwareCookieEvents.Create();
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.CanRead, p => p.RequireRole(Roles.All))
            .AddPolicy(Roles.CanAdminister, p => p.RequireRole(Roles.WorkingGroup))
            .AddPolicy(Roles.CanApprove, p => p.RequireRole(Roles.Committee));
        services.AddAntiforgery(a => a.HeaderName = "X-CSRF-TOKEN");
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRazorPages().AddViewLocalization().AddDataAnnotationsLocalization();
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(f => f.MultipartBodyLengthLimit = options.MaxUploadBytes);
        services.AddOpenApi();
        services.AddProblemDetails();
        // Chinese in pages and JSON as itself, not as &#x...; entities: smaller pages, readable sources.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
    }

    public void Configure(IApplicationBuilder app)
    {
        app.UseForwardedHeaders(ProxySettings.ForwardedHeaders(app.ApplicationServices.GetRequiredService<IConfiguration>()));
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("zh-CN"),
            SupportedCultures = [new CultureInfo("zh-CN"), new CultureInfo("en")],
            SupportedUICultures = [new CultureInfo("zh-CN"), new CultureInfo("en")],
            RequestCultureProviders = [new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" }, new CookieRequestCultureProvider()],
        });
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = _ => { } });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseJobs(options);
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapRazorPages();
            endpoints.MapOpenApi("/api/openapi.json").RequireAuthorization(Roles.CanRead);
            var api = endpoints.MapGroup("/api").RequireAuthorization(Roles.CanRead);
            api.MapMetaApi();
            api.MapQueryApi();
            api.MapMatrixApi();
            api.MapRowsApi();
            api.MapAssessmentApi();
            api.MapNotesApi();
            api.MapDataApi(options);
            api.MapJobsApi();
            api.MapAnalysisApi();
            api.MapTargetsApi();
            api.MapLateComplaintsApi();
            api.MapReportsApi();
        });
    }
}
