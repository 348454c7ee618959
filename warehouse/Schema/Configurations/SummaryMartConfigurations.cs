using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QualityAnalytics.Warehouse.Schema.Configurations;

internal sealed class MartComplaintSummaryConfiguration : IEntityTypeConfiguration<MartComplaintSummary>
{
    public void Configure(EntityTypeBuilder<MartComplaintSummary> b)
    {
        b.ToTable("mart_complaint_summary", t => t.HasComment("One row per department, month, channel and category."));
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.QuarterKey, x.DepartmentCode });
    }
}

internal sealed class MartComplaintStatusConfiguration : IEntityTypeConfiguration<MartComplaintStatus>
{
    public void Configure(EntityTypeBuilder<MartComplaintStatus> b)
    {
        b.ToTable("mart_complaint_status", t => t.HasComment("One row per complaint: its reply and solution status against the service targets."));
        // Keyed by quarter first: a rebuild deletes and writes one quarter's rows, which this keeps together in the key's
        // B-tree (and, inserted together, in the table), instead of spread over the whole table as the complaints' ids are.
        b.HasKey(x => new { x.QuarterKey, x.ComplaintKey });
    }
}

internal sealed class MartCheckMonthlyConfiguration : IEntityTypeConfiguration<MartCheckMonthly>
{
    public void Configure(EntityTypeBuilder<MartCheckMonthly> b)
    {
        b.ToTable("mart_check_monthly", t => t.HasComment("One row per department, month and kind of check."));
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.QuarterKey, x.DepartmentCode });
    }
}

internal sealed class QuarterNoteConfiguration : IEntityTypeConfiguration<QuarterNote>
{
    public void Configure(EntityTypeBuilder<QuarterNote> b)
    {
        b.ToTable("quarter_note", t => t.HasComment("One row per department and quarter: causes and solutions."));
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.QuarterKey, x.DepartmentCode }).IsUnique();
    }
}
