using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Etl.Staging;

/// <summary>One rejected value: which column, what it held, and why. The loader adds file, sheet and line.</summary>
public sealed record RowError(string Column, string? Value, string Reason);

/// <summary>A staged row: parsed and converted, references (department, question) still as the text the file gave.</summary>
public abstract record StagedRow(int Line);

public sealed record StagedDepartment(int Line, string Code, string Name, string? Manager, string? ParentCode) : StagedRow(Line);

public sealed record StagedQuestion(int Line, string Question, string Text, decimal Weight, decimal Scale) : StagedRow(Line);

public sealed record StagedCheck(int Line, string CheckId, string Department, DateOnly Month, string Kind, decimal Score,
    string? Inspector, DateOnly? CheckedOn, string? Note) : StagedRow(Line);

public sealed record StagedCheckDeduction(int Line, string CheckId, string Item, decimal Points, string? Note) : StagedRow(Line);

public sealed record StagedSurveyAnswer(int Line, string ResponseId, string Department, Quarter Quarter, string Customer, string Question,
    decimal Score, DateOnly? SubmittedOn, bool Excluded, string? ExcludedBy, string? ExcludedReason, string? Note) : StagedRow(Line);

public sealed record StagedComplaint(int Line, string ComplaintId, string Department, DateTime ReceivedAt, int ChannelKey, bool Valid,
    string? Customer, string? Category, string? Description, DateTime? RepliedAt, DateTime? ResolvedAt, decimal? DirectDeduction,
    string? Handler, string? Satisfaction) : StagedRow(Line);

public sealed record StagedCallback(int Line, string CallbackId, string Department, DateOnly CalledOn, string Finding, decimal? Deduction,
    string? Customer, string? Note) : StagedRow(Line);
