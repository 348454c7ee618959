using QualityAnalytics.Etl.Audit;

namespace QualityAnalytics.Web.Apis;

/// <summary>A batch's (or a check's) changes to stored rows as the desk lists them, one line per changed field
/// (<see cref="ChangeFields"/> turns the loader's record of the changed columns into the file's fields).</summary>
internal static class ChangeLines
{
    /// <summary>One line per changed field of a stored row, as the desk shows it: the field in the page's language and the
    /// values in the pages' words (是/否, 满意…, channels in English on the English page).</summary>
    public static IEnumerable<object> Of(string file, string? sheet, string? kind, string key, IEnumerable<ChangedField> fields, ShownValues shown) =>
        fields.Select(f => (object)new
        {
            file, sheet, kind, key, column = FieldLabels.Of(kind, f.Field, System.Globalization.CultureInfo.CurrentUICulture),
            old = (string?)shown.Of(f.Field, f.Old), @new = (string?)shown.Of(f.Field, f.New),
        });
}
