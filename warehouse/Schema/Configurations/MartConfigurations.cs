using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QualityAnalytics.Warehouse.Schema.Configurations;

internal sealed class MartAssessmentConfiguration : IEntityTypeConfiguration<MartAssessment>
{
    public void Configure(EntityTypeBuilder<MartAssessment> b)
    {
        b.ToTable("mart_assessment", t => t.HasComment("One row per department, quarter and policy version (the current draft)."));
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.QuarterKey, x.DepartmentCode, x.PolicyVersion }).IsUnique();
    }
}

internal sealed class ApprovedAssessmentConfiguration : IEntityTypeConfiguration<ApprovedAssessment>
{
    public void Configure(EntityTypeBuilder<ApprovedAssessment> b)
    {
        b.ToTable("mart_assessment_approved", t => t.HasComment("One row per department of an approved quarter and policy version; never updated."));
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.QuarterKey, x.DepartmentCode, x.PolicyVersion }).IsUnique();
        b.HasOne<QuarterApproval>().WithMany().HasForeignKey(x => x.ApprovalId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QuarterApprovalConfiguration : IEntityTypeConfiguration<QuarterApproval>
{
    public void Configure(EntityTypeBuilder<QuarterApproval> b)
    {
        b.ToTable("quarter_approval", t => t.HasComment("One row per approved quarter and policy version."));
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.QuarterKey, x.PolicyVersion }).IsUnique();
    }
}
