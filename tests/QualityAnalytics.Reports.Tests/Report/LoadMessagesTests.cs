using System.Globalization;
using System.Text.RegularExpressions;
using QualityAnalytics.Reports.Resources;

namespace QualityAnalytics.Reports.Tests.Report;

/// <summary>The loader's messages as the report and the dashboard show them: in Chinese by default, with the values
/// the message named carried over; in English as recorded; anything of unknown form as recorded.</summary>
public sealed class LoadMessagesTests
{
    private static readonly ReportText Zh = new(CultureInfo.GetCultureInfo("zh-CN"));
    private static readonly ReportText En = new(CultureInfo.GetCultureInfo("en"));

    [Theory]
    [InlineData("required value is missing", "缺少必填值")]
    [InlineData("a totals row (合 计), not a record", "合计行（合 计），不是一条记录")]
    [InlineData("is a number, not a date: a CSV carries dates as text (46204.5 is 2026-07-01 12:00 as Excel's serial date; format the column as a date in Excel before saving)",
        "是数字而不是日期：CSV 中的日期以文本保存（46204.5 按 Excel 的序列日期是 2026-07-01 12:00；请先在 Excel 中把该列设为日期格式再保存）")]
    [InlineData("a sign-off line (制表人：张三), not a record", "落款行（制表人：张三），不是一条记录")]
    [InlineData("Excel error value #N/A (a formula that failed), not a value", "Excel 错误值 #N/A（公式计算失败），不是数据")]
    [InlineData("Excel error value #DIV/0! (a formula that failed), not a value", "Excel 错误值 #DIV/0!（公式计算失败），不是数据")]
    [InlineData("a formula whose result was never computed (the file was saved by a program that does not calculate formulas); open the file in Excel or WPS and save it, so that its values are computed, then send it again",
        "公式的结果从未计算过（文件由不计算公式的程序保存）；请用 Excel 或 WPS 打开该文件并保存，让数值计算出来，再重新发送")]
    [InlineData("is not a number", "不是数字")]
    [InlineData("is not a date and time (e.g. 2026-04-03 14:05)", "不是日期时间（例如 2026-04-03 14:05）")]
    [InlineData("is not a date (e.g. 2026-04-03)", "不是日期（例如 2026-04-03）")]
    [InlineData("is not a month (e.g. 2026-04)", "不是月份（例如 2026-04）")]
    [InlineData("is not a quarter (e.g. 2026Q2)", "不是季度（例如 2026Q2）")]
    [InlineData("is not a yes/no value (是/否, Y/N, 1/0, 有效/无效)", "不是是/否值（是/否、Y/N、1/0、有效/无效）")]
    [InlineData("must be between 0 and 5 (the scale of question Q1)", "须在 0 到 5 之间（题目 Q1 的满分）")]
    [InlineData("must be between 0.5 and 1", "须在 0.5 到 1 之间")]
    [InlineData("must be greater than 0", "须大于 0")]
    [InlineData("must not be negative", "不能为负数")]
    [InlineData("must be 0 or empty when the finding is none", "回访结果为“无”时须为 0 或留空")]
    [InlineData("must be none/无, incomplete/记录不全 or mismatch/与实际不符", "须为 无（none）、记录不全（incomplete）或 与实际不符（mismatch）")]
    [InlineData("must be one of phone/电话, email/邮件, web/网站, suggestion box/意见箱, other/其他", "须为 电话、邮件、网站、意见箱、其他 之一")]
    [InlineData("must be 满意, 基本满意 or 不满意 (satisfied, neutral, dissatisfied)", "须为 满意、基本满意 或 不满意")]
    [InlineData("is not a satisfaction the loader knows (满意, 基本满意, 不满意, 未回访); the complaint is loaded with satisfaction empty", "不是可识别的处理满意度（满意、基本满意、不满意、未回访）；投诉已导入，处理满意度留空")]
    [InlineData("must be self/自查 or spot/抽查", "须为 自查（self）或 抽查（spot）")]
    [InlineData("is before received_at", "早于受理时间")]
    [InlineData("is before 受理时间", "早于受理时间")] // the column as a Chinese file heads it
    [InlineData("duplicate key: an earlier line of this file has the same 检查编号 and 考核项目 (CK-T, 服务态度)", "重复的键：本文件前面已有一行的检查编号和考核项目与此相同（CK-T, 服务态度）")]
    [InlineData("duplicate key: an earlier line of this file has the same Check ID and Item (CK-T, 服务态度)", "重复的键：本文件前面已有一行的 Check ID 和 Item 与此相同（CK-T, 服务态度）")]
    [InlineData("no check with this 检查编号 yet; the deduction is kept and compared with the check's score when it arrives", "尚无此检查编号的检查记录；扣分已保留，检查记录到达时再与其得分核对")]
    [InlineData("names no department (neither in the warehouse nor in this file); the department is loaded with this 上级部门编码 as given", "不是任何部门的编码（已有数据和本文件中都没有）；部门已按所填的上级部门编码导入")]
    [InlineData("differs from the first row of questionnaire R-1 (line 2: 甲); the rows of a 问卷编号 must share 部门编码, 季度 and 客户名称", "与问卷 R-1 的首行（第 2 行：甲）不一致；同一问卷编号的各行须有相同的部门、季度和客户")]
    [InlineData("duplicate key: an earlier line of this file has the same key", "重复的键：本文件前面已有一行使用相同的键")]
    [InlineData("duplicate key: an earlier line of this file has the same check_id and item (CK-T, 服务态度)", "重复的键：本文件前面已有一行的 check_id 和 item 与此相同（CK-T, 服务态度）")]
    [InlineData("unknown department (neither a code nor a current name in the warehouse or this load)", "未知部门（既不是已有的或本次导入的部门编码，也不是部门的现用名称）")]
    [InlineData("ambiguous department name: the current name of AA1, AA2; give the department's code", "部门名称不唯一：它是 AA1, AA2 的现用名称；请填写部门编码")]
    [InlineData("unknown survey question (not in the warehouse or this load)", "未知问卷题目（已有数据和本次导入中都没有）")]
    [InlineData("is outside the warehouse calendar (2020-01-01 to 2035-12-31)", "超出系统日历的范围（2020-01-01 至 2035-12-31）")]
    [InlineData("no check with this check_id yet; the deduction is kept and compared with the check's score when it arrives", "尚无此检查编号的检查记录；扣分已保留，检查记录到达时再与其得分核对")]
    [InlineData("check K-7 scores 96 but its deductions total 5 (expected 95)", "检查 K-7 得分 96，但扣分合计 5（应为 95）")]
    [InlineData("load failed and was rolled back: disk full", "导入失败，已回滚：disk full")]
    [InlineData("complaints.csv: cannot be decoded as UTF-8, UTF-16 or GB18030 (invalid byte 0x81 at offset 12)", "complaints.csv：无法按 UTF-8、UTF-16 或 GB18030 解码（偏移 12 处的字节 0x81 无效）")]
    [InlineData("bom.csv: cannot be decoded as UTF-8 (it starts with a UTF-8 byte order mark) (invalid byte 0xC3 at offset 9).", "bom.csv：无法按 UTF-8（文件以 UTF-8 字节顺序标记开头） 解码（偏移 9 处的字节 0xC3 无效）")]
    [InlineData("mixed.csv: cannot be decoded as UTF-8, UTF-16 or GB18030 (invalid byte 0xB5 on line 4, at offset 194).", "mixed.csv：无法按 UTF-8、UTF-16 或 GB18030 解码（第 4 行、偏移 194 处的字节 0xB5 无效）")]
    [InlineData("a.csv: cannot be decoded as UTF-8, UTF-16 or GB18030 (incomplete character on line 2, at offset 40)", "a.csv：无法按 UTF-8、UTF-16 或 GB18030 解码（第 2 行、偏移 40 处的字符不完整）")]
    [InlineData("a.csv: cannot be decoded as UTF-8, UTF-16 or GB18030 (incomplete character at offset 40)", "a.csv：无法按 UTF-8、UTF-16 或 GB18030 解码（偏移 40 处的字符不完整）")]
    [InlineData("q.csv: has a quoted field starting on line 7 that is never closed", "q.csv：第 7 行开始的带引号字段没有闭合")]
    [InlineData("empty.csv: has no header row (the file is empty or blank).", "empty.csv：没有表头行（文件为空或空白）")]
    [InlineData("book.xlsx: has no sheet with a header row (every sheet is empty).", "book.xlsx：没有带表头行的工作表（所有工作表都是空的）")]
    [InlineData("notes.pdf: not a supported file type (.csv, .tsv, .txt or .xlsx)", "notes.pdf：不是支持的文件类型（.csv、.tsv、.txt 或 .xlsx）")]
    [InlineData("book.xlsx: is not a readable .xlsx workbook (End of Central Directory record could not be found).", "book.xlsx：不是可读的 .xlsx 工作簿（End of Central Directory record could not be found）")]
    [InlineData("部门_mac.xlsx: uses Excel's 1904 date system, whose dates would load 4 years and a day early; turn off \"Use 1904 date system\" in Excel (Options, Advanced) and send it again.", "部门_mac.xlsx：使用 Excel 的 1904 日期系统，其中的日期会被读早 4 年零 1 天；请在 Excel 中取消“使用 1904 日期系统”（选项 > 高级）后重新发送")]
    [InlineData("部门.xlsx: expands to more than 1 MB when unpacked, the limit for a workbook (too large at its part xl/worksheets/sheet1.xml).", "部门.xlsx：解压后超过工作簿的上限 1 MB（超出处为其部件 xl/worksheets/sheet1.xml）")]
    [InlineData("notes.csv: the header row matches no kind of the data contract (whatever, this, is)", "notes.csv：表头与数据约定中的任何类型都不符（whatever, this, is）")]
    [InlineData("book.xlsx [答卷]: looks like surveys but lacks required column(s) score, question", "book.xlsx [答卷]：看起来是 surveys，但缺少必需的列 score, question")]
    [InlineData("book.xlsx [投诉]: header line 2 has more than one column for a field [customer (客户名称): F2 \"customer\", G2 \"客户名称\"]; keep one column per field", "book.xlsx [投诉]：第 2 行表头有字段对应了不止一列 [customer (客户名称): F2 \"customer\", G2 \"客户名称\"]；每个字段只能保留一列")]
    [InlineData("x.csv: the file holds no data (no header row found)", "x.csv：文件没有数据（找不到表头行）")]
    [InlineData("/data/inbox/gone.csv: no such file or folder", "/data/inbox/gone.csv：文件或文件夹不存在")]
    [InlineData("the row has a value beyond the header's 6 columns, in column 8 (\"extra\"); its cells may be shifted (an unquoted comma?)", "该行在表头的 6 列之外还有值：第 8 列（“extra”）；各单元格可能错位（是否有未加引号的逗号？）")]
    [InlineData("the row has a value beyond the header's 5 columns, in column H (\"备注\"); its cells may be shifted (an unquoted comma?)", "该行在表头的 5 列之外还有值：第 H 列（“备注”）；各单元格可能错位（是否有未加引号的逗号？）")]
    [InlineData("must not contain white space or control characters (a department code is matched exactly)", "不能含有空白或控制字符（部门编码须完全一致才能匹配）")]
    [InlineData("names no department (neither in the warehouse nor in this file); the department is loaded with this parent_code as given", "不是任何部门的编码（已有数据和本文件中都没有）；部门已按所填的上级部门编码导入")]
    [InlineData("scale 5 of question Q3 is below an answer already loaded (10, response R-1); the question keeps its scale of 10", "满分 5 低于题目 Q3 已载入的答卷得分 10（R-1）；该题保留原满分 10")]
    [InlineData("differs from the first row of questionnaire R-X (line 2: LOG); the rows of a response_id must share department, quarter and customer", "与问卷 R-X 的首行（第 2 行：LOG）不一致；同一问卷编号的各行须有相同的部门、季度和客户")]
    [InlineData("differs from questionnaire R-1 as already loaded (中石化（华中）); the rows of a response_id must share department, quarter and customer", "与已载入的问卷 R-1（中石化（华中））不一致；同一问卷编号的各行须有相同的部门、季度和客户")]
    public void Each_message_form_reads_in_Chinese_with_its_values(string recorded, string shown)
    {
        Assert.Equal(shown, LoadMessages.Localize(recorded, Zh));
        Assert.Equal(recorded, LoadMessages.Localize(recorded, En));
    }

