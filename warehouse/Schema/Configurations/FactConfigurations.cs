using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QualityAnalytics.Warehouse.Schema.Configurations;

// Fact tables carry only what queries and the loader need: the primary key, the unique natural key (the loader's
// upsert conflicts on it) and (quarter_key, department_key) (mart refresh and drill-down). No EF relationships, hence
// no foreign key constraints and no foreign key indexes: the loader (etl/Loading/FactRowWriter.cs) resolves every
// reference (department version, channel, customer, category, date in the calendar) before it inserts a row, and a
// star schema's facts are read through the marts, not joined by the database on these keys. Each extra B-tree cost
// the bulk load several seconds per million rows (docs/benchmarks.md). Referential integrity of the facts is a data
// test's job: every *_key must find its dimension row.

internal sealed class FactCheckConfiguration : IEntityTypeConfiguration<FactCheck>
{
    public void Configure(EntityTypeBuilder<FactCheck> b)
    {
        b.ToTable("fact_check", t => t.HasComment("One row per check record (self-check or spot check)."));
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.CheckId).IsUnique();
        b.HasIndex(x => new { x.QuarterKey, x.DepartmentKey });
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
    }
}
