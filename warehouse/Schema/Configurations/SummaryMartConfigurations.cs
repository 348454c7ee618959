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
        b.HasKey(x => x.ComplaintKey);
        b.Property(x => x.ComplaintKey).ValueGeneratedNever();
        b.HasIndex(x => x.QuarterKey);
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
