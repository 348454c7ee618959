using System.Text;
using Microsoft.EntityFrameworkCore;

namespace QualityAnalytics.Warehouse.Schema;

/// <summary>The star schema. Tables and columns are snake_case so that the loader's hand-written fast-path SQL
/// and ad-hoc SQL by analysts read naturally, on SQLite and PostgreSQL alike.</summary>
public class WarehouseDbContext : DbContext
{
    public WarehouseDbContext(DbContextOptions<WarehouseDbContext> options) : base(options) { }

    /// <summary>For the provider-specific subclasses, which carry their own migrations (EF finds a context's migrations
    /// by its type).</summary>
    protected WarehouseDbContext(DbContextOptions options) : base(options) { }

    public DbSet<DimDepartment> Departments => Set<DimDepartment>();
    public DbSet<DimDate> Dates => Set<DimDate>();
    public DbSet<DimSurveyQuestion> SurveyQuestions => Set<DimSurveyQuestion>();
    public DbSet<DimChannel> Channels => Set<DimChannel>();
    public DbSet<DimCategory> Categories => Set<DimCategory>();
    public DbSet<DimCustomer> Customers => Set<DimCustomer>();
    public DbSet<FactCheck> Checks => Set<FactCheck>();
    public DbSet<FactCheckDeduction> CheckDeductions => Set<FactCheckDeduction>();
    public DbSet<FactSurveyAnswer> SurveyAnswers => Set<FactSurveyAnswer>();
    public DbSet<FactComplaint> Complaints => Set<FactComplaint>();
    public DbSet<FactCallback> Callbacks => Set<FactCallback>();
    public DbSet<LoadBatch> LoadBatches => Set<LoadBatch>();
    public DbSet<SourceFile> SourceFiles => Set<SourceFile>();
    public DbSet<QuarantinedRow> QuarantinedRows => Set<QuarantinedRow>();
    public DbSet<LoadWarning> LoadWarnings => Set<LoadWarning>();
    public DbSet<RowChange> RowChanges => Set<RowChange>();
    public DbSet<MartAssessment> Assessments => Set<MartAssessment>();
    public DbSet<ApprovedAssessment> ApprovedAssessments => Set<ApprovedAssessment>();
    public DbSet<QuarterApproval> QuarterApprovals => Set<QuarterApproval>();
    public DbSet<MartComplaintSummary> ComplaintSummaries => Set<MartComplaintSummary>();
    public DbSet<MartComplaintStatus> ComplaintStatuses => Set<MartComplaintStatus>();
    public DbSet<MartCheckMonthly> CheckMonthly => Set<MartCheckMonthly>();
    public DbSet<QuarterNote> Notes => Set<QuarterNote>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WarehouseDbContext).Assembly);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
                property.SetColumnName(SnakeCase(property.Name));
        }
    }

    public static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
