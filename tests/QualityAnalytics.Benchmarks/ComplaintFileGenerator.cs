using System.Globalization;
using System.Text;

namespace QualityAnalytics.Benchmarks;

/// <summary>Writes a realistic complaints CSV (and the departments it refers to) as a department would export it:
/// UTF-8, the contract's English headers, Chinese values, a mix of date forms, quoted descriptions with commas and
/// quotes inside, mostly-empty optional columns, and about one row in a thousand that breaks a rule (resolved before
/// received) so that quarantine is part of the measured path. Deterministic: the same seed gives the same bytes.</summary>
public static class ComplaintFileGenerator
{
    public static readonly (string Code, string Name, string Manager)[] Departments =
    [
        ("D01", "客户服务部", "王建国"),
        ("D02", "营业部", "李秀英"),
        ("D03", "工程部", "张伟"),
        ("D04", "计量部", "刘洋"),
        ("D05", "运维部", "陈静"),
        ("D06", "市场部", "杨帆"),
        ("D07", "财务部", "赵敏"),
    ];

    private static readonly string[] Channels = ["电话", "电话", "电话", "网站", "网站", "邮件", "意见箱", "其他"];

    private static readonly string[] Categories = ["服务态度", "办理时效", "收费争议", "产品质量", "信息错误", "环境设施", "流程繁琐", "其他"];

    private static readonly string[] Phrases =
    [
        "客户反映营业厅排队时间过长", "工作人员未按承诺时间回电", "账单金额与实际用量不符", "上门维修人员迟到两个小时",
        "网站缴费后状态长时间未更新", "多次来电反映同一问题未解决", "服务人员态度生硬", "办理过户手续材料要求反复变化",
        "停电通知未提前送达", "表计读数疑似有误", "投诉热线长时间无人接听", "现场施工后路面未恢复",
        "短信提醒内容与实际不一致", "希望增加周末办理时间", "退费流程过于繁琐", "客户要求书面答复",
    ];

    private static readonly string[] Surnames = ["华东", "新城", "金桥", "恒达", "宏远", "海天", "润丰", "永安", "东方", "长江",
        "明珠", "利民", "天成", "嘉禾", "中兴", "和信", "远航", "绿源", "星光", "瑞祥"];

    private static readonly string[] Trades = ["机械制造", "物业管理", "餐饮", "商贸", "建筑工程", "食品加工", "纺织", "物流",
        "科技", "印务", "酒店", "医药", "汽车服务", "家具", "电子"];

    private static readonly string[] Handlers = ["周杰", "吴芳", "郑强", "孙丽", "钱磊", "冯婷", "何军", "高敏", "林涛", "罗娟",
        "梁超", "宋佳", "谢勇", "韩雪", "唐浩", "许静", "邓辉", "曹琳", "彭亮", "曾瑶"];

    private static readonly string Header =
        "complaint_id,department,received_at,channel,valid,customer,category,description,replied_at,resolved_at,direct_deduction,handler,satisfaction";

    public static void WriteDepartments(string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.WriteLine("code,name,manager,parent_code");
        foreach (var (code, name, manager) in Departments) w.WriteLine($"{code},{name},{manager},");
    }

    /// <returns>The number of rows meant to be quarantined (resolved_at before received_at).</returns>
    public static long WriteComplaints(string path, long rows, int seed = 20260403)
    {
        var random = new Random(seed);
        var customers = new string[Surnames.Length * Trades.Length];
        for (var i = 0; i < customers.Length; i++) customers[i] = $"{Surnames[i % Surnames.Length]}{Trades[i / Surnames.Length]}有限公司";
        var start = new DateTime(2020, 1, 1);
        var minutes = (int)(new DateTime(2027, 1, 1) - start).TotalMinutes;
        var inv = CultureInfo.InvariantCulture;
        var flawed = 0L;

        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 20);
        w.Write(Header);
        w.Write('\n');
        var sb = new StringBuilder(512);
        for (long i = 1; i <= rows; i++)
        {
            sb.Clear();
            sb.Append("TS").Append(i.ToString("D10", inv)).Append(',');
            var d = Departments[random.Next(Departments.Length)];
            sb.Append(random.Next(20) == 0 ? d.Name : d.Code).Append(',');
            var received = start.AddMinutes(random.Next(minutes));
            sb.Append(random.Next(10) == 0 ? received.ToString("yyyy/M/d H:mm", inv) : received.ToString("yyyy-MM-dd HH:mm", inv)).Append(',');
            sb.Append(Channels[random.Next(Channels.Length)]).Append(',');
            sb.Append(random.Next(100) < 85 ? "是" : "否").Append(',');
            if (random.Next(10) != 0) sb.Append(customers[random.Next(customers.Length)]);
            sb.Append(',');
            if (random.Next(20) != 0) sb.Append(Categories[random.Next(Categories.Length)]);
            sb.Append(',');
            AppendDescription(sb, random);
            sb.Append(',');
            DateTime? replied = random.Next(100) < 80 ? received.AddMinutes(random.Next(60, 72 * 60)) : null;
            DateTime? resolved = random.Next(100) < 60 ? (replied ?? received).AddMinutes(random.Next(0, 10 * 24 * 60)) : null;
            if (random.Next(1000) == 0)
            {
                resolved = received.AddDays(-1 - random.Next(30));
                flawed++;
            }
            if (replied is { } rep) sb.Append(rep.ToString("yyyy-MM-dd HH:mm:ss", inv));
            sb.Append(',');
            if (resolved is { } res) sb.Append(res.ToString("yyyy-MM-dd HH:mm", inv));
            sb.Append(',');
            if (random.Next(100) < 3) sb.Append(random.Next(3) switch { 0 => "0.5", 1 => "1", _ => "2" });
            sb.Append(',');
            sb.Append(Handlers[random.Next(Handlers.Length)]).Append(',');
            var s = random.Next(100);
            sb.Append(s < 60 ? "满意" : s < 85 ? "基本满意" : s < 95 ? "不满意" : "");
            sb.Append('\n');
            w.Write(sb);
        }
        return flawed;
    }

    // One to three phrases joined by a Chinese comma; one row in ten has an ASCII comma (so the field is quoted),
    // one in a hundred has quotation marks inside (doubled in the file).
    private static void AppendDescription(StringBuilder sb, Random random)
    {
        var n = 1 + random.Next(3);
        var roll = random.Next(100);
        var quoted = roll < 11;
        if (quoted) sb.Append('"');
        for (var k = 0; k < n; k++)
        {
            if (k > 0) sb.Append(roll < 10 ? ", " : "，");
            sb.Append(Phrases[random.Next(Phrases.Length)]);
        }
        if (roll == 10) sb.Append("，客户原话：\"\"再不处理就找媒体\"\"");
        if (quoted) sb.Append('"');
    }
}
