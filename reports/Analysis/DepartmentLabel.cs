namespace QualityAnalytics.Reports.Analysis;

/// <summary>
/// How a department is named, decided once for the findings (which the dashboard shows too) and the report: in Chinese
/// by its name (物流业务部); in English by its name with its code, 物流业务部 (LOG). The warehouse keeps no English name
/// of a department and the product invents none, so English text cannot use the name alone (a reader could not tell
/// it from the code the dashboard's tables and filters show beside it) nor the code alone (the charts and tables name
/// the department; the review found "WUH failed" beside bars labelled 武汉业务部).
/// </summary>
public static class DepartmentLabel
{
    /// <summary>物流业务部 (LOG); the code alone where the department has no name of its own.</summary>
    public static string English(string? name, string code) =>
        string.IsNullOrWhiteSpace(name) || name == code ? code : $"{name} ({code})";

    /// <summary>The name in Chinese; <see cref="English"/> in any other language.</summary>
    public static string In(bool chinese, string? name, string code) =>
        chinese ? (string.IsNullOrWhiteSpace(name) ? code : name) : English(name, code);
}
