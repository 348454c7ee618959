using System.Text.RegularExpressions;

namespace QualityAnalytics.Reports.Resources;

/// <summary>The loader's messages (a quarantined row's reason, a refused file's reason, a load warning) in the reader's
/// language. The loader records them in English, the language of the data contract and of `qa`'s output; the report
/// and the dashboard are Chinese first, so each known message form is matched here and written again from the
/// resources (<c>Load.*</c> keys), with its values (columns, numbers, file names) carried over as they were. A message
/// of no known form (a database error, a form added to the loader later) is shown as recorded rather than guessed at.
/// Matching text, not codes, is what lets rows recorded before this existed read in Chinese too.</summary>
public static partial class LoadMessages
{
    /// <summary>A message form: its resource key and the pattern of its English text; the pattern's groups, in order,
    /// fill the resource's {0}, {1}….</summary>
    /// <param name="Columns">The groups (0-based, among the values) that are column names as a file headed them: set
    /// in Chinese text without spaces around a Chinese name (的检查编号和考核项目) and with them around an English one.</param>
    private sealed record Form(string Key, Regex Pattern, int[]? Columns = null);

    // A refused file's reason may start with the file (and sheet) it names: "complaints.csv: …", "book.xlsx [答卷]: …".
    private const string Where = @"^(?:(?<where>.+?): )?";

    // The questionnaire rule names four columns as the file heads them; the Chinese sentence says them in words.
    private const string ShareRule = "the rows of a (.+) must share (.+), (.+) and (.+)";

    private static readonly Form[] Forms =
    [
        Row("Missing", "required value is missing"),
        Row("NotNumber", "is not a number"),
        Row("NotDateTime", @"is not a date and time \(e\.g\. 2026-04-03 14:05\)"),
        Row("NotDate", @"is not a date \(e\.g\. 2026-04-03\)"),
        Row("SerialInCsv", @"is a number, not a date: a CSV carries dates as text \((\S+) is (.+) as Excel's serial date; format the column as a date in Excel before saving\)"),
        Row("NotMonth", @"is not a month \(e\.g\. 2026-04\)"),
        Row("NotQuarter", @"is not a quarter \(e\.g\. 2026Q2\)"),
        Row("NotYesNo", @"is not a yes/no value \(是/否, Y/N, 1/0, 有效/无效\)"),
        Row("BetweenScale", @"must be between (\S+) and (\S+) \(the scale of question (.+)\)"),
        Row("Between", @"must be between (\S+) and (\S+)"),
        Row("GreaterThanZero", "must be greater than 0"),
        Row("NotNegative", "must not be negative"),
        Row("ZeroWhenNone", "must be 0 or empty when the finding is none"),
        Row("Finding", "must be none/无, incomplete/记录不全 or mismatch/与实际不符"),
        Row("Channel", "must be one of phone/电话, email/邮件, web/网站, suggestion box/意见箱, other/其他"),
        Row("Satisfaction", @"must be 满意, 基本满意 or 不满意 \(satisfied, neutral, dissatisfied\)"),
        Row("SatisfactionUnknown", @"is not a satisfaction the loader knows \(满意, 基本满意, 不满意, 未回访\); the complaint is loaded with satisfaction empty"),
        Row("CheckKind", "must be self/自查 or spot/抽查"),
        // Forms that name a column name it as the file's header wrote it (is before 受理时间, received_at before), so the
        // column is a group; the Chinese sentences say the field in words of their own, whatever the header.
        Row("BeforeReceived", "is before (.+)"),
        Row("DuplicateKey", "duplicate key: an earlier line of this file has the same key"),
        Row("DuplicateCompositeKey", @"duplicate key: an earlier line of this file has the same (.+?) and (.+?) \((.*)\)") with { Columns = [0, 1] },
        Row("UnknownDepartment", @"unknown department \(neither a code nor a current name in the warehouse or this load\)"),
        Row("AmbiguousDepartment", @"ambiguous department name: the current name of (.+); give the department's code"),
        Row("UnknownQuestion", @"unknown survey question \(not in the warehouse or this load\)"),
        Row("OutsideCalendar", @"is outside the warehouse calendar \((\S+) to (\S+)\)"),
        Row("CheckMissing", "no check with this (.+) yet; the deduction is kept and compared with the check's score when it arrives"),
        Row("DeductionsDisagree", @"check (.+) scores (\S+) but its deductions total (\S+) \(expected (\S+)\)"),
        Row("BeyondHeader", @"the row has a value beyond the header's (\d+) columns, in column (\S+) \(""(.*)""\); its cells may be shifted \(an unquoted comma\?\)"),
        Row("UnusableCode", @"must not contain white space or control characters \(a department code is matched exactly\)"),
        Row("UnknownParent", @"names no department \(neither in the warehouse nor in this file\); the department is loaded with this (.+) as given"),
        Row("ScaleBelowAnswer", @"scale (\S+) of question (.+) is below an answer already loaded \((\S+), response (.+)\); the question keeps its scale of (\S+)"),
        Row("QuestionnaireFirstRow", @"differs from the first row of questionnaire (.+) \(line (\d+): (.*)\); " + ShareRule),
        Row("QuestionnaireStored", @"differs from questionnaire (.+) as already loaded \((.*)\); " + ShareRule),
        Row("TotalsRow", @"a totals row \((.+)\), not a record"),
        Row("SignOffRow", @"a sign-off line \((.+)\), not a record"),
        Row("ErrorValue", @"Excel error value (\S+) \(a formula that failed\), not a value"),
        Row("UncalculatedFormula", @"a formula whose result was never computed \(the file was saved by a program that does not calculate formulas\); open the file in Excel or WPS and save it, so that its values are computed, then send it again"),
        Row("RolledBack", "load failed and was rolled back: (.+)"),
        File("UndecodableByte", @"cannot be decoded as (.+) \(invalid byte (0x[0-9A-F]{2}) at offset (\d+)\)"),
        File("UndecodableByteOnLine", @"cannot be decoded as (.+) \(invalid byte (0x[0-9A-F]{2}) on line (\d+), at offset (\d+)\)"),
        File("UndecodableEndOnLine", @"cannot be decoded as (.+) \(incomplete character on line (\d+), at offset (\d+)\)"),
        File("UndecodableEnd", @"cannot be decoded as (.+) \(incomplete character at offset (\d+)\)"),
        File("QuoteNeverClosed", @"has a quoted field starting on line (\d+) that is never closed"),
        File("NoHeaderRow", @"has no header row \(the file is empty or blank\)"),
        File("NoSheetWithHeader", @"has no sheet with a header row \(every sheet is empty\)"),
        File("UnsupportedType", @"is not a supported file type \((.+); expected \.csv, \.tsv, \.txt or \.xlsx\)"),
        File("NotSupportedType", @"not a supported file type \(\.csv, \.tsv, \.txt or \.xlsx\)"),
        File("UnreadableWorkbook", @"is not a readable \.xlsx workbook \((.+)\)"),
        File("Workbook1904", @"uses Excel's 1904 date system, whose dates would load 4 years and a day early; turn off ""Use 1904 date system"" in Excel \(Options, Advanced\) and send it again"),
        File("WorkbookTooLarge", @"expands to more than (\S+) MB when unpacked, the limit for a workbook \(too large at its part (.+)\)"),
        File("HeaderMatchesNoKind", @"the header row matches no kind of the data contract \((.*)\)"),
        File("LacksColumns", @"looks like (\S+) but lacks required column\(s\) (.+)"),
        File("RepeatedColumns", @"header line (\d+) has more than one column for a field \[(.+)\]; keep one column per field"),
        File("HoldsNoData", @"the file holds no data \(no header row found\)"),
        File("NoSuchFile", "no such file or folder"),
    ];

