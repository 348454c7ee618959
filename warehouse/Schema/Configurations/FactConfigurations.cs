using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QualityAnalytics.Warehouse.Schema.Configurations;

internal sealed class FactCheckConfiguration : IEntityTypeConfiguration<FactCheck>
{
    public void Configure(EntityTypeBuilder<FactCheck> b)
    {
        b.ToTable("fact_check", t => t.HasComment("One row per check record (self-check or spot check)."));
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.CheckId).IsUnique();
        b.HasIndex(x => new { x.QuarterKey, x.DepartmentKey });
        b.HasOne<DimDepartment>().WithMany().HasForeignKey(x => x.DepartmentKey).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DimDate>().WithMany().HasForeignKey(x => x.MonthKey).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FactCheckDeductionConfiguration : IEntityTypeConfiguration<FactCheckDeduction>
{
    public void Configure(EntityTypeBuilder<FactCheckDeduction> b)
    {
        b.ToTable("fact_check_deduction", t => t.HasComment("One row per deduction item of a check."));
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.CheckId, x.Item }).IsUnique();
    }
}

internal sealed class FactSurveyAnswerConfiguration : IEntityTypeConfiguration<FactSurveyAnswer>
{
    public void Configure(EntityTypeBuilder<FactSurveyAnswer> b)
    {
        b.ToTable("fact_survey_answer", t => t.HasComment("One row per answer: one question of one questionnaire."));
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.ResponseId, x.Question }).IsUnique();
        b.HasIndex(x => new { x.QuarterKey, x.DepartmentKey });
        b.HasOne<DimDepartment>().WithMany().HasForeignKey(x => x.DepartmentKey).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DimSurveyQuestion>().WithMany().HasForeignKey(x => x.QuestionKey).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DimCustomer>().WithMany().HasForeignKey(x => x.CustomerKey).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FactComplaintConfiguration : IEntityTypeConfiguration<FactComplaint>
{
    public void Configure(EntityTypeBuilder<FactComplaint> b)
    {
        b.ToTable("fact_complaint", t => t.HasComment("One row per complaint."));
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.ComplaintId).IsUnique();
        b.HasIndex(x => new { x.QuarterKey, x.DepartmentKey });
        b.HasOne<DimDepartment>().WithMany().HasForeignKey(x => x.DepartmentKey).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DimChannel>().WithMany().HasForeignKey(x => x.ChannelKey).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DimCategory>().WithMany().HasForeignKey(x => x.CategoryKey).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DimCustomer>().WithMany().HasForeignKey(x => x.CustomerKey).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DimDate>().WithMany().HasForeignKey(x => x.ReceivedDateKey).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FactCallbackConfiguration : IEntityTypeConfiguration<FactCallback>
{
    public void Configure(EntityTypeBuilder<FactCallback> b)
    {
        b.ToTable("fact_callback", t => t.HasComment("One row per audited phone callback."));
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.CallbackId).IsUnique();
        b.HasIndex(x => new { x.QuarterKey, x.DepartmentKey });
        b.HasOne<DimDepartment>().WithMany().HasForeignKey(x => x.DepartmentKey).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DimDate>().WithMany().HasForeignKey(x => x.CalledOnKey).OnDelete(DeleteBehavior.Restrict);
    }
}