    [Theory]
    [InlineData("SQLite Error 13: 'database or disk is full'.")]
    [InlineData("")]
    public void A_message_of_unknown_form_is_shown_as_recorded(string recorded) => Assert.Equal(recorded, LoadMessages.Localize(recorded, Zh));

    [Fact]
    public void No_message_stays_null() => Assert.Null(LoadMessages.Localize(null, Zh));

    [Fact]
    public void Every_English_template_is_the_English_message_it_translates()
    {
        // The en resources restate each form with {0}…: filled with sample values, each must read back unchanged in
        // English and come out Chinese, so a form and its pattern cannot drift apart unnoticed.
        foreach (var key in ReportText.Keys(CultureInfo.GetCultureInfo("en")).Where(k => k.StartsWith("Load.", StringComparison.Ordinal) && k is not "Load.Where" and not "Load.ByteOrderMark" and not "Load.AnyEncoding"))
        {
            // Sample values that fit every placeholder: a number, or a byte where the message names one.
            var english = Regex.Replace(En[key].Replace("invalid byte {1}", "invalid byte 0x81"), @"\{\d\}", "7");
            var chinese = LoadMessages.Localize(english, Zh)!;
            Assert.True(chinese != english, $"{key}: \"{english}\" is not recognised");
            Assert.DoesNotMatch(@"\b(?:must|is|not|the|file|row|value|check|load)\b", chinese);
        }
    }
}