    /// <summary>The message in <paramref name="text"/>'s language: as recorded for English or a form not known here.</summary>
    public static string? Localize(string? message, ReportText text)
    {
        if (message is null || !text.IsChinese) return message;
        foreach (var form in Forms)
        {
            var match = form.Pattern.Match(message);
            if (!match.Success) continue;
            var values = match.Groups.Cast<Group>().Skip(1).Where(g => g.Name != "where")
                .Select((g, i) => (object?)(form.Columns?.Contains(i) == true ? SpacedInChinese(g.Value) : Encodings(g.Value, text))).ToArray();
            var sentence = text.Format("Load." + form.Key, values);
            var where = match.Groups["where"];
            return where.Success ? text.Format("Load.Where", where.Value, sentence) : sentence;
        }
        return message;
    }

    /// <summary>The encodings a decoding failure names: "UTF-8, UTF-16 or GB18030", "UTF-8 (it starts with a UTF-8
    /// byte order mark)".</summary>
    private static string Encodings(string value, ReportText text)
    {
        var bom = ByteOrderMark().Match(value);
        if (bom.Success) return text.Format("Load.ByteOrderMark", bom.Groups[1].Value, bom.Groups[2].Value);
        return value == "UTF-8, UTF-16 or GB18030" ? text["Load.AnyEncoding"] : value;
    }

    [GeneratedRegex(@"^(\S+) \(it starts with a (\S+) byte order mark\)$")]
    private static partial Regex ByteOrderMark();

    /// <summary>A name set in Chinese text: a space on each side where it begins or ends in a Latin letter or digit
    /// (的 check_id 和 item 与), none beside Chinese (的检查编号和考核项目与).</summary>
    private static string SpacedInChinese(string name) =>
        (name.Length > 0 && char.IsAsciiLetterOrDigit(name[0]) ? " " : "") + name + (name.Length > 0 && char.IsAsciiLetterOrDigit(name[^1]) ? " " : "");

    private static Form Row(string key, string pattern) => new(key, new Regex("^" + pattern + "$", RegexOptions.CultureInvariant));

    // Refused files' reasons end with a full stop when they come from the exception's message.
    private static Form File(string key, string pattern) => new(key, new Regex(Where + pattern + @"\.?$", RegexOptions.CultureInvariant));
}
