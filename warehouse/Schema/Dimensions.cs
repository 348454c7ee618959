namespace QualityAnalytics.Warehouse.Schema;

/// <summary>Grain: one row per department version (type-2 slowly changing). A rename or a new manager closes the
/// current version (ValidTo) and opens a new one, so facts keep pointing at the name valid on their date.</summary>
public sealed class DimDepartment
{
    public int DepartmentKey { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Manager { get; set; }
    public string? ParentCode { get; set; }
    public DateOnly ValidFrom { get; set; }
    /// <summary>Exclusive end; null while current.</summary>
    public DateOnly? ValidTo { get; set; }
    public bool IsCurrent { get; set; }
    public long? BatchId { get; set; }
}

/// <summary>Grain: one row per calendar day 2020–2035, with the official working-day flag (调休 included).</summary>
public sealed class DimDate
{
    public int DateKey { get; set; }
    public DateOnly Date { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public int QuarterKey { get; set; }
    public int Month { get; set; }
    public int Day { get; set; }
    public int DayOfWeek { get; set; }
    public int IsoYear { get; set; }
    public int IsoWeek { get; set; }
    public bool IsWorkingDay { get; set; }
    public string? HolidayName { get; set; }
    /// <summary>False for years the official calendar does not cover yet: weekends only, until a user extends it.</summary>
    public bool IsOfficial { get; set; }
}

/// <summary>Grain: one row per survey question (题号), updated in place with the change recorded.</summary>
public sealed class DimSurveyQuestion
{
    public int QuestionKey { get; set; }
    public required string Question { get; set; }
    public required string Text { get; set; }
    public decimal Weight { get; set; }
    public decimal Scale { get; set; }
    public long? BatchId { get; set; }
}

/// <summary>Grain: one row per complaint channel (电话, 邮件, 网站, 意见箱, 其他).</summary>
public sealed class DimChannel
{
    public int ChannelKey { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
}

/// <summary>Grain: one row per complaint category name, added as categories first appear.</summary>
public sealed class DimCategory
{
    public int CategoryKey { get; set; }
    public required string Name { get; set; }
}

/// <summary>Grain: one row per customer name, added as customers first appear.</summary>
public sealed class DimCustomer
{
    public int CustomerKey { get; set; }
    public required string Name { get; set; }
}
