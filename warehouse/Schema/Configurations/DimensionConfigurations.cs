using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QualityAnalytics.Warehouse.Schema.Configurations;

internal sealed class DimDepartmentConfiguration : IEntityTypeConfiguration<DimDepartment>
{
    public void Configure(EntityTypeBuilder<DimDepartment> b)
    {
        b.ToTable("dim_department", t => t.HasComment("One row per department version (SCD type 2)."));
        b.HasKey(x => x.DepartmentKey);
        b.HasIndex(x => new { x.Code, x.ValidFrom }).IsUnique();
        b.HasIndex(x => x.Name);
    }
}

internal sealed class DimDateConfiguration : IEntityTypeConfiguration<DimDate>
{
    public void Configure(EntityTypeBuilder<DimDate> b)
    {
        b.ToTable("dim_date", t => t.HasComment("One row per calendar day, with the official working-day flag."));
        b.HasKey(x => x.DateKey);
        b.Property(x => x.DateKey).ValueGeneratedNever();
        b.HasIndex(x => x.QuarterKey);
    }
}

internal sealed class DimSurveyQuestionConfiguration : IEntityTypeConfiguration<DimSurveyQuestion>
{
    public void Configure(EntityTypeBuilder<DimSurveyQuestion> b)
    {
        b.ToTable("dim_survey_question", t => t.HasComment("One row per survey question."));
        b.HasKey(x => x.QuestionKey);
        b.HasIndex(x => x.Question).IsUnique();
    }
}

internal sealed class DimChannelConfiguration : IEntityTypeConfiguration<DimChannel>
{
    public void Configure(EntityTypeBuilder<DimChannel> b)
    {
        b.ToTable("dim_channel", t => t.HasComment("One row per complaint channel."));
        b.HasKey(x => x.ChannelKey);
        b.Property(x => x.ChannelKey).ValueGeneratedNever();
        b.HasIndex(x => x.Code).IsUnique();
        b.HasData(ChannelCatalog.All.Select(c => new DimChannel { ChannelKey = c.Key, Code = c.Code, Name = c.Name }));
    }
}

internal sealed class DimCategoryConfiguration : IEntityTypeConfiguration<DimCategory>
{
    public void Configure(EntityTypeBuilder<DimCategory> b)
    {
        b.ToTable("dim_category", t => t.HasComment("One row per complaint category."));
        b.HasKey(x => x.CategoryKey);
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class DimCustomerConfiguration : IEntityTypeConfiguration<DimCustomer>
{
    public void Configure(EntityTypeBuilder<DimCustomer> b)
    {
        b.ToTable("dim_customer", t => t.HasComment("One row per customer."));
        b.HasKey(x => x.CustomerKey);
        b.HasIndex(x => x.Name).IsUnique();
    }
}
